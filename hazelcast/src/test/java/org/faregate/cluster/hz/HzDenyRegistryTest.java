package org.faregate.cluster.hz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.faregate.cluster.ClusterConfig;
import org.faregate.cluster.DenyRegistry;
import org.faregate.cluster.DenyRegistryContract;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.wire.DenyChange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry contract on a real two-member cluster on loopback (random cluster name), plus
 * replication between the members. Each test gets maps of its own on the shared members.
 */
class HzDenyRegistryTest extends DenyRegistryContract {

    private static HzCluster memberA;
    private static HzCluster memberB;

    @BeforeAll
    static void startTwoMembers() {
        ClusterConfig config = ClusterConfig.standalone();
        memberA = HzCluster.start(config);
        memberB = HzCluster.start(config.withMembers(List.of(memberA.address())));
        await(() -> memberA.memberCount() == 2 && memberB.memberCount() == 2);
    }

    @AfterAll
    static void stopMembers() {
        memberB.close();
        memberA.close();
    }

    /**
     * Contract tests use maps outside the deny-list name pattern: the same adapter, but without the
     * synchronous fill-up that makes a member's first access to a deny-list map take about a second.
     */
    @Override
    protected DenyRegistry newRegistry() {
        return memberA.denyRegistry("contract-" + UUID.randomUUID());
    }

    @Test
    void membersBindToLoopbackAndFormOneCluster() {
        assertThat(memberA.address()).startsWith("127.0.0.1:");
        assertThat(memberB.memberCount()).isEqualTo(2);
    }

    @Test
    void changeAppliedThroughOneMemberIsVisibleThroughTheOther() {
        DenyRegistry viaA = memberA.denyRegistry();
        DenyRegistry viaB = memberB.denyRegistry();
        CredentialId id = new CredentialId(UUID.randomUUID());
        DenyChange change = new DenyChange(id, true, 4, "lost_card");
        viaA.markComplete(3); // as after reading the database up to version 3

        viaA.apply(change);

        await(() -> viaB.changesSince(3).changes().contains(change));
        assertThat(viaB.find(id)).contains(change);
        assertThat(viaB.changesSince(0).changes()).contains(change);
    }

    @Test
    void versionPublishedThroughOneMemberWaitsForTheEarlierOneFromTheOther() {
        DenyRegistry viaA = memberA.denyRegistry();
        DenyRegistry viaB = memberB.denyRegistry();
        DenyChange second = new DenyChange(new CredentialId(UUID.randomUUID()), true, 2, "lost_card");
        DenyChange first = new DenyChange(new CredentialId(UUID.randomUUID()), true, 1, "lost_card");

        viaA.apply(second); // node A committed version 2 after node B committed 1, but published first
        await(() -> viaB.find(second.credentialId()).isPresent());
        assertThat(viaB.changesSince(0).toVersion()).isZero();

        viaB.apply(first);

        await(() -> viaA.changesSince(0).toVersion() == 2);
        assertThat(viaA.changesSince(0).changes()).containsExactly(first, second);
    }

    @Test
    void olderChangeThroughTheOtherMemberDoesNotOverwriteANewerOne() {
        DenyRegistry viaA = memberA.denyRegistry();
        DenyRegistry viaB = memberB.denyRegistry();
        CredentialId id = new CredentialId(UUID.randomUUID());
        DenyChange newer = new DenyChange(id, false, 9, "topped_up");
        viaA.apply(newer);
        await(() -> viaB.find(id).isPresent());

        assertThat(viaB.apply(new DenyChange(id, true, 8, "balance_below_floor"))).isFalse();

        assertThat(viaA.find(id)).contains(newer);
        assertThat(viaB.find(id)).contains(newer);
    }

    @Test
    void encodedEntryRoundTrips() {
        DenyChange change = new DenyChange(new CredentialId(UUID.randomUUID()), true, 12, "a|b");
        String encoded = HzDenyRegistry.encode(change);

        assertThat(encoded).startsWith("v1|12|1|");
        assertThat(HzDenyRegistry.decode(change.credentialId().toString(), encoded)).isEqualTo(change);
    }

    /** Waits for a condition with a deadline; replication is asynchronous. */
    static void await(Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 20 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
