package org.faregate.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.faregate.gateway.GatewayClient;
import org.faregate.gateway.SharedGateway;
import org.faregate.gateway.Taps;
import org.faregate.gateway.admin.ReconciliationReport;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.wire.TapBatchAck;
import org.faregate.protocol.wire.TapRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Gates resending overlapping batches at the same time, for the same accounts, still charge each tap once. */
@ExtendWith(SharedGateway.class)
class ConcurrentIngestTest {

    private final GatewayClient client;

    ConcurrentIngestTest(GatewayClient client) {
        this.client = client;
    }

    @Test
    void overlappingBatchesSentConcurrentlyChargeEveryJourneyOnce() throws Exception {
        AccountId first = client.openAccount("adult").accountId();
        AccountId second = client.openAccount("adult").accountId();
        CredentialId credential = Taps.credential();
        List<TapRecord> taps = new ArrayList<>();
        for (int journey = 0; journey < 6; journey++) {
            String start = "%02d:00".formatted(6 + journey);
            String end = "%02d:30".formatted(6 + journey);
            for (AccountId account : List.of(first, second)) {
                taps.add(Taps.entry(account, credential, "S01", start));
                taps.add(Taps.exit(account, credential, "S05", end));
            }
        }
        Random random = new Random(42);
        List<List<TapRecord>> batches = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            List<TapRecord> batch = new ArrayList<>(taps);
            Collections.shuffle(batch, random);
            batches.add(batch.subList(0, 4 + random.nextInt(batch.size() - 4)));
        }
        batches.add(taps);

        ExecutorService gates = Executors.newFixedThreadPool(8);
        try {
            List<Future<TapBatchAck>> acks = new ArrayList<>();
            for (List<TapRecord> batch : batches) {
                acks.add(gates.submit(() -> client.send(Taps.batch(batch))));
            }
            for (int i = 0; i < acks.size(); i++) {
                assertThat(acks.get(i).get(60, TimeUnit.SECONDS).committed()).hasSize(batches.get(i).size());
            }
        } finally {
            gates.shutdown();
        }

        assertThat(client.account(first).balanceMinor()).isEqualTo(-6 * 400);
        assertThat(client.account(second).balanceMinor()).isEqualTo(-6 * 400);
        assertThat(client.get("/v1/admin/reconciliation").expect(200, ReconciliationReport.class).balanced()).isTrue();
    }
}
