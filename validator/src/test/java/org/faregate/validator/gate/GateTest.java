package org.faregate.validator.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.Reason;
import org.faregate.protocol.TapId;
import org.faregate.validator.decision.RiderDisplay;
import org.faregate.validator.decision.TapDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GateTest {

    private static final Locale ZH_HANS = Locale.forLanguageTag("zh-Hans");
    private static final Instant T = Instant.parse("2025-06-01T08:00:00Z");

    private final SecureRandom random = new SecureRandom();
    private final RecordingGate gate = new RecordingGate();

    private TapDecision decided(Reason reason) {
        if (reason.accepted()) {
            return new TapDecision(TapId.timeOrdered(Instant.now(), random), T, reason, CredentialId.random(random), AccountId.of(4242),
                    RiderDisplay.textFor(reason), "ok");
        }
        return TapDecision.anonymousRefusal(TapId.timeOrdered(Instant.now(), random), T, reason, "test");
    }

    @Test
    void acceptedTapOpensTheGateAndGreetsTheRider() {
        gate.answer(decided(Reason.ACCEPTED), ZH_HANS);

        assertThat(gate.events).containsExactly("open accepted", "show 请通行");
    }

    @ParameterizedTest
    @EnumSource(value = Reason.class, names = "ACCEPTED", mode = EnumSource.Mode.EXCLUDE)
    void everyOtherReasonKeepsTheGateClosedAndSaysWhy(Reason reason) {
        gate.answer(decided(reason), Locale.ENGLISH);

        assertThat(gate.events).containsExactly("refuse " + reason.code(), "show " + RiderDisplay.textFor(reason));
    }

    @Test
    void consoleGatePrintsOneLinePerEvent() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TapDecision refusal = decided(Reason.REPLAYED);

        new ConsoleGate(new PrintStream(bytes, true, StandardCharsets.UTF_8)).answer(refusal, ZH_HANS);

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "refuse replayed tap=" + refusal.tapId(), "show \"" + RiderDisplay.textFor(Reason.REPLAYED, ZH_HANS) + "\"");
    }
}
