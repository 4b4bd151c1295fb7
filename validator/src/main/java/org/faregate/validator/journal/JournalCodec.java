package org.faregate.validator.journal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import org.faregate.protocol.TapId;
import org.faregate.protocol.wire.TapRecord;
import org.faregate.protocol.wire.WireFormatException;
import org.faregate.protocol.wire.WireJson;

/**
 * The journal's framing. Each record: magic 0xFA (1) | type (1) | payload length (4, big-endian)
 * | CRC-32 of type, length and payload (4) | payload. A tap record's payload is the TapRecord as JSON;
 * an acknowledgement's payload is a count (4) followed by that many 16-byte tap ids.
 */
final class JournalCodec {

    static final byte MAGIC = (byte) 0xFA;
    static final byte TYPE_TAP = 'T';
    static final byte TYPE_ACK = 'A';
    static final int HEADER = 10;
    static final int MAX_PAYLOAD = 1 << 20;

    /** Shared by every journal: a mapper is thread-safe once built, and building one costs milliseconds. */
    private static final WireJson JSON = new WireJson();

    /** One record read back from the file. */
    sealed interface Entry permits Tap, Ack {
    }

    record Tap(TapRecord record) implements Entry {
    }

    record Ack(List<TapId> tapIds) implements Entry {
        Ack {
            tapIds = List.copyOf(tapIds);
        }
    }

    ByteBuffer encodeTap(TapRecord tap) {
        return frame(TYPE_TAP, JSON.write(tap));
    }

    ByteBuffer encodeAck(List<TapId> tapIds) {
        ByteBuffer payload = ByteBuffer.allocate(4 + 16 * tapIds.size());
        payload.putInt(tapIds.size());
        for (TapId id : tapIds) {
            payload.putLong(id.value().getMostSignificantBits()).putLong(id.value().getLeastSignificantBits());
        }
        return frame(TYPE_ACK, payload.array());
    }

    /**
     * The length of the well-formed record starting at {@code offset}, or -1 if the bytes there are not
     * one (torn, truncated or corrupt).
     */
    static int recordLength(byte[] file, int offset) {
        if (file.length - offset < HEADER || file[offset] != MAGIC) {
            return -1;
        }
        byte type = file[offset + 1];
        if (type != TYPE_TAP && type != TYPE_ACK) {
            return -1;
        }
        ByteBuffer header = ByteBuffer.wrap(file, offset + 2, 8);
        int length = header.getInt();
        int crc = header.getInt();
        if (length < 0 || length > MAX_PAYLOAD || length > file.length - offset - HEADER) {
            return -1;
        }
        if (crc != crc(type, length, file, offset + HEADER)) {
            return -1;
        }
        return HEADER + length;
    }

    /** Decodes a record already checked by {@link #recordLength}. */
    Entry decode(byte[] file, int offset, int recordLength) throws WireFormatException {
        byte type = file[offset + 1];
        byte[] payload = new byte[recordLength - HEADER];
        System.arraycopy(file, offset + HEADER, payload, 0, payload.length);
        if (type == TYPE_TAP) {
            return new Tap(JSON.read(payload, TapRecord.class));
        }
        ByteBuffer in = ByteBuffer.wrap(payload);
        int count = in.getInt();
        if (count < 0 || count * 16L != in.remaining()) {
            throw new WireFormatException("acknowledgement of " + count + " taps has " + in.remaining()
                    + " bytes of ids", null);
        }
        List<TapId> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(new TapId(new UUID(in.getLong(), in.getLong())));
        }
        return new Ack(ids);
    }

    private static ByteBuffer frame(byte type, byte[] payload) {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("journal record of " + payload.length + " bytes is too large");
        }
        ByteBuffer out = ByteBuffer.allocate(HEADER + payload.length);
        out.put(MAGIC).put(type).putInt(payload.length).putInt(crc(type, payload.length, payload, 0)).put(payload);
        return out.flip();
    }

    private static int crc(byte type, int length, byte[] bytes, int payloadOffset) {
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(ByteBuffer.allocate(4).putInt(length).array());
        crc.update(bytes, payloadOffset, length);
        return (int) crc.getValue();
    }
}
