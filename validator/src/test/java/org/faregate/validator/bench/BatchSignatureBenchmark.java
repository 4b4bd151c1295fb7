package org.faregate.validator.bench;

import java.security.SecureRandom;
import java.security.SignatureException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.Reason;
import org.faregate.protocol.StationId;
import org.faregate.protocol.TapId;
import org.faregate.protocol.auth.BatchSignature;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.crypto.VerifyingKey;
import org.faregate.protocol.wire.TapBatch;
import org.faregate.protocol.wire.TapRecord;
import org.faregate.protocol.wire.WireJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Authenticating a tap batch of 500 taps (the gates' batch size) as JSON bytes: the gate signs it; the gateway
 * parses the registered public key (hex, point decompression) and verifies over the exact body, as
 * {@code GateAuthenticator} does for every {@code POST /v1/taps}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BatchSignatureBenchmark {

    private static final GateId GATE = GateId.of("S01-IN-1");
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    @State(Scope.Benchmark)
    public static class Batch {
        final SigningKey key = SigningKey.generate(new SecureRandom());
        final String registeredKeyHex = key.verifyingKey().compressed().toHex();
        byte[] body;
        BatchSignature signature;

        @Setup
        public void build() {
            SecureRandom random = new SecureRandom();
            List<TapRecord> taps = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                taps.add(new TapRecord(TapId.timeOrdered(Instant.now(), random), GATE, StationId.of("S01"), Direction.ENTRY,
                        NOW.plusSeconds(i), "qr", CredentialId.random(random), AccountId.of(1 + i), Reason.ACCEPTED));
            }
            body = new WireJson().write(new TapBatch(GATE, taps));
            signature = BatchSignature.sign(key, GATE, NOW, body);
            System.out.printf("%nbatch of 500 taps: %,d bytes of JSON%n", body.length);
        }
    }

    @Benchmark
    public BatchSignature gateSigns(Batch batch) {
        return BatchSignature.sign(batch.key, GATE, NOW, batch.body);
    }

    @Benchmark
    public VerifyingKey gatewayVerifies(Batch batch) throws SignatureException {
        VerifyingKey key = VerifyingKey.parse(Bytes.parseHex(batch.registeredKeyHex).toArray());
        batch.signature.verify(key, batch.body);
        return key;
    }
}
