package org.faregate.protocol.nfc;

import java.nio.ByteBuffer;
import org.faregate.protocol.Bytes;

/**
 * The ISO 7816-4 commands a Faregate gate sends and the status words a holder answers with.
 * Short APDUs only: every command and response fits in 255 data bytes.
 */
public final class Apdus {

    /** Proprietary application id: F0 || "FAREGATE" || version 01. */
    public static final Bytes AID = Bytes.parseHex("f04641524547415445" + "01");

    public static final int CLA_ISO = 0x00;
    public static final int CLA_PROPRIETARY = 0x80;
    public static final int INS_SELECT = 0xA4;
    public static final int INS_INTERNAL_AUTHENTICATE = 0x88;

    public static final int SW_OK = 0x9000;
    public static final int SW_WRONG_LENGTH = 0x6700;
    public static final int SW_COUNTER_EXHAUSTED = 0x6983;
    public static final int SW_CONDITIONS_NOT_SATISFIED = 0x6985;
    public static final int SW_WRONG_DATA = 0x6A80;
    public static final int SW_FILE_NOT_FOUND = 0x6A82;
    public static final int SW_INS_NOT_SUPPORTED = 0x6D00;
    public static final int SW_CLA_NOT_SUPPORTED = 0x6E00;

    private Apdus() {
    }

    /** SELECT by DF name (the AID), first occurrence, response data wanted. */
    public static byte[] select() {
        return command(CLA_ISO, INS_SELECT, 0x04, 0x00, AID.toArray());
    }

    /** INTERNAL AUTHENTICATE carrying the gate's challenge. */
    public static byte[] authenticate(Bytes challenge) {
        return command(CLA_PROPRIETARY, INS_INTERNAL_AUTHENTICATE, 0x00, 0x00, challenge.toArray());
    }

    /** A case-4 short command: header, Lc, data, Le = 00 (up to 256 bytes). */
    static byte[] command(int cla, int ins, int p1, int p2, byte[] data) {
        if (data.length == 0 || data.length > 255) {
            throw new IllegalArgumentException("command data must be 1-255 bytes, got " + data.length);
        }
        ByteBuffer out = ByteBuffer.allocate(4 + 1 + data.length + 1);
        out.put((byte) cla).put((byte) ins).put((byte) p1).put((byte) p2)
                .put((byte) data.length).put(data).put((byte) 0);
        return out.array();
    }

    static byte[] response(byte[] data, int statusWord) {
        byte[] out = new byte[data.length + 2];
        System.arraycopy(data, 0, out, 0, data.length);
        out[data.length] = (byte) (statusWord >> 8);
        out[data.length + 1] = (byte) statusWord;
        return out;
    }

    static byte[] status(int statusWord) {
        return response(new byte[0], statusWord);
    }
}
