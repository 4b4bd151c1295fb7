package org.faregate.simulator.pcsc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link VirtualCard} in a reader of a real pcscd, through vsmartcard's vpcd driver: vpcd listens on TCP
 * and shows a card in its reader while a virtual card is connected. Reader "Virtual PCD 00 00" listens on
 * port {@value #FIRST_READER_PORT}, "Virtual PCD 00 01" on the next port, and so on. The card connects on
 * loopback only.
 *
 * <p>{@link #insert()} connects (pcscd then sees a card in the reader) and a thread answers vpcd until
 * {@link #remove()} closes the connection (pcscd sees the card gone). A card may be inserted again after
 * it was removed. If the wrapped card throws a tearing {@link VirtualCardFault}, the connection is closed
 * without an answer, as a card that leaves the field mid-APDU.
 *
 * <p>By default the card asks for TCP quick ACKs before every read, which removes vpcd's ~43 ms delay per
 * APDU (Nagle on vpcd's side meeting delayed ACKs on ours); {@link #withoutQuickAck()} keeps the delay, to
 * measure it.
 */
public final class VpcdCard implements AutoCloseable {

    /** vpcd's port for reader "Virtual PCD 00 00". */
    public static final int FIRST_READER_PORT = 35963;

    private static final Logger logger = LoggerFactory.getLogger(VpcdCard.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final VirtualCard card;
    private final int port;
    private final boolean quickAck;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}; null while the card is out of the reader. */
    private VpcdConnection connection;

    private VpcdCard(VirtualCard card, int port, boolean quickAck) {
        this.card = Objects.requireNonNull(card, "card");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
        this.port = port;
        this.quickAck = quickAck;
    }

    /** A card for vpcd reader number {@code reader}: 0 is "Virtual PCD 00 00", 1 is "Virtual PCD 00 01". */
    public static VpcdCard forReader(int reader, VirtualCard card) {
        if (reader < 0) {
            throw new IllegalArgumentException("reader numbers start at 0, got " + reader);
        }
        return new VpcdCard(card, FIRST_READER_PORT + reader, true);
    }

    /** A card for the vpcd reader listening on {@code port} of the loopback address. */
    public static VpcdCard forPort(int port, VirtualCard card) {
        return new VpcdCard(card, port, true);
    }

    /** The same card, out of the reader, without TCP quick ACKs: vpcd's per-APDU delay stays. */
    public VpcdCard withoutQuickAck() {
        return new VpcdCard(card, port, false);
    }

    /** The name pcscd gives vpcd reader number {@code reader}, e.g. "Virtual PCD 00 01". */
    public static String readerName(int reader) {
        if (reader < 0 || reader > 99) {
            throw new IllegalArgumentException("reader number out of range: " + reader);
        }
        return String.format("Virtual PCD 00 %02d", reader);
    }

    public int port() {
        return port;
    }

    /**
     * Puts the card into the reader: connects to vpcd and starts answering it.
     *
     * @throws IllegalStateException if the card is already in the reader
     * @throws IOException           if vpcd does not accept the connection (pcscd down, vpcd not installed)
     */
    public void insert() throws IOException {
        synchronized (lock) {
            if (connection != null && connection.isOpen()) {
                throw new IllegalStateException("card already in the vpcd reader on port " + port);
            }
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
            } catch (IOException e) {
                closeQuietly(socket);
                throw new IOException("cannot reach vpcd on loopback port " + port
                        + " (is pcscd running with vsmartcard-vpcd installed?): " + e.getMessage(), e);
            }
            connection = VpcdConnection.start(socket, card, quickAck);
            logger.debug("Card inserted [port={}, quickAck={}]", port, quickAck);
        }
    }

    /** Takes the card out of the reader: closes the connection and waits for the serving thread to end. */
    public void remove() {
        VpcdConnection removed;
        synchronized (lock) {
            removed = connection;
            connection = null;
        }
        if (removed != null) {
            removed.close();
            logger.debug("Card removed [port={}]", port);
        }
    }

    /** Whether the card is connected to vpcd (false after {@link #remove()} or a tear). */
    public boolean isInserted() {
        synchronized (lock) {
            return connection != null && connection.isOpen();
        }
    }

    @Override
    public void close() {
        remove();
    }

    @Override
    public String toString() {
        return "VpcdCard[port=" + port + ", quickAck=" + quickAck + ", " + card + "]";
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            logger.debug("Closing an unconnected socket failed: {}", e.getMessage());
        }
    }
}
