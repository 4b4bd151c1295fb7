package org.faregate.validator.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.faregate.protocol.wire.WireFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a journal file's bytes back into records. A bad record followed by no good record is a torn
 * tail (cut at {@link #goodEnd()}); a bad region followed by good records is corruption: it is skipped
 * and counted so the later taps survive.
 */
final class JournalScan {

    private static final Logger logger = LoggerFactory.getLogger(JournalScan.class);

    record Decoded(JournalCodec.Entry entry, int length) {
    }

    private final List<Decoded> records;
    private final long goodEnd;
    private final long corruptBytes;

    private JournalScan(List<Decoded> records, long goodEnd, long corruptBytes) {
        this.records = records;
        this.goodEnd = goodEnd;
        this.corruptBytes = corruptBytes;
    }

    static JournalScan of(byte[] bytes, JournalCodec codec, Path file) {
        List<Decoded> records = new ArrayList<>();
        int position = 0;
        int goodEnd = 0;
        long corrupt = 0;
        while (position < bytes.length) {
            int length = JournalCodec.recordLength(bytes, position);
            if (length > 0) {
                try {
                    records.add(new Decoded(codec.decode(bytes, position, length), length));
                    position += length;
                    goodEnd = position;
                    continue;
                } catch (WireFormatException e) {
                    logger.error("Unreadable journal record skipped [file={}, at={}]: {}", file, position,
                            e.getMessage());
                    corrupt += length;
                    position += length;
                    goodEnd = position;
                    continue;
                }
            }
            int next = nextRecord(bytes, position + 1);
            if (next < 0) {
                break;
            }
            logger.error("Corrupt journal region skipped [file={}, from={}, to={}]", file, position, next);
            corrupt += next - position;
            position = next;
        }
        return new JournalScan(records, goodEnd, corrupt);
    }

    private static int nextRecord(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == JournalCodec.MAGIC && JournalCodec.recordLength(bytes, i) > 0) {
                return i;
            }
        }
        return -1;
    }

    List<Decoded> records() {
        return records;
    }

    long goodEnd() {
        return goodEnd;
    }

    long corruptBytes() {
        return corruptBytes;
    }
}
