package org.faregate.validator.decision;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
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

        DenyList.Result result = list.apply(new DenyListDelta(1, 3, false, List.of(
                new DenyChange(a, false, 3, "paid"), new DenyChange(b, true, 2, "lost"))));

        assertThat(result.outcome()).isEqualTo(DenyList.Outcome.APPLIED);
        assertThat(result.newlyDenied()).isEqualTo(1);
        assertThat(result.lifted()).isEqualTo(1);
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.isDenied(a)).isFalse();
        assertThat(list.isDenied(b)).isTrue();
        assertThat(list.version()).isEqualTo(3);
    }

    @Test
    void deltaStartingAfterOurVersionIsAGapAndChangesNothing() {
        DenyList.Result result = list.apply(new DenyListDelta(4, 6, false, List.of(new DenyChange(a, true, 5, "x"))));

        assertThat(result.outcome()).isEqualTo(DenyList.Outcome.GAP);
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

    @Test
    void manyIdsAreFoundAfterASnapshotAndStrangersAreNot() {
        List<DenyChange> denials = new ArrayList<>();
        List<CredentialId> ids = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            CredentialId id = CredentialId.random(random);
            ids.add(id);
            denials.add(new DenyChange(id, true, 1 + i, "x"));
        }
        list.apply(new DenyListDelta(0, 5_000, true, denials));

        assertThat(ids).allMatch(list::isDenied);
        assertThat(list.size()).isEqualTo(5_000);
        for (int i = 0; i < 5_000; i++) {
            assertThat(list.isDenied(CredentialId.random(random))).isFalse();
        }
    }

    @Test
    void deltaMergesIntoARestoredListAndLiftsDenials() {
        SpreadIds base = new SpreadIds(200_000, 7);
        base.restoreInto(list, 10);
        SpreadIds more = new SpreadIds(1_000, 8);
        List<DenyChange> changes = new ArrayList<>();
        for (int i = 0; i < more.count(); i++) {
            changes.add(new DenyChange(more.id(i), true, 11, "x"));
        }
        for (int i = 0; i < 500; i++) {
            changes.add(new DenyChange(base.id(i * 3), false, 12, "paid"));
        }

        DenyList.Result result = list.apply(new DenyListDelta(10, 12, false, changes));

        assertThat(result.outcome()).isEqualTo(DenyList.Outcome.APPLIED);
        assertThat(list.size()).isEqualTo(200_000 + 1_000 - 500);
        assertThat(list.isDenied(more.id(999))).isTrue();
        assertThat(list.isDenied(base.id(3))).isFalse();
        assertThat(list.isDenied(base.id(4))).isTrue();
        assertThat(list.isDenied(base.absent(4))).isFalse();
        assertThat(list.version()).isEqualTo(12);
    }

    @Test
    void exportGivesBackWhatRestoreTook() {
        SpreadIds ids = new SpreadIds(50_000, 3);
        ids.restoreInto(list, 9);
        DenyList copy = new DenyList();
        List<long[]> exported = new ArrayList<>();

        list.export(new DenyList.Exporter() {
            @Override
            public void begin(long version, int size) {
                assertThat(version).isEqualTo(9);
                assertThat(size).isEqualTo(50_000);
            }

            @Override
            public void id(long most, long least) {
                exported.add(new long[] {most, least});
            }
        });
        copy.restore(9, exported.size(), sink -> {
            for (long[] id : exported) {
                sink.id(id[0], id[1]);
            }
        });

        assertThat(exported).hasSize(50_000);
        assertThat(exported.get(0)).containsExactly(ids.most(0), ids.least(0));
        assertThat(copy.isDenied(ids.id(49_999))).isTrue();
        assertThat(copy.version()).isEqualTo(9);
    }

    @Test
    void restoreRefusesIdsOutOfOrderAndKeepsTheList() {
        list.apply(new DenyListDelta(0, 2, true, List.of(new DenyChange(a, true, 2, "x"))));

        assertThatThrownBy(() -> list.restore(5, 2, sink -> {
            sink.id(5, 0);
            sink.id(4, 0);
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of order");
        assertThatThrownBy(() -> list.restore(5, 3, sink -> sink.id(5, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 3");

        assertThat(list.isDenied(a)).isTrue();
        assertThat(list.version()).isEqualTo(2);
    }

    @Test
    void breakerRefusesAHugeDeltaAndKeepsTheOldList() {
        DenyList guarded = new SpreadIds(100_000, 1).restoreInto(new DenyList(DenyBreaker.DEFAULT), 40);
        SpreadIds flood = new SpreadIds(250_000, 2);
        List<DenyChange> changes = new ArrayList<>();
        for (int i = 0; i < flood.count(); i++) {
            changes.add(new DenyChange(flood.id(i), true, 41, "bad batch"));
        }

        DenyList.Result result = guarded.apply(new DenyListDelta(40, 41, false, changes));

        assertThat(result.outcome()).isEqualTo(DenyList.Outcome.REFUSED);
        assertThat(result.newlyDenied()).isEqualTo(250_000);
        assertThat(result.refusal()).get().asString().contains("250000");
        assertThat(guarded.version()).isEqualTo(40);
        assertThat(guarded.size()).isEqualTo(100_000);
        assertThat(guarded.isDenied(flood.id(0))).isFalse();
        assertThat(guarded.isDenied(new SpreadIds(100_000, 1).id(0))).isTrue();
    }

    @Test
    void breakerRefusesASnapshotThatDeniesFarMoreThanBefore() {
        list.apply(new DenyListDelta(0, 2, true, List.of(new DenyChange(a, true, 2, "x"))));
        SpreadIds flood = new SpreadIds(10_001, 5);
        List<DenyChange> changes = new ArrayList<>();
        for (int i = 0; i < flood.count(); i++) {
            changes.add(new DenyChange(flood.id(i), true, 3, "bad batch"));
        }

        DenyList.Result result = list.apply(new DenyListDelta(0, 3, true, changes));

        assertThat(result.outcome()).isEqualTo(DenyList.Outcome.REFUSED);
        assertThat(list.isDenied(a)).isTrue();
        assertThat(list.version()).isEqualTo(2);
    }

    @Test
    void aGateWithoutAListTakesAnySizeOfFirstSnapshot() {
        SpreadIds many = new SpreadIds(20_000, 5);
        List<DenyChange> changes = new ArrayList<>();
        for (int i = 0; i < many.count(); i++) {
            changes.add(new DenyChange(many.id(i), true, 1, "x"));
        }

        assertThat(list.apply(new DenyListDelta(0, 1, true, changes)).outcome()).isEqualTo(DenyList.Outcome.APPLIED);
        assertThat(list.size()).isEqualTo(20_000);
    }

    @Test
    void deltaJustInsideTheBreakerIsAppliedAndJustOutsideIsRefused() {
        DenyList inside = new SpreadIds(2_000_000, 1).restoreInto(new DenyList(DenyBreaker.DEFAULT), 1);
        DenyList outside = new SpreadIds(2_000_000, 1).restoreInto(new DenyList(DenyBreaker.DEFAULT), 1);

        assertThat(inside.apply(denying(20_000)).outcome()).isEqualTo(DenyList.Outcome.APPLIED);
        assertThat(outside.apply(denying(20_001)).outcome()).isEqualTo(DenyList.Outcome.REFUSED);
        assertThat(inside.size()).isEqualTo(2_020_000);
        assertThat(outside.size()).isEqualTo(2_000_000);
    }

    @Test
    void reDenyingWhatIsAlreadyDeniedDoesNotCountTowardsTheBreaker() {
        SpreadIds base = new SpreadIds(100_000, 1);
        DenyList guarded = base.restoreInto(new DenyList(DenyBreaker.DEFAULT), 1);
        List<DenyChange> changes = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            changes.add(new DenyChange(base.id(i), true, 2, "again"));
        }

        DenyList.Result result = guarded.apply(new DenyListDelta(1, 2, false, changes));

        assertThat(result.outcome()).isEqualTo(DenyList.Outcome.APPLIED);
        assertThat(result.newlyDenied()).isZero();
        assertThat(guarded.size()).isEqualTo(100_000);
    }

    private static DenyListDelta denying(int count) {
        SpreadIds fresh = new SpreadIds(count, 99);
        List<DenyChange> changes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            changes.add(new DenyChange(fresh.id(i), true, 2, "x"));
        }
        return new DenyListDelta(1, 2, false, changes);
    }

    @Test
    void aStreamedSnapshotReplacesTheListAndCountsWhatItChanges() {
        list.apply(new DenyListDelta(0, 1, true, List.of(new DenyChange(a, true, 1, "x"))));
        SpreadIds ids = new SpreadIds(50_000, 11);
        DenyList.Snapshot snapshot = new DenyList.Snapshot();
        for (int i = 0; i < ids.count(); i++) {
            snapshot.add(ids.id(i).value().getMostSignificantBits(), ids.id(i).value().getLeastSignificantBits());
        }

        DenyList.Result result = new DenyList().replace(9, snapshot);
        DenyList.Result refused = list.replace(9, snapshot);

        assertThat(result.outcome()).isEqualTo(DenyList.Outcome.APPLIED);
        assertThat(result.newlyDenied()).isEqualTo(50_000);
        assertThat(refused.outcome()).as("50,000 new denials on a list of one trip the default breaker")
                .isEqualTo(DenyList.Outcome.REFUSED);
        assertThat(refused.lifted()).isEqualTo(1);
        assertThat(list.isDenied(a)).isTrue();
        assertThat(list.version()).isEqualTo(1);
    }

    @Test
    void aStreamedSnapshotIsTakenWholeAndItsIdsMustAscend() {
        DenyList.Snapshot snapshot = new DenyList.Snapshot();
        snapshot.add(0, 5);
        snapshot.add(-1L, 0);
        assertThatThrownBy(() -> snapshot.add(-1L, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ascend");
        assertThatThrownBy(() -> snapshot.add(7, 0)).isInstanceOf(IllegalArgumentException.class);

        assertThat(list.replace(4, snapshot).outcome()).isEqualTo(DenyList.Outcome.APPLIED);

        assertThat(list.size()).isEqualTo(2);
        assertThat(list.isDenied(new CredentialId(new java.util.UUID(-1L, 0)))).isTrue();
        assertThat(list.isDenied(new CredentialId(new java.util.UUID(0, 5)))).isTrue();
        assertThat(list.version()).isEqualTo(4);
    }
}
