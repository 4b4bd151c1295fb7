package org.faregate.protocol;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable byte string that copies on the way in and out, compares by content and prints as hex. */
public final class Bytes {

    private static final HexFormat HEX = HexFormat.of();
    private final byte[] value;

    private Bytes(byte[] value) {
        this.value = value;
    }

    public static Bytes of(byte[] value) {
        return new Bytes(value.clone());
    }

    public static Bytes of(byte[] value, int offset, int length) {
        return new Bytes(Arrays.copyOfRange(value, offset, offset + length));
    }

    public static Bytes parseHex(String hex) {
        return new Bytes(HEX.parseHex(hex));
    }

    public byte[] toArray() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    public byte get(int index) {
        return value[index];
    }

    /** Copies these bytes into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(value, 0, target, offset, value.length);
    }

    public String toHex() {
        return HEX.formatHex(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes that && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
