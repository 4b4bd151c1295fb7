package org.faregate.simulator.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CardTerminals.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualCardTerminalsTest {

    private static final String IN_1 = "S01-IN-1 reader";
    private static final String IN_2 = "S01-IN-2 reader";

    private final Riders riders = new Riders();
    private final VirtualTerminals terminals = new VirtualTerminals(IN_1, IN_2);
    private final CardTerminals cardTerminals = terminals.terminalFactory().terminals();
    private final ExecutorService rider = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopRider() throws InterruptedException {
        rider.shutdownNow();
        assertThat(rider.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anInsertedCardIsPresentAndListedByState() throws Exception {
        terminals.insert(IN_1, VirtualCard.of(riders.newCard()));

        assertThat(cardTerminals.getTerminal(IN_1).isCardPresent()).isTrue();
        assertThat(cardTerminals.getTerminal(IN_2).isCardPresent()).isFalse();
        assertThat(names(cardTerminals.list(State.ALL))).containsExactly(IN_1, IN_2);
        assertThat(names(cardTerminals.list(State.CARD_PRESENT))).containsExactly(IN_1);
        assertThat(names(cardTerminals.list(State.CARD_ABSENT))).containsExactly(IN_2);
        assertThat(terminals.isCardPresent(IN_1)).isTrue();
    }

    @Test
    void insertionAndRemovalListsAreEmptyBeforeTheFirstWait() throws Exception {
        terminals.insert(IN_1, VirtualCard.of(riders.newCard()));

        assertThat(cardTerminals.list(State.CARD_INSERTION)).isEmpty();
        assertThat(cardTerminals.list(State.CARD_REMOVAL)).isEmpty();
    }

    @Test
    void theFirstWaitForChangeBlocksUntilTheTimeoutWhenNothingHappens() throws Exception {
        terminals.insert(IN_1, VirtualCard.of(riders.newCard()));

        assertThat(cardTerminals.waitForChange(20)).isFalse();
        assertThat(cardTerminals.list(State.CARD_INSERTION)).isEmpty();
    }

    @Test
    void waitForChangeWakesWhenARiderInsertsACard() throws Exception {
        CompletableFuture<Boolean> change = CompletableFuture.supplyAsync(() -> waitForChange(cardTerminals, 0));
        Riders.awaitCondition("the gate waits for a change", () -> terminals.waitingThreads() == 1);

        rider.submit(() -> terminals.insert(IN_2, VirtualCard.of(riders.newCard())));

        assertThat(change.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(names(cardTerminals.list(State.CARD_INSERTION))).containsExactly(IN_2);
        assertThat(cardTerminals.list(State.CARD_REMOVAL)).isEmpty();
    }

    @Test
    void waitForChangeReturnsAtOnceForChangesSinceThePreviousCall() throws Exception {
        VirtualCard card = VirtualCard.of(riders.newCard());
        assertThat(cardTerminals.waitForChange(1)).isFalse();

        terminals.insert(IN_1, card);
        assertThat(cardTerminals.waitForChange(0)).isTrue();
        assertThat(names(cardTerminals.list(State.CARD_INSERTION))).containsExactly(IN_1);
        assertThat(cardTerminals.list(State.CARD_REMOVAL)).isEmpty();

        terminals.remove(IN_1);
        assertThat(cardTerminals.waitForChange(0)).isTrue();
        assertThat(cardTerminals.list(State.CARD_INSERTION)).isEmpty();
        assertThat(names(cardTerminals.list(State.CARD_REMOVAL))).containsExactly(IN_1);
    }

    @Test
    void aQuickTapBetweenTwoWaitsIsSeenAsInsertionAndRemoval() throws Exception {
        VirtualCard card = VirtualCard.of(riders.newCard());
        assertThat(cardTerminals.waitForChange(1)).isFalse();

        terminals.insert(IN_2, card);
        terminals.remove(IN_2);

        assertThat(cardTerminals.waitForChange(0)).isTrue();
        assertThat(names(cardTerminals.list(State.CARD_INSERTION))).containsExactly(IN_2);
        assertThat(names(cardTerminals.list(State.CARD_REMOVAL))).containsExactly(IN_2);
        assertThat(cardTerminals.list(State.CARD_PRESENT)).isEmpty();
    }

    @Test
    void eachCardTerminalsObjectKeepsItsOwnWaitState() throws Exception {
        CardTerminals other = terminals.terminalFactory().terminals();
        assertThat(cardTerminals.waitForChange(1)).isFalse();
        assertThat(other.waitForChange(1)).isFalse();

        terminals.insert(IN_1, VirtualCard.of(riders.newCard()));
        assertThat(cardTerminals.waitForChange(0)).isTrue();

        assertThat(cardTerminals.waitForChange(1)).isFalse();
        assertThat(other.waitForChange(1)).isTrue();
        assertThat(names(other.list(State.CARD_INSERTION))).containsExactly(IN_1);
    }

    @Test
    void waitForCardPresentTimesOutWithFalse() throws Exception {
        assertThat(cardTerminals.getTerminal(IN_1).waitForCardPresent(20)).isFalse();
    }

    @Test
    void waitForCardPresentWakesWhenTheCardArrives() throws Exception {
        CardTerminal terminal = cardTerminals.getTerminal(IN_1);
        CompletableFuture<Boolean> present = CompletableFuture.supplyAsync(() -> waitForCardPresent(terminal));
        Riders.awaitCondition("the gate waits for a card", () -> terminals.waitingThreads() == 1);

        rider.submit(() -> terminals.insert(IN_1, VirtualCard.of(riders.newCard())));

        assertThat(present.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void waitForCardAbsentAnswersAtOnceWhenEmptyAndWaitsWhileTheCardStays() throws Exception {
        CardTerminal terminal = cardTerminals.getTerminal(IN_1);
        assertThat(terminal.waitForCardAbsent(0)).isTrue();

        terminals.insert(IN_1, VirtualCard.of(riders.newCard()));
        assertThat(terminal.waitForCardAbsent(20)).isFalse();

        terminals.remove(IN_1);
        assertThat(terminal.waitForCardAbsent(0)).isTrue();
    }

    @Test
    void negativeTimeoutsAreRefused() throws Exception {
        CardTerminal terminal = cardTerminals.getTerminal(IN_1);

        assertThatThrownBy(() -> cardTerminals.waitForChange(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> terminal.waitForCardPresent(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> terminal.waitForCardAbsent(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean waitForChange(CardTerminals cardTerminals, long timeout) {
        try {
            return cardTerminals.waitForChange(timeout);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean waitForCardPresent(CardTerminal terminal) {
        try {
            return terminal.waitForCardPresent(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(List<CardTerminal> list) {
        return list.stream().map(CardTerminal::getName).toList();
    }
}
