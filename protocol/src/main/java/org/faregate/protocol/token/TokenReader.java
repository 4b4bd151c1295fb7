package org.faregate.protocol.token;

import java.nio.ByteBuffer;
import org.faregate.protocol.Bytes;

/** Reads fixed-width big-endian fields and reports the byte offset of anything wrong. */
final class TokenReader {

    private final ByteBuffer buffer;

    TokenReader(byte[] bytes) {
        this.buffer = ByteBuffer.wrap(bytes);
    }

    int offset() {
        return buffer.position();
    }

    void require(int length, String field) throws MalformedTokenException {
        if (buffer.remaining() < length) {
            throw new MalformedTokenException(offset(), "truncated: " + field + " needs " + length
                    + " bytes, " + buffer.remaining() + " left");
        }
    }

    int u8(String field) throws MalformedTokenException {
        require(1, field);
        return buffer.get() & 0xff;
    }

    int u16(String field) throws MalformedTokenException {
        require(2, field);
        return buffer.getShort() & 0xffff;
    }

    long u32(String field) throws MalformedTokenException {
        require(4, field);
        return buffer.getInt() & 0xFFFF_FFFFL;
    }

    long i64(String field) throws MalformedTokenException {
        require(8, field);
        return buffer.getLong();
    }

    Bytes bytes(int length, String field) throws MalformedTokenException {
        require(length, field);
        byte[] out = new byte[length];
        buffer.get(out);
        return Bytes.of(out);
    }

    void expectEnd(String what) throws MalformedTokenException {
        if (buffer.hasRemaining()) {
            throw new MalformedTokenException(offset(), buffer.remaining() + " unexpected bytes after " + what);
        }
    }
}
