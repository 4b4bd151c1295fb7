package org.faregate.validator.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javax.smartcardio.CardTerminal;
import org.faregate.protocol.Reason;
import org.faregate.protocol.TapId;
import org.faregate.validator.decision.TapDecision;
import org.faregate.validator.retry.Backoff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NfcReadersTest {

    private static final Duration POLL = Duration.ofMillis(10);
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(5), Duration.ofMillis(40));

    private final FakeReaders pcsc = new FakeReaders();
    /** Which reader each tap came from, in order. */
    private final List<String> tapped = new CopyOnWriteArrayList<>();
    private final List<TapDecision> answered = new CopyOnWriteArrayList<>();
    private NfcReaders service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aCardInTheFieldIsTappedOnceAndNotAgainWhileItStays() {
        FakeReaders.Reader reader = pcsc.plugIn("Reader A");
        reader.putCard();

        start(ReaderNames.all(), this::recordTap);

        awaitCondition("the card is answered", () -> answered.size() == 1);
        int waitsAfterTap = reader.absenceWaits();
        awaitCondition("several polls pass with the card still in", () -> reader.absenceWaits() >= waitsAfterTap + 3);
        assertThat(tapped).containsExactly("Reader A");
        assertThat(answered).extracting(TapDecision::reason).containsExactly(Reason.MALFORMED_TOKEN);

        reader.takeCard();
        awaitCondition("the service sees the card leave", () -> reader.absencesSeen() == 1);
        reader.putCard();

        awaitCondition("the card presented again is a second tap", () -> answered.size() == 2);
        assertThat(service.status().taps()).isEqualTo(2);
    }

    @Test
    void noReaderAtStartIsAStateAndAReaderThatAppearsIsPickedUp() {
        start(ReaderNames.all(), this::recordTap);
        awaitState(NfcStatus.State.NO_READER);
        assertThat(service.status().watched()).isEmpty();

        FakeReaders.Reader reader = pcsc.plugIn("Reader A");
        reader.putCard();

        awaitCondition("the new reader's card is answered", () -> answered.size() == 1);
        assertThat(service.status().state()).isEqualTo(NfcStatus.State.WATCHING);
        assertThat(service.status().watched()).containsExactly("Reader A");
        assertThat(service.status().recoveries()).isZero();
    }

    @Test
    void pcscDownAtStartIsRetriedWithBackoffUntilItComesUp() {
        pcsc.stop();
        FakeReaders.Reader reader = pcsc.plugIn("Reader A");

        start(ReaderNames.all(), this::recordTap);
        awaitState(NfcStatus.State.PCSC_UNAVAILABLE);
        awaitCondition("a few attempts fail", () -> pcsc.opens() >= 3);
        assertThat(answered).isEmpty();

        pcsc.start();
        reader.putCard();

        awaitCondition("the card is answered once PC/SC is up", () -> answered.size() == 1);
        assertThat(service.status().watched()).containsExactly("Reader A");
        assertThat(service.status().recoveries()).isEqualTo(1);
    }

    @Test
    void aPcscRestartWhileRunningIsRecoveredOnFreshTerminals() {
        FakeReaders.Reader reader = pcsc.plugIn("Reader A");
        start(ReaderNames.all(), this::recordTap);
        awaitState(NfcStatus.State.WATCHING);
        reader.putCard();
        awaitCondition("the first card is answered", () -> answered.size() == 1);
        reader.takeCard();

        pcsc.stop();
        awaitState(NfcStatus.State.PCSC_UNAVAILABLE);
        pcsc.start();
        awaitCondition("the watchdog recovers", () -> service.status().recoveries() == 1
                && service.status().state() == NfcStatus.State.WATCHING);
        reader.putCard();

        awaitCondition("the next card is answered", () -> answered.size() == 2);
        assertThat(pcsc.opens()).isGreaterThanOrEqualTo(2);
        assertThat(tapped).containsExactly("Reader A", "Reader A");
    }

    @Test
    void aCardInTheFieldWhenPcscComesBackIsANewPresentation() {
        FakeReaders.Reader reader = pcsc.plugIn("Reader A");
        reader.putCard();
        start(ReaderNames.all(), this::recordTap);
        awaitCondition("the card is answered", () -> answered.size() == 1);

        pcsc.stop();
        awaitState(NfcStatus.State.PCSC_UNAVAILABLE);
        pcsc.start();

        awaitCondition("the card powered up by the new pcscd is answered", () -> answered.size() == 2);
        assertThat(service.status().recoveries()).isEqualTo(1);
    }

    @Test
    void eachRestartOfPcscIsOneMoreRecovery() {
        pcsc.plugIn("Reader A");
        start(ReaderNames.all(), this::recordTap);
        awaitState(NfcStatus.State.WATCHING);

        for (int restart = 1; restart <= 2; restart++) {
            pcsc.stop();
            awaitState(NfcStatus.State.PCSC_UNAVAILABLE);
            pcsc.start();
            int expected = restart;
            awaitCondition("recovery " + restart, () -> service.status().recoveries() == expected
                    && service.status().state() == NfcStatus.State.WATCHING);
        }

        assertThat(service.status().watched()).containsExactly("Reader A");
    }

    @Test
    void twoReadersAtOneGateAnswerAtTheSameTime() {
        FakeReaders.Reader a = pcsc.plugIn("Reader A");
        FakeReaders.Reader b = pcsc.plugIn("Reader B");
        CyclicBarrier bothInside = new CyclicBarrier(2);
        a.putCard();
        b.putCard();

        // Each tap waits until the other reader's tap is running too: only concurrent readers get past.
        start(ReaderNames.all(), terminal -> {
            try {
                bothInside.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the other reader's tap did not run concurrently", e);
            }
            return recordTap(terminal);
        });

        awaitCondition("both cards are answered", () -> answered.size() == 2);
        assertThat(tapped).containsExactlyInAnyOrder("Reader A", "Reader B");
        assertThat(service.status().watched()).containsExactly("Reader A", "Reader B");
    }

    @Test
    void onlyTheConfiguredReadersAreWatched() {
        FakeReaders.Reader mine = pcsc.plugIn("Gate reader");
        FakeReaders.Reader other = pcsc.plugIn("Office reader");
        other.putCard();
        mine.putCard();

        start(ReaderNames.parse("Gate reader"), this::recordTap);

        awaitCondition("the gate's card is answered", () -> answered.size() == 1);
        assertThat(tapped).containsExactly("Gate reader");
        assertThat(service.status().watched()).containsExactly("Gate reader");
    }

    @Test
    void aTapThatThrowsAnswersNothingAndTheReaderKeepsWorking() {
        FakeReaders.Reader reader = pcsc.plugIn("Reader A");
        reader.putCard();
        start(ReaderNames.all(), terminal -> {
            if (tapped.isEmpty()) {
                tapped.add("failed");
                throw new IllegalStateException("journal full (test)");
            }
            return recordTap(terminal);
        });
        awaitCondition("the failed tap happened", () -> !tapped.isEmpty());
        assertThat(answered).isEmpty();

        reader.takeCard();
        awaitCondition("the service sees the card leave", () -> reader.absencesSeen() == 1);
        reader.putCard();

        awaitCondition("the next card is answered", () -> answered.size() == 1);
        assertThat(service.status().state()).isEqualTo(NfcStatus.State.WATCHING);
    }

    @Test
    void closeStopsTheService() {
        pcsc.plugIn("Reader A");
        start(ReaderNames.all(), this::recordTap);
        awaitState(NfcStatus.State.WATCHING);

        service.close();

        assertThat(service.status().state()).isEqualTo(NfcStatus.State.STOPPED);
        assertThat(service.status().watched()).isEmpty();
    }

    private void start(ReaderNames readers, Function<CardTerminal, TapDecision> tap) {
        service = new NfcReaders(pcsc.source(), readers, tap, answered::add, POLL, BACKOFF).started();
    }

    private TapDecision recordTap(CardTerminal terminal) {
        tapped.add(terminal.getName());
        return TapDecision.anonymousRefusal(TapId.timeOrdered(Instant.now(), new SecureRandom()), Instant.parse("2025-06-02T08:00:00Z"),
                Reason.MALFORMED_TOKEN, "decided by the test");
    }

    private void awaitState(NfcStatus.State state) {
        awaitCondition("the service is " + state.code(), () -> service.status().state() == state);
    }

    /** Waits, checking every millisecond, until {@code condition} holds; fails after ten seconds. */
    private static void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
    }
}
