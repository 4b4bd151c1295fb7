package org.faregate.validator.qr;

import com.google.zxing.Binarizer;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;

/**
 * One try of ZXing's QR reader on a frame: a view of the frame, a binarizer (ZXing's local-threshold
 * {@code HybridBinarizer}, or its one-threshold-per-row {@code GlobalHistogramBinarizer}) and whether the
 * finder-pattern search tries harder.
 */
record ReadAttempt(FrameView view, boolean globalHistogram, boolean tryHarder) {

    static ReadAttempt hybrid(FrameView view) {
        return new ReadAttempt(view, false, true);
    }

    static ReadAttempt globalHistogram(FrameView view) {
        return new ReadAttempt(view, true, true);
    }

    Binarizer binarizer(LuminanceSource source) {
        return globalHistogram ? new GlobalHistogramBinarizer(source) : new HybridBinarizer(source);
    }

    /** E.g. {@code HALF_SIZE/hybrid}, {@code ORIGINAL/global/fast}. */
    @Override
    public String toString() {
        return view + (globalHistogram ? "/global" : "/hybrid") + (tryHarder ? "" : "/fast");
    }
}
