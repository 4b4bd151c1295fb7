package org.faregate.simulator.pcsc;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stay of a {@link VpcdCard} in its reader: a connection to vpcd and the thread that answers it.
 * vpcd's frames are a 2-byte big-endian length and a payload; a 1-byte payload is a control code, any
 * longer payload a command APDU to answer with a response APDU.
 */
final class VpcdConnection {

    private static final Logger logger = LoggerFactory.getLogger(VpcdConnection.class);
    private static final int POWER_OFF = 0;
    private static final int POWER_ON = 1;
    private static final int RESET = 2;
    private static final int GET_ATR = 4;
    private static final int MAX_FRAME = 0xFFFF;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Socket socket;
    private final VirtualCard card;
    private final boolean quickAck;
    private final DataInputStream in;
    private final OutputStream out;
    private final Thread thread;
    private volatile boolean open = true;

    private VpcdConnection(Socket socket, VirtualCard card, boolean quickAck) throws IOException {
        this.socket = socket;
        this.card = card;
        this.quickAck = quickAck && supportsQuickAck(socket);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.thread = new Thread(this::serve, "vpcd-card-" + socket.getPort());
        this.thread.setDaemon(true);
    }

    /** Starts answering vpcd on a connected socket; the connection owns the socket from now on. */
    static VpcdConnection start(Socket socket, VirtualCard card, boolean quickAck) throws IOException {
        VpcdConnection connection;
        try {
            connection = new VpcdConnection(socket, card, quickAck);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        connection.thread.start();
        return connection;
    }

    boolean isOpen() {
        return open;
    }

    /** Closes the connection (vpcd sees the card gone) and waits for the serving thread to end. */
    void close() {
        open = false;
        closeSocket();
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("vpcd card thread " + thread.getName() + " did not stop within "
                    + STOP_TIMEOUT);
        }
    }

    private void serve() {
        try {
            boolean serving = true;
            while (serving) {
                serving = answer(readFrame());
            }
        } catch (EOFException e) {
            logger.debug("vpcd closed the connection [port={}]", socket.getPort());
        } catch (IOException e) {
            if (open) {
                logger.warn("vpcd connection failed [port={}]: {}", socket.getPort(), e.getMessage());
            }
        } catch (RuntimeException e) {
            logger.error("Virtual card failed, taking it out of the reader [port={}]", socket.getPort(), e);
        } finally {
            open = false;
            closeSocket();
        }
    }

    /** Answers one frame from vpcd; false when the card left the reader. */
    private boolean answer(byte[] frame) throws IOException {
        if (frame.length == 1) {
            control(frame[0] & 0xFF);
            return true;
        }
        if (frame.length == 0) {
            logger.debug("Empty frame from vpcd ignored [port={}]", socket.getPort());
            return true;
        }
        logger.trace("APDU in [port={}, bytes={}]", socket.getPort(), frame.length);
        byte[] response;
        try {
            response = card.process(frame);
        } catch (VirtualCardFault fault) {
            if (fault.tearsCard()) {
                logger.debug("Card torn from the vpcd reader [port={}]: {}", socket.getPort(), fault.getMessage());
                return false;
            }
            logger.debug("Card mute in the vpcd reader [port={}]: {}", socket.getPort(), fault.getMessage());
            response = new byte[0];
        }
        logger.trace("APDU out [port={}, bytes={}]", socket.getPort(), response.length);
        writeFrame(response);
        return true;
    }

    private void control(int code) throws IOException {
        switch (code) {
            case POWER_OFF, POWER_ON, RESET -> card.reset();
            case GET_ATR -> writeFrame(card.atr());
            default -> logger.debug("Unknown vpcd control code ignored [port={}, code={}]", socket.getPort(), code);
        }
    }

    private byte[] readFrame() throws IOException {
        requestQuickAck();
        int length = in.readUnsignedShort();
        byte[] payload = new byte[length];
        if (length > 0) {
            requestQuickAck();
            in.readFully(payload);
        }
        return payload;
    }

    private void writeFrame(byte[] payload) throws IOException {
        if (payload.length > MAX_FRAME) {
            throw new IllegalStateException("virtual card answered " + payload.length + " bytes, more than a vpcd frame");
        }
        byte[] frame = new byte[2 + payload.length];
        frame[0] = (byte) (payload.length >>> 8);
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        out.write(frame);
        out.flush();
    }

    /** Linux resets quick-ACK mode after a while, so it is asked for again before every read. */
    private void requestQuickAck() throws IOException {
        if (quickAck) {
            socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
        }
    }

    private static boolean supportsQuickAck(Socket socket) {
        boolean supported = socket.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        if (!supported) {
            logger.warn("TCP_QUICKACK unsupported here: every APDU through vpcd will be delayed ~40 ms");
        }
        return supported;
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            logger.debug("Closing the vpcd connection failed [port={}]: {}", socket.getPort(), e.getMessage());
        }
    }
}
