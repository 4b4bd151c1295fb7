package org.faregate.simulator.pcsc;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Objects;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * The basic channel of a {@link VirtualCardSession}. Responses pass through as the card gives them
 * (a T=1 link: no GET RESPONSE chaining). The argument checks mirror the JDK's PC/SC provider, so code
 * that runs here runs against a real reader.
 */
final class VirtualCardChannel extends CardChannel {

    /** The JDK's PC/SC provider insists on room for a short response with its status word. */
    private static final int MIN_RESPONSE_SPACE = 258;
    private static final byte INS_MANAGE_CHANNEL = 0x70;

    private final VirtualCardSession session;

    VirtualCardChannel(VirtualCardSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public Card getCard() {
        return session;
    }

    @Override
    public int getChannelNumber() {
        session.checkConnected();
        return 0;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
        Objects.requireNonNull(command, "command");
        session.checkConnected();
        byte[] bytes = command.getBytes();
        requireOrdinaryCommand(bytes);
        return new ResponseAPDU(session.transmit(bytes));
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(response, "response");
        session.checkConnected();
        if (response.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        if (command == response) {
            throw new IllegalArgumentException("command and response must not be the same buffer");
        }
        if (response.remaining() < MIN_RESPONSE_SPACE) {
            throw new IllegalArgumentException("Insufficient space in response buffer: need "
                    + MIN_RESPONSE_SPACE + " bytes, have " + response.remaining());
        }
        byte[] bytes = new byte[command.remaining()];
        command.get(bytes);
        requireOrdinaryCommand(bytes);
        byte[] answer = session.transmit(bytes);
        if (answer.length > response.remaining()) {
            throw new CardException("response of " + answer.length + " bytes does not fit the "
                    + response.remaining() + " left in the buffer");
        }
        response.put(answer);
        return answer.length;
    }

    /** The basic channel cannot be closed, as javax.smartcardio specifies. */
    @Override
    public void close() {
        throw new IllegalStateException("the basic channel cannot be closed");
    }

    private static void requireOrdinaryCommand(byte[] apdu) {
        if (apdu.length < 4) {
            throw new IllegalArgumentException("a command APDU is at least 4 bytes, got " + apdu.length);
        }
        if (apdu[1] == INS_MANAGE_CHANNEL) {
            throw new IllegalArgumentException("MANAGE CHANNEL cannot be sent with transmit; use openLogicalChannel");
        }
    }

    @Override
    public String toString() {
        return "VirtualCardChannel[basic, " + session + "]";
    }
}
