package org.faregate.protocol.nfc;

import java.util.Arrays;

/** A parsed short command APDU (ISO 7816-4 cases 1 to 4). */
record CommandApdu(int cla, int ins, int p1, int p2, byte[] data) {

    /** Parses a command; returns null when its length fields do not add up. */
    static CommandApdu parse(byte[] apdu) {
        if (apdu == null || apdu.length < 4) {
            return null;
        }
        int cla = apdu[0] & 0xff;
        int ins = apdu[1] & 0xff;
        int p1 = apdu[2] & 0xff;
        int p2 = apdu[3] & 0xff;
        if (apdu.length == 4 || apdu.length == 5) {
            return new CommandApdu(cla, ins, p1, p2, new byte[0]);
        }
        int lc = apdu[4] & 0xff;
        if (lc == 0 || (apdu.length != 5 + lc && apdu.length != 5 + lc + 1)) {
            return null;
        }
        return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, 5 + lc));
    }
}
