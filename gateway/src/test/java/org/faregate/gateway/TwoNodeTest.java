package org.faregate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import org.faregate.cluster.ClusterConfig;
import org.faregate.gateway.admin.DenyRequest;
import org.faregate.gateway.sql.DatabaseConfig;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.wire.Accounts;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.IssuerKeyList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two gateway nodes in one JVM: one database, one Hazelcast cluster on loopback. */
class TwoNodeTest {

    private static Gateway nodeA;
    private static Gateway nodeB;
    private static GatewayClient clientA;
    private static GatewayClient clientB;

    @BeforeAll
    static void startTwoNodes() {
        DatabaseConfig database = TestDatabases.fresh();
        ClusterConfig cluster = ClusterConfig.standalone();
        nodeA = Gateway.start(GatewayConfig.embedded().withDatabase(database).withCluster(cluster));
        // Nodes sharing a database share the bootstrap admin token, as production nodes share FAREGATE_ADMIN_TOKEN.
        nodeB = Gateway.start(GatewayConfig.embedded().withDatabase(database)
                .withAdminBootstrap(nodeA.config().adminBootstrap())
                .withCluster(cluster.withMembers(List.of(nodeA.clusterAddress()))));
        clientA = GatewayClient.admin(nodeA);
        clientB = GatewayClient.admin(nodeB);
    }

    @AfterAll
    static void stopNodes() {
        nodeB.close();
        nodeA.close();
    }

    @Test
    void credentialDeniedThroughNodeAAppearsInNodeBsFeed() {
        AccountId account = clientA.openAccount("adult").accountId();
        CredentialId credential = clientA.issue(account, SigningKey.generate(new SecureRandom()).verifyingKey(), "card")
                .credentialId();

        DenyChange denied = clientA.post("/v1/admin/deny", new DenyRequest(credential, "stolen"))
                .expect(200, DenyChange.class);

        Eventually.await(() -> clientB.denyList(0).changes().contains(denied));
        assertThat(clientB.denyList(denied.version() - 1).changes()).containsExactly(denied);
    }

    @Test
    void nodesShareAccountsAndIssuerKeys() {
        AccountId account = clientA.openAccount("senior").accountId();

        clientB.topUp(account, 800, "CNY", "b-1").expect(200, Accounts.View.class);

        assertThat(clientA.account(account).balanceMinor()).isEqualTo(800);
        assertThat(clientB.get("/v1/issuer-keys").expect(200, IssuerKeyList.class).keys())
                .isEqualTo(clientA.get("/v1/issuer-keys").expect(200, IssuerKeyList.class).keys());
    }
}
