package org.faregate.validator.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.DenyListDelta;
import org.junit.jupiter.api.Test;

class DenyListTest {

    private final SecureRandom random = new SecureRandom();
    private final CredentialId a = CredentialId.random(random);
    private final CredentialId b = CredentialId.random(random);
    private final DenyList list = new DenyList();

    @Test
    void snapshotReplacesEverything() {
        list.apply(new DenyListDelta(0, 2, true, List.of(new DenyChange(a, true, 2, "unpaid"))));
        list.apply(new DenyListDelta(0, 5, true, List.of(new DenyChange(b, true, 5, "lost"))));

        assertThat(list.isDenied(a)).isFalse();
        assertThat(list.isDenied(b)).isTrue();
        assertThat(list.version()).isEqualTo(5);
    }

    @Test
    void deltaDeniesAndLiftsInVersionOrder() {
        list.apply(new DenyListDelta(0, 1, true, List.of(new DenyChange(a, true, 1, "unpaid"))));

        DenyList.Outcome outcome = list.apply(new DenyListDelta(1, 3, false, List.of(
                new DenyChange(a, false, 3, "paid"), new DenyChange(b, true, 2, "lost"))));

        assertThat(outcome).isEqualTo(DenyList.Outcome.APPLIED);
        assertThat(list.isDenied(a)).isFalse();
        assertThat(list.isDenied(b)).isTrue();
        assertThat(list.version()).isEqualTo(3);
    }

    @Test
    void deltaStartingAfterOurVersionIsAGapAndChangesNothing() {
        DenyList.Outcome outcome = list.apply(new DenyListDelta(4, 6, false, List.of(new DenyChange(a, true, 5, "x"))));

        assertThat(outcome).isEqualTo(DenyList.Outcome.GAP);
        assertThat(list.isDenied(a)).isFalse();
        assertThat(list.version()).isZero();
    }

    @Test
    void applyingTheSameDeltaTwiceChangesNothing() {
        DenyListDelta delta = new DenyListDelta(0, 2, false, List.of(new DenyChange(a, true, 1, "x"),
                new DenyChange(a, false, 2, "y")));
        list.apply(delta);
        list.apply(new DenyListDelta(2, 3, false, List.of(new DenyChange(a, true, 3, "z"))));

        list.apply(delta);

        assertThat(list.isDenied(a)).isTrue();
        assertThat(list.version()).isEqualTo(3);
    }

    @Test
    void snapshotRoundTripsIntoAnEqualList() {
        list.apply(new DenyListDelta(0, 4, false, List.of(new DenyChange(a, true, 2, "x"), new DenyChange(b, true, 4, "y"))));
        DenyList copy = new DenyList();

        copy.apply(list.snapshot());

        assertThat(copy.isDenied(a)).isTrue();
        assertThat(copy.isDenied(b)).isTrue();
        assertThat(copy.version()).isEqualTo(4);
    }
}
