package org.faregate.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.TapId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LedgerPostingTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Instant AT = Instant.parse("2026-11-25T01:00:00Z");
    private static final Correction GOODWILL = new Correction(CorrectionReason.GOODWILL, null, "ops:alice");

    @ParameterizedTest
    @CsvSource({"FARE, -400, fare_revenue", "FARE, 150, fare_revenue", "TOP_UP, 1000, top_up_clearing",
            "ADJUSTMENT, 75, adjustments", "ADJUSTMENT, -75, adjustments", "REFUND, -300, refunds_payable",
            "FARE, -9223372036854775807, fare_revenue"})
    void everyMovementIsTheWalletLegBalancedOnItsCounterBook(EntryKind kind, long amount, String counterBook) {
        LedgerPosting posting = new LedgerPosting(AccountId.of(7), kind, amount, CNY, null, "ref", "why", AT, GOODWILL);

        List<Leg> legs = posting.legs();

        assertThat(legs).containsExactly(new Leg(Book.WALLET, AccountId.of(7), amount, CNY),
                new Leg(Book.parse(counterBook), null, -amount, CNY));
        assertThat(legs.stream().mapToLong(Leg::amountMinor).reduce(0, Math::addExact)).isZero();
    }

    @Test
    void aFaresWalletLegNamesItsTapAndAsAJournalLineCarriesItsExplanation() {
        TapId tap = new TapId(UUID.fromString("00000000-0000-7000-8000-000000000001"));
        LedgerPosting fare = new LedgerPosting(AccountId.of(7), EntryKind.FARE, -400, CNY, tap, null, "A to B", AT);

        assertThat(fare.legs().get(0)).isEqualTo(new Leg(Book.WALLET, AccountId.of(7), -400, CNY, tap, null));
        assertThat(fare.journalLine()).isEqualTo(new Leg(Book.WALLET, AccountId.of(7), -400, CNY, tap, "A to B"));
    }

    @Test
    void aRefundTakesMoneyOutOfTheWalletAndNamesWhoAndWhy() {
        assertThatThrownBy(() -> new LedgerPosting(AccountId.of(7), EntryKind.REFUND, 300, CNY, null, "r", "x", AT,
                GOODWILL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerPosting(AccountId.of(7), EntryKind.REFUND, -300, CNY, null, "r", "x", AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherNeedsANote() {
        assertThatThrownBy(() -> new Correction(CorrectionReason.OTHER, " ", "ops:alice"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Correction(CorrectionReason.OTHER, "lost card fee waived", "ops:alice").note())
                .isEqualTo("lost card fee waived");
    }

    @Test
    void aWalletLegNamesItsAccountAndNoOtherLegDoes() {
        assertThatThrownBy(() -> new Leg(Book.WALLET, null, 1, CNY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Leg(Book.FARE_REVENUE, AccountId.of(1), 1, CNY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
