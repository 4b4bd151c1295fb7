package org.faregate.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.faregate.validator.testing.TestTokens.T0;

import java.nio.file.Path;
import java.time.Duration;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.Reason;
import org.faregate.protocol.StationId;
import org.faregate.protocol.token.Credential;
import org.faregate.validator.journal.DiskLevel;
import org.faregate.validator.journal.JournalException;
import org.faregate.validator.testing.MutableClock;
import org.faregate.validator.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gate whose journal allowance fills while the gateway is away stays closed, and opens again after a sync. */
class FullJournalGateTest {

    private final TestTokens tokens = new TestTokens();
    private final MutableClock clock = new MutableClock(T0);
    private final FakeGateway gateway = new FakeGateway(tokens.keyList());
    private final Credential credential = tokens.validCredential();

    @TempDir
    Path dataDir;

    @Test
    void fullJournalKeepsTheGateClosedUntilTheGatewayAcknowledges() {
        ValidatorConfig config = ValidatorConfig.of(GateId.of("S01-IN-1"), StationId.of("S01"), Direction.ENTRY,
                dataDir).withPassbackWindow(Duration.ZERO).withJournalMaxBytes(ValidatorConfig.MIN_JOURNAL_MAX_BYTES);
        gateway.online(false);
        try (Validator validator = Validator.open(config, clock, tokens.random, gateway)) {
            validator.trustIssuerKeys(tokens.keyList());
            int accepted = 0;
            JournalException refusal = null;
            for (int i = 0; i < 1000 && refusal == null; i++) {
                clock.advance(Duration.ofSeconds(1));
                try {
                    assertThat(validator.presentQr(tokens.qr(credential, clock.instant(), i)).reason())
                            .isEqualTo(Reason.ACCEPTED);
                    accepted++;
                } catch (JournalException e) {
                    refusal = e;
                }
            }

            assertThat(refusal).isNotNull().hasMessageContaining("journal full");
            assertThat(validator.journalStatus().level()).isEqualTo(DiskLevel.FULL);
            assertThat(validator.pendingTaps()).isEqualTo(accepted);
            assertThatThrownBy(() -> validator.presentQr(tokens.qr(credential, clock.instant(), 5000)))
                    .isInstanceOf(JournalException.class);
            assertThat(validator.pendingTaps()).isEqualTo(accepted);

            gateway.online(true);
            assertThat(validator.sync().delivered()).isEqualTo(accepted);

            assertThat(validator.journalStatus().level()).isEqualTo(DiskLevel.OK);
            assertThat(validator.presentQr(tokens.qr(credential, clock.instant(), 5001)).reason())
                    .isEqualTo(Reason.ACCEPTED);
            assertThat(gateway.committed()).hasSize(accepted);
        }
    }
}
