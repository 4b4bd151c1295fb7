package org.faregate.protocol.nfc;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.Reason;
import org.faregate.protocol.crypto.EcdsaSignature;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.token.MalformedTokenException;
import org.faregate.protocol.token.NfcChallenge;
import org.faregate.protocol.token.NfcPresentation;
import org.faregate.protocol.token.TokenRejectedException;

/**
 * The gate's side of one NFC transaction: SELECT the Faregate application, then INTERNAL AUTHENTICATE
 * with the gate's challenge. Returns the unverified presentation; the caller verifies it.
 */
public final class NfcReader {

    private NfcReader() {
    }

    public static NfcPresentation read(ApduChannel channel, NfcChallenge challenge)
            throws CardLinkException, TokenRejectedException {
        byte[] selectResponse = channel.transmit(Apdus.select());
        int selectStatus = statusWord(selectResponse);
        if (selectStatus != Apdus.SW_OK) {
            throw new TokenRejectedException(Reason.UNSUPPORTED_CARD,
                    "card has no Faregate application (SELECT answered " + hex(selectStatus) + ")");
        }
        Credential credential;
        try {
            credential = Credential.parse(data(selectResponse));
        } catch (MalformedTokenException e) {
            throw new TokenRejectedException(Reason.MALFORMED_TOKEN, "credential from card: " + e.getMessage());
        }
        byte[] authResponse = channel.transmit(Apdus.authenticate(challenge.encoded()));
        int authStatus = statusWord(authResponse);
        if (authStatus != Apdus.SW_OK) {
            throw new TokenRejectedException(Reason.CARD_ERROR,
                    "card refused INTERNAL AUTHENTICATE with " + hex(authStatus));
        }
        byte[] auth = data(authResponse);
        if (auth.length != 4 + EcdsaSignature.RAW_LENGTH) {
            throw new TokenRejectedException(Reason.MALFORMED_TOKEN,
                    "authenticate response must be 68 bytes, got " + auth.length);
        }
        ByteBuffer in = ByteBuffer.wrap(auth);
        long counter = in.getInt() & 0xFFFF_FFFFL;
        return new NfcPresentation(credential, challenge, counter, Bytes.of(auth, 4, EcdsaSignature.RAW_LENGTH));
    }

    private static int statusWord(byte[] response) throws TokenRejectedException {
        if (response == null || response.length < 2) {
            throw new TokenRejectedException(Reason.CARD_ERROR, "response APDU shorter than a status word");
        }
        return ((response[response.length - 2] & 0xff) << 8) | (response[response.length - 1] & 0xff);
    }

    private static byte[] data(byte[] response) {
        return Arrays.copyOf(response, response.length - 2);
    }

    private static String hex(int statusWord) {
        return String.format("%04X", statusWord);
    }
}
