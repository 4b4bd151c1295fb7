package org.faregate.cluster.hz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.faregate.cluster.AccountOwnership;
import org.faregate.cluster.ClusterConfig;
import org.junit.jupiter.api.Test;

/** Bucket ownership follows Hazelcast's partition table: split between members, all to the one that remains. */
class HzAccountOwnershipTest {

    @Test
    void twoMembersSplitTheBucketsAndASurvivorTakesAllWhenTheOtherCrashes() {
        ClusterConfig config = ClusterConfig.standalone();
        try (HzCluster memberA = HzCluster.start(config);
             HzCluster memberB = HzCluster.start(config.withMembers(List.of(memberA.address())))) {
            await(() -> memberA.accountOwnership().ownedBuckets().length
                    + memberB.accountOwnership().ownedBuckets().length == AccountOwnership.BUCKETS);
            Set<Integer> ownedByA = set(memberA.accountOwnership().ownedBuckets());
            Set<Integer> ownedByB = set(memberB.accountOwnership().ownedBuckets());
            assertThat(ownedByA).isNotEmpty().doesNotContainAnyElementsOf(ownedByB);
            assertThat(ownedByB).isNotEmpty();

            memberB.terminateForTest();

            await(() -> memberA.accountOwnership().ownedBuckets().length == AccountOwnership.BUCKETS);
            assertThat(set(memberA.accountOwnership().ownedBuckets())).containsAll(ownedByB);
        }
    }

    @Test
    void bucketsAreTheAccountIdModuloTheBucketCount() {
        assertThat(AccountOwnership.bucketOf(0)).isZero();
        assertThat(AccountOwnership.bucketOf(272)).isEqualTo(1);
        assertThat(AccountOwnership.everything().ownedBuckets()).hasSize(AccountOwnership.BUCKETS)
                .startsWith(0, 1).endsWith(AccountOwnership.BUCKETS - 1);
    }

    private static Set<Integer> set(int[] buckets) {
        Set<Integer> set = new TreeSet<>();
        for (int bucket : buckets) {
            set.add(bucket);
        }
        return set;
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition within 60 s").isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}
