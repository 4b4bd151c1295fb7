package org.faregate.validator.card;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;

/**
 * A hand-written stand-in for pcscd as {@link NfcReaders} sees it: readers that can be plugged in, cards put on
 * and taken off, and a "daemon" that can go down (every list or wait then throws, as after a pcscd restart) and
 * come back. Use {@link #source()} as the service's {@link TerminalSource}; each open while the daemon is down
 * fails, as {@code TerminalFactory.getInstance("PC/SC", null)} does.
 */
final class FakeReaders {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Reader> readers = new ArrayList<>();
    private final AtomicInteger opens = new AtomicInteger();
    /** Incremented each time the daemon goes down: terminals from an earlier generation stay broken. */
    private int generation;
    private boolean down;

    TerminalSource source() {
        return () -> {
            opens.incrementAndGet();
            lock.lock();
            try {
                if (down) {
                    throw new CardException("SCardEstablishContext: SCARD_E_NO_SERVICE (fake)");
                }
                return new Terminals(generation);
            } finally {
                lock.unlock();
            }
        };
    }

    int opens() {
        return opens.get();
    }

    Reader plugIn(String name) {
        Reader reader = new Reader(name);
        change(() -> readers.add(reader));
        return reader;
    }

    /** The daemon stops: every call on terminals opened so far fails from now on, even after {@link #start()}. */
    void stop() {
        change(() -> {
            down = true;
            generation++;
        });
    }

    void start() {
        change(() -> down = false);
    }

    /** Makes a change under the lock and wakes every waiter. */
    private void change(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private int read(IntSupplier value) {
        lock.lock();
        try {
            return value.getAsInt();
        } finally {
            lock.unlock();
        }
    }

    /** The service's view of the readers, valid while the daemon stays in the generation it was opened in. */
    private final class Terminals extends CardTerminals {

        private final int openedIn;

        Terminals(int openedIn) {
            this.openedIn = openedIn;
        }

        @Override
        public List<CardTerminal> list(State state) throws CardException {
            lock.lock();
            try {
                requireService(openedIn);
                List<CardTerminal> listed = new ArrayList<>();
                for (Reader reader : readers) {
                    listed.add(new Terminal(reader, openedIn));
                }
                return listed;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean waitForChange(long timeout) {
            throw new UnsupportedOperationException("NfcReaders polls the list");
        }
    }

    /** The caller holds the lock. */
    private void requireService(int openedIn) throws CardException {
        if (down || openedIn != generation) {
            throw new CardException("list() failed: SCARD_E_NO_SERVICE (fake)");
        }
    }

    /** A reader and whether a card is in its field; also counts how often the service waited on it. */
    final class Reader {

        private final String name;
        private boolean cardPresent;
        private int absenceWaits;
        private int absencesSeen;

        Reader(String name) {
            this.name = name;
        }

        String name() {
            return name;
        }

        void putCard() {
            setCard(true);
        }

        void takeCard() {
            setCard(false);
        }

        /** How many times a wait for the card to leave returned because it had left. */
        int absencesSeen() {
            return read(() -> absencesSeen);
        }

        int absenceWaits() {
            return read(() -> absenceWaits);
        }

        private void setCard(boolean present) {
            change(() -> cardPresent = present);
        }
    }

    /** One reader as seen through one generation of terminals. */
    private final class Terminal extends CardTerminal {

        private final Reader reader;
        private final int openedIn;

        Terminal(Reader reader, int openedIn) {
            this.reader = reader;
            this.openedIn = openedIn;
        }

        @Override
        public String getName() {
            return reader.name;
        }

        @Override
        public Card connect(String protocol) {
            throw new UnsupportedOperationException("the tests' tap never connects");
        }

        @Override
        public boolean isCardPresent() throws CardException {
            lock.lock();
            try {
                requireService(openedIn);
                return reader.cardPresent;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean waitForCardPresent(long timeout) throws CardException {
            return await(true, timeout);
        }

        @Override
        public boolean waitForCardAbsent(long timeout) throws CardException {
            return await(false, timeout);
        }

        private boolean await(boolean present, long timeoutMillis) throws CardException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            lock.lock();
            try {
                if (!present) {
                    reader.absenceWaits++;
                }
                while (true) {
                    requireService(openedIn);
                    if (reader.cardPresent == present) {
                        if (!present) {
                            reader.absencesSeen++;
                        }
                        return true;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    changed.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CardException("interrupted", e);
            } finally {
                lock.unlock();
            }
        }
    }
}
