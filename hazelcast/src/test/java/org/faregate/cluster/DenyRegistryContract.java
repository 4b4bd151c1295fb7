package org.faregate.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.DenyListDelta;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DenyRegistry} does; each implementation's test extends this with a fresh registry. */
public abstract class DenyRegistryContract {

    private DenyRegistry registry;

    protected abstract DenyRegistry newRegistry();

    @BeforeEach
    void freshRegistry() {
        registry = newRegistry();
    }

    protected static CredentialId credential() {
        return new CredentialId(UUID.randomUUID());
    }

    @Test
    void emptyRegistryIsAtVersionZeroWithAnEmptySnapshot() {
        assertThat(registry.currentVersion()).isZero();
        assertThat(registry.changesSince(0)).isEqualTo(new DenyListDelta(0, 0, true, java.util.List.of()));
    }

    @Test
    void appliedChangeIsFoundAndRaisesTheVersion() {
        CredentialId id = credential();
        DenyChange change = new DenyChange(id, true, 3, "lost_card");

        assertThat(registry.apply(change)).isTrue();

        assertThat(registry.find(id)).contains(change);
        assertThat(registry.currentVersion()).isEqualTo(3);
    }

    @Test
    void olderChangeNeverOverwritesANewerOne() {
        CredentialId id = credential();
        DenyChange newer = new DenyChange(id, false, 7, "topped_up");
        registry.apply(newer);

        assertThat(registry.apply(new DenyChange(id, true, 5, "balance_below_floor"))).isFalse();
        assertThat(registry.apply(newer)).isFalse();

        assertThat(registry.find(id)).contains(newer);
    }

    @Test
    void snapshotHoldsOnlyCurrentlyDeniedCredentialsInVersionOrder() {
        CredentialId a = credential();
        CredentialId b = credential();
        CredentialId c = credential();
        registry.apply(new DenyChange(b, true, 2, "lost_card"));
        registry.apply(new DenyChange(a, true, 1, "lost_card"));
        registry.apply(new DenyChange(c, true, 3, "lost_card"));
        registry.apply(new DenyChange(c, false, 4, "found"));

        DenyListDelta snapshot = registry.changesSince(0);

        assertThat(snapshot.snapshot()).isTrue();
        assertThat(snapshot.toVersion()).isEqualTo(4);
        assertThat(snapshot.changes()).extracting(DenyChange::credentialId).containsExactly(a, b);
    }

    @Test
    void deltaHoldsEveryLaterChangeIncludingUndenials() {
        CredentialId a = credential();
        CredentialId b = credential();
        registry.apply(new DenyChange(a, true, 1, "lost_card"));
        registry.apply(new DenyChange(b, true, 2, "lost_card"));
        registry.apply(new DenyChange(a, false, 3, "found"));

        DenyListDelta delta = registry.changesSince(1);

        assertThat(delta.snapshot()).isFalse();
        assertThat(delta.fromVersion()).isEqualTo(1);
        assertThat(delta.toVersion()).isEqualTo(3);
        assertThat(delta.changes()).containsExactly(new DenyChange(b, true, 2, "lost_card"),
                new DenyChange(a, false, 3, "found"));
        assertThat(registry.changesSince(3).changes()).isEmpty();
    }

    @Test
    void versionBeyondTheRegistryGetsASnapshot() {
        CredentialId a = credential();
        registry.apply(new DenyChange(a, true, 1, "lost_card"));

        DenyListDelta delta = registry.changesSince(99);

        assertThat(delta.snapshot()).isTrue();
        assertThat(delta.fromVersion()).isZero();
        assertThat(delta.changes()).extracting(DenyChange::credentialId).containsExactly(a);
    }

    @Test
    void feedHoldsBackChangesBehindAVersionStillOnItsWay() {
        CredentialId a = credential();
        CredentialId b = credential();
        CredentialId c = credential();
        registry.apply(new DenyChange(a, true, 1, "lost_card"));
        registry.apply(new DenyChange(c, true, 3, "lost_card")); // version 2 is still on its way from another node

        DenyListDelta early = registry.changesSince(0);
        assertThat(early.toVersion()).isEqualTo(1);
        assertThat(early.changes()).extracting(DenyChange::credentialId).containsExactly(a);
        assertThat(registry.changesSince(1).changes()).isEmpty();
        assertThat(registry.changesSince(1).toVersion()).isEqualTo(1);

        registry.apply(new DenyChange(b, true, 2, "lost_card"));
        DenyListDelta caughtUp = registry.changesSince(1);
        assertThat(caughtUp.toVersion()).isEqualTo(3);
        assertThat(caughtUp.changes()).extracting(DenyChange::credentialId).containsExactly(b, c);
    }

    @Test
    void supersededChangeArrivingLateClosesItsGap() {
        CredentialId id = credential();
        DenyChange found = new DenyChange(id, false, 2, "found");
        registry.apply(found);
        assertThat(registry.changesSince(0).toVersion()).isZero();

        assertThat(registry.apply(new DenyChange(id, true, 1, "lost_card"))).isFalse();

        assertThat(registry.changesSince(0).toVersion()).isEqualTo(2);
        assertThat(registry.find(id)).contains(found);
    }

    @Test
    void versionsReadFromTheDatabaseCountAsPublishedAndTheMarkNeverGoesBack() {
        CredentialId id = credential();
        registry.apply(new DenyChange(id, true, 5, "lost_card")); // 1 to 4 were superseded in the database
        assertThat(registry.changesSince(0).toVersion()).isZero();

        registry.markComplete(5);
        DenyListDelta snapshot = registry.changesSince(0);
        assertThat(snapshot.toVersion()).isEqualTo(5);
        assertThat(snapshot.changes()).extracting(DenyChange::credentialId).containsExactly(id);

        registry.markComplete(3);
        registry.apply(new DenyChange(credential(), true, 6, "lost_card"));
        assertThat(registry.changesSince(5).toVersion()).isEqualTo(6);
    }

    @Test
    void negativeVersionIsRefused() {
        assertThatThrownBy(() -> registry.changesSince(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reasonsWithSeparatorsSurviveTheRoundTrip() {
        CredentialId id = credential();
        DenyChange change = new DenyChange(id, true, 1, "fraud | reported by ops");
        registry.apply(change);

        assertThat(registry.find(id)).contains(change);
    }

    @Test
    void everyAnswerMatchesTheReferenceScanWhileChangesArriveOutOfOrderAndTheMarkMoves() {
        Random random = new Random(7);
        List<CredentialId> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(credential());
        }
        List<DenyChange> heldBack = new ArrayList<>();
        for (long version = 1; version <= 40; version++) {
            DenyChange change = new DenyChange(ids.get(random.nextInt(ids.size())), random.nextBoolean(), version, "r");
            if (version % 7 == 0) {
                heldBack.add(change);
            } else {
                registry.apply(change);
            }
            if (version % 7 == 2 && !heldBack.isEmpty()) {
                registry.apply(heldBack.remove(0));
            }
            if (version % 11 == 0) {
                registry.markComplete(version - 4);
            }
            for (long since = 0; since <= version + 1; since++) {
                assertThat(registry.changesSince(since)).as("since %d after version %d", since, version)
                        .isEqualTo(DenyRegistry.scanChangesSince(registry, since));
            }
        }
    }
}
