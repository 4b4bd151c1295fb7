package org.faregate.protocol.nfc;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.token.MalformedTokenException;
import org.faregate.protocol.token.NfcChallenge;
import org.faregate.protocol.token.NfcPresentation;
import org.faregate.protocol.crypto.SigningKey;

/**
 * The holder side of the NFC protocol, as a card or a phone (host card emulation) runs it:
 * SELECT returns the credential; INTERNAL AUTHENTICATE signs the gate's challenge with the next counter.
 * Garbage in gets a status word, never an exception.
 */
public final class HolderApplet {

    private final Credential credential;
    private final SigningKey deviceKey;
    private long counter;
    private boolean selected;

    public HolderApplet(Credential credential, SigningKey deviceKey, long counter) {
        this.credential = Objects.requireNonNull(credential, "credential");
        this.deviceKey = Objects.requireNonNull(deviceKey, "deviceKey");
        this.counter = counter;
    }

    public synchronized long counter() {
        return counter;
    }

    /** The field went away (card left the reader, power off): the application is no longer selected. */
    public synchronized void reset() {
        selected = false;
    }

    public synchronized byte[] process(byte[] commandApdu) {
        CommandApdu command = CommandApdu.parse(commandApdu);
        if (command == null) {
            return Apdus.status(Apdus.SW_WRONG_LENGTH);
        }
        if (command.cla() == Apdus.CLA_ISO && command.ins() == Apdus.INS_SELECT) {
            return select(command);
        }
        if (command.cla() == Apdus.CLA_PROPRIETARY && command.ins() == Apdus.INS_INTERNAL_AUTHENTICATE) {
            return authenticate(command);
        }
        if (command.cla() != Apdus.CLA_ISO && command.cla() != Apdus.CLA_PROPRIETARY) {
            return Apdus.status(Apdus.SW_CLA_NOT_SUPPORTED);
        }
        return Apdus.status(Apdus.SW_INS_NOT_SUPPORTED);
    }

    private byte[] select(CommandApdu command) {
        selected = command.p1() == 0x04 && Arrays.equals(command.data(), Apdus.AID.toArray());
        if (!selected) {
            return Apdus.status(Apdus.SW_FILE_NOT_FOUND);
        }
        return Apdus.response(credential.encoded().toArray(), Apdus.SW_OK);
    }

    private byte[] authenticate(CommandApdu command) {
        if (!selected) {
            return Apdus.status(Apdus.SW_CONDITIONS_NOT_SATISFIED);
        }
        NfcChallenge challenge;
        try {
            challenge = NfcChallenge.parse(command.data());
        } catch (MalformedTokenException e) {
            return Apdus.status(Apdus.SW_WRONG_DATA);
        }
        if (counter >= 0xFFFF_FFFFL) {
            return Apdus.status(Apdus.SW_COUNTER_EXHAUSTED);
        }
        counter++;
        Bytes signature = NfcPresentation.answer(credential, deviceKey, challenge, counter).deviceSignature();
        ByteBuffer data = ByteBuffer.allocate(4 + signature.length());
        data.putInt((int) counter).put(signature.toArray());
        return Apdus.response(data.array(), Apdus.SW_OK);
    }
}
