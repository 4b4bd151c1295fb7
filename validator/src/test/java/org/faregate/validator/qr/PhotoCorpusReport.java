package org.faregate.validator.qr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faregate.protocol.Bytes;
import org.faregate.validator.qr.photo.Distortion;
import org.faregate.validator.qr.photo.PhotoCase;
import org.faregate.validator.qr.photo.PhotoCorpus;
import org.faregate.validator.qr.photo.ReferenceTools;

/**
 * Measures decode strategies on the seeded photo corpus and prints, per distortion and strength, each
 * strategy's hits, wrong payloads and median/p99 time per frame (hits and misses together), with zbarimg's hits
 * beside them when it is installed. Run by hand (docs/performance.md), never by surefire:
 * {@code PhotoCorpusReport [frames per cell [strategy names, comma-separated]]}.
 */
public final class PhotoCorpusReport {

    private static final long SEED = 20261125;
    private static final int WARMUP_FRAMES = 60;

    /** The candidates: the decoder before tuning, single additions to it, and orders of them. */
    static final Map<String, List<ReadAttempt>> STRATEGIES = new LinkedHashMap<>();

    static {
        List<ReadAttempt> before = List.of(ReadAttempt.hybrid(FrameView.ORIGINAL),
                ReadAttempt.hybrid(FrameView.INVERTED), ReadAttempt.hybrid(FrameView.QUARTER_TURN));
        STRATEGIES.put("before", before);
        STRATEGIES.put("fast", List.of(new ReadAttempt(FrameView.ORIGINAL, false, false),
                new ReadAttempt(FrameView.INVERTED, false, false), new ReadAttempt(FrameView.QUARTER_TURN, false, false)));
        STRATEGIES.put("+global", plus(before, ReadAttempt.globalHistogram(FrameView.ORIGINAL),
                ReadAttempt.globalHistogram(FrameView.INVERTED)));
        STRATEGIES.put("+half", plus(before, ReadAttempt.hybrid(FrameView.HALF_SIZE)));
        STRATEGIES.put("+stretch", plus(before, ReadAttempt.hybrid(FrameView.STRETCHED)));
        STRATEGIES.put("+global+half", plus(before, ReadAttempt.globalHistogram(FrameView.ORIGINAL),
                ReadAttempt.globalHistogram(FrameView.INVERTED), ReadAttempt.hybrid(FrameView.HALF_SIZE)));
        STRATEGIES.put("tuned", ZxingQrCodec.ATTEMPTS);
    }

    private PhotoCorpusReport() {
    }

    public static void main(String[] args) {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        List<String> names = args.length > 1 ? Arrays.asList(args[1].split(",")) : List.copyOf(STRATEGIES.keySet());
        Map<String, ZxingQrCodec> codecs = new LinkedHashMap<>();
        for (String name : names) {
            codecs.put(name, new ZxingQrCodec(STRATEGIES.get(name)));
        }
        PhotoCorpus corpus = PhotoCorpus.zxingSymbols(SEED);
        warmUp(corpus, codecs);
        boolean zbar = ReferenceTools.installed();
        System.out.printf("seed %d, %d frames a cell; time per frame in ms (median / p99, hits and misses)%n",
                SEED, frames);
        Map<String, int[]> totals = new LinkedHashMap<>();
        try (ReferenceTools tools = new ReferenceTools()) {
            for (Distortion distortion : Distortion.values()) {
                for (int strength : distortion.strengths()) {
                    List<PhotoCase> cell = new ArrayList<>();
                    for (int i = 0; i < frames; i++) {
                        cell.add(corpus.photo(distortion, strength, i));
                    }
                    StringBuilder line = new StringBuilder(String.format("%-12s %d", distortion, strength));
                    for (Map.Entry<String, ZxingQrCodec> codec : codecs.entrySet()) {
                        Outcome outcome = measure(codec.getValue(), cell);
                        int[] total = totals.computeIfAbsent(codec.getKey(), k -> new int[2]);
                        total[0] += outcome.hits;
                        total[1] += outcome.wrong;
                        line.append(String.format(" | %s %d/%d%s %.1f/%.1f", codec.getKey(), outcome.hits, frames,
                                outcome.wrong > 0 ? " WRONG " + outcome.wrong : "", outcome.median(), outcome.p99()));
                    }
                    if (zbar) {
                        int zbarHits = 0;
                        int zbarWrong = 0;
                        for (PhotoCase photo : cell) {
                            Optional<Bytes> read = tools.zbarimg(photo.frame());
                            zbarHits += read.isPresent() && read.get().equals(photo.payload()) ? 1 : 0;
                            zbarWrong += read.isPresent() && !read.get().equals(photo.payload()) ? 1 : 0;
                        }
                        int[] total = totals.computeIfAbsent("zbarimg", k -> new int[2]);
                        total[0] += zbarHits;
                        total[1] += zbarWrong;
                        line.append(String.format(" | zbarimg %d/%d%s", zbarHits, frames,
                                zbarWrong > 0 ? " WRONG " + zbarWrong : ""));
                    }
                    System.out.println(line);
                }
            }
        }
        totals.forEach((name, total) -> System.out.printf("total %s: %d hits, %d wrong%n", name, total[0], total[1]));
    }

    private static void warmUp(PhotoCorpus corpus, Map<String, ZxingQrCodec> codecs) {
        for (int i = 0; i < WARMUP_FRAMES; i++) {
            Distortion distortion = Distortion.values()[i % Distortion.values().length];
            PhotoCase photo = corpus.photo(distortion, distortion.strengths()[0], 10_000 + i);
            codecs.values().forEach(codec -> codec.decode(photo.frame()));
        }
    }

    private static Outcome measure(ZxingQrCodec codec, List<PhotoCase> cell) {
        Outcome outcome = new Outcome(new double[cell.size()]);
        for (int i = 0; i < cell.size(); i++) {
            PhotoCase photo = cell.get(i);
            long start = System.nanoTime();
            Optional<Bytes> read = codec.decode(photo.frame());
            outcome.millis[i] = (System.nanoTime() - start) / 1e6;
            if (read.isPresent()) {
                outcome.hits += read.get().equals(photo.payload()) ? 1 : 0;
                outcome.wrong += read.get().equals(photo.payload()) ? 0 : 1;
            }
        }
        Arrays.sort(outcome.millis);
        return outcome;
    }

    private static List<ReadAttempt> plus(List<ReadAttempt> first, ReadAttempt... more) {
        List<ReadAttempt> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private static final class Outcome {
        final double[] millis;
        int hits;
        int wrong;

        Outcome(double[] millis) {
            this.millis = millis;
        }

        double median() {
            return millis[millis.length / 2];
        }

        double p99() {
            return millis[Math.min(millis.length - 1, (int) Math.ceil(millis.length * 0.99) - 1)];
        }
    }
}
