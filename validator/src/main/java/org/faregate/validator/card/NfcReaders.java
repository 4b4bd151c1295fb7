package org.faregate.validator.card;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.faregate.validator.decision.TapDecision;
import org.faregate.validator.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate's NFC readers as a long-running service: one thread per reader waits for a card, runs one
 * transaction ({@code tap}, e.g. {@code validator::tapCard}), hands the decision to {@code answer} (e.g. the
 * gate) and waits for the card to leave, so one presentation is one tap. Readers work concurrently.
 *
 * <p>A watchdog thread owns the PC/SC session: it lists the readers every poll, starts a thread for each new
 * reader of the gate and stops those of readers that went away. No reader at start (pcscd down, or none of
 * the gate's readers listed) is a state, not an error: it is logged once and the readers are picked up when
 * they appear. When PC/SC fails (any {@link CardException} from listing or waiting, e.g.
 * {@code SCARD_E_NO_SERVICE} after a pcscd restart), the watchdog lets each reader finish its transaction,
 * discards the terminals, asks the {@link TerminalSource} for fresh ones after a capped backoff, and resumes;
 * the validator keeps running. A card that was answered and is still in the field when the session is renewed
 * is not tapped again, unless PC/SC itself went away (pcscd restarted): pcscd then powers every card up as a
 * new one, and the service takes it as a new presentation (the decision's pass-back check still applies).
 */
public final class NfcReaders implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(NfcReaders.class);
    private static final Duration DEFAULT_POLL = Duration.ofMillis(500);
    private static final Backoff DEFAULT_BACKOFF = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    private final TerminalSource source;
    private final ReaderNames wanted;
    private final Function<CardTerminal, TapDecision> tap;
    private final Consumer<TapDecision> answer;
    private final Duration poll;
    private final Backoff backoff;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong taps = new AtomicLong();
    private final AtomicLong recoveries = new AtomicLong();
    /** Readers, by name, whose last card was answered and has not been seen leaving yet. */
    private final Set<String> awaitingRemoval = ConcurrentHashMap.newKeySet();
    private final Thread watchdog;
    private volatile NfcStatus.State state = NfcStatus.State.STARTING;
    private volatile List<String> watched = List.of();
    /** PC/SC failures since it last worked; only the watchdog thread touches it. */
    private int failedAttempts;

    NfcReaders(TerminalSource source, ReaderNames wanted, Function<CardTerminal, TapDecision> tap,
               Consumer<TapDecision> answer, Duration poll, Backoff backoff) {
        this.source = Objects.requireNonNull(source, "source");
        this.wanted = Objects.requireNonNull(wanted, "wanted");
        this.tap = Objects.requireNonNull(tap, "tap");
        this.answer = Objects.requireNonNull(answer, "answer");
        this.poll = Objects.requireNonNull(poll, "poll");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        if (poll.toMillis() < 1) {
            throw new IllegalArgumentException("poll must be at least 1 ms, got " + poll);
        }
        this.watchdog = new Thread(this::watch, "nfc-watchdog");
        this.watchdog.setDaemon(true);
    }

    /**
     * Starts watching the readers {@code wanted} of {@code source}: every card presentation runs {@code tap}
     * once and hands its decision to {@code answer}. Polls the reader list every 500 ms; after a PC/SC failure
     * retries after 250 ms, doubling up to 5 s.
     */
    public static NfcReaders start(TerminalSource source, ReaderNames wanted, Function<CardTerminal, TapDecision> tap,
                                   Consumer<TapDecision> answer) {
        return new NfcReaders(source, wanted, tap, answer, DEFAULT_POLL, DEFAULT_BACKOFF).started();
    }

    NfcReaders started() {
        logger.info("NFC readers starting [readers={}]", wanted);
        watchdog.start();
        return this;
    }

    public NfcStatus status() {
        return new NfcStatus(state, watched, recoveries.get(), taps.get());
    }

    /** Stops every reader after its current transaction, and the watchdog. */
    @Override
    public void close() {
        closing.countDown();
        try {
            watchdog.join(poll.multipliedBy(4).plusSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state = NfcStatus.State.STOPPED;
        watched = List.of();
        logger.info("NFC readers stopped [taps={}, recoveries={}]", taps.get(), recoveries.get());
    }

    /** The watchdog's loop and its barrier: nothing but close() ends it. */
    private void watch() {
        while (!closed()) {
            try {
                runSession(source.open());
                return;
            } catch (CardException | RuntimeException e) {
                failedAttempts++;
                Duration pause = backoff.pause(failedAttempts);
                if (state != NfcStatus.State.PCSC_UNAVAILABLE) {
                    logger.warn("PC/SC unavailable, the gate's NFC readers are down; retrying with backoff"
                            + " [firstPauseMillis={}, cause={}]", pause.toMillis(), describe(e));
                } else {
                    logger.debug("PC/SC still unavailable [attempt={}, pauseMillis={}, cause={}]", failedAttempts,
                            pause.toMillis(), describe(e));
                }
                setState(NfcStatus.State.PCSC_UNAVAILABLE, List.of());
                awaitClosing(pause);
            }
        }
    }

    /**
     * Follows the listed readers until close() (returns) or PC/SC fails (throws). Either way, every reader thread
     * of the session has ended when this returns.
     */
    private void runSession(CardTerminals terminals) throws CardException {
        Session session = new Session();
        boolean pcscGone = false;
        try {
            while (!closed()) {
                List<CardTerminal> listed;
                try {
                    listed = terminals.list();
                } catch (CardException e) {
                    pcscGone = true;
                    throw e;
                }
                session.throwIfFailed();
                if (failedAttempts > 0) {
                    logger.warn("PC/SC recovered [recoveries={}, failedAttempts={}]", recoveries.incrementAndGet(),
                            failedAttempts);
                    failedAttempts = 0;
                }
                Map<String, CardTerminal> mine = new TreeMap<>();
                for (CardTerminal terminal : listed) {
                    if (wanted.includes(terminal.getName())) {
                        mine.put(terminal.getName(), terminal);
                    }
                }
                setState(mine.isEmpty() ? NfcStatus.State.NO_READER : NfcStatus.State.WATCHING,
                        List.copyOf(mine.keySet()));
                session.follow(mine);
                awaitClosing(poll);
            }
        } finally {
            session.stop();
            if (pcscGone) {
                // PC/SC itself failed (pcscd stopped or restarting): when it returns it powers every card in
                // the field up as a new one, so the service forgets which cards it answered. A failure of one
                // reader's wait alone keeps that memory.
                awaitingRemoval.clear();
            }
        }
    }

    /** One reader's loop: wait for a card, answer it once, wait until it leaves. */
    private void serve(Session session, ReaderLoop loop) {
        CardTerminal terminal = loop.terminal;
        String name = terminal.getName();
        long pollMillis = poll.toMillis();
        try {
            while (session.active && loop.listed) {
                if (awaitingRemoval.contains(name)) {
                    if (terminal.waitForCardAbsent(pollMillis)) {
                        awaitingRemoval.remove(name);
                    }
                } else if (terminal.waitForCardPresent(pollMillis) && session.active) {
                    answerOnce(terminal);
                    awaitingRemoval.add(name);
                }
            }
        } catch (CardException | RuntimeException e) {
            session.fail(name, e);
        }
    }

    /** The barrier of one transaction: a tap that throws (e.g. the journal failed) leaves the gate closed. */
    private void answerOnce(CardTerminal terminal) {
        try {
            TapDecision decision = tap.apply(terminal);
            taps.incrementAndGet();
            logger.debug("Card answered [reader={}, tap={}, reason={}]", terminal.getName(), decision.tapId(),
                    decision.reason().code());
            answer.accept(decision);
        } catch (RuntimeException e) {
            logger.error("NFC tap failed, gate stays closed [reader={}]", terminal.getName(), e);
        }
    }

    private void setState(NfcStatus.State next, List<String> readers) {
        if (next == NfcStatus.State.NO_READER && state != NfcStatus.State.NO_READER) {
            logger.info("No NFC reader of this gate is listed; waiting for one [readers={}]", wanted);
        } else if (next == NfcStatus.State.WATCHING && !readers.equals(watched)) {
            logger.info("Watching NFC readers [readers={}]", readers);
        }
        watched = readers;
        state = next;
    }

    private boolean closed() {
        return closing.getCount() == 0;
    }

    private void awaitClosing(Duration pause) {
        try {
            closing.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing.countDown();
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e.getCause();
        return cause == null ? e.getMessage() : e.getMessage() + " (" + cause.getMessage() + ")";
    }

    /** One reader's thread; {@code listed} turns false when the reader leaves the list. */
    private static final class ReaderLoop {

        final CardTerminal terminal;
        Thread thread;
        volatile boolean listed = true;

        ReaderLoop(CardTerminal terminal) {
            this.terminal = terminal;
        }
    }

    /** The reader threads on one set of terminals; its methods other than fail() run on the watchdog. */
    private final class Session {

        private final Map<String, ReaderLoop> current = new HashMap<>();
        private final List<ReaderLoop> all = new ArrayList<>();
        private volatile boolean active = true;
        private volatile Exception failure;

        /** Starts a thread for each new reader and stops the threads of readers no longer listed. */
        void follow(Map<String, CardTerminal> listed) {
            current.entrySet().removeIf(entry -> {
                boolean gone = !listed.containsKey(entry.getKey());
                if (gone) {
                    entry.getValue().listed = false;
                }
                return gone;
            });
            listed.forEach((name, terminal) -> current.computeIfAbsent(name, n -> {
                ReaderLoop loop = new ReaderLoop(terminal);
                loop.thread = new Thread(() -> serve(this, loop), "nfc-reader-" + n);
                loop.thread.setDaemon(true);
                all.add(loop);
                loop.thread.start();
                return loop;
            }));
        }

        void fail(String reader, Exception e) {
            logger.debug("NFC reader failed [reader={}, cause={}]", reader, describe(e));
            if (failure == null) {
                failure = e;
            }
        }

        void throwIfFailed() throws CardException {
            Exception e = failure;
            if (e instanceof CardException) {
                throw (CardException) e;
            }
            if (e != null) {
                throw new CardException("reader failed: " + e.getMessage(), e);
            }
        }

        /** Ends every reader thread, each after its current wait or transaction. */
        void stop() {
            active = false;
            for (ReaderLoop loop : all) {
                try {
                    loop.thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
