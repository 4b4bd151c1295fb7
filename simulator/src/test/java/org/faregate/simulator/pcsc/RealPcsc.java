package org.faregate.simulator.pcsc;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.faregate.validator.card.PcscTerminalSource;

/**
 * The JDK's PC/SC provider talking to the machine's pcscd, with vpcd's readers. Tests that need it are
 * skipped where pcscd or vpcd is missing (a developer machine), and fail instead when the environment
 * variable {@code FAREGATE_TEST_PCSC=required} is set (CI, whose script starts pcscd).
 *
 * <p>Always through the validator's {@link PcscTerminalSource}: a new {@code TerminalFactory.getInstance("PC/SC",
 * null)} on a new PC/SC context, so a test that runs after another restarted pcscd does not inherit a dead
 * context. ({@code TerminalFactory.getDefault()} is chosen once per JVM and stays "None" if pcscd was down.)
 */
final class RealPcsc {

    static final String READER_0 = VpcdCard.readerName(0);
    static final String READER_1 = VpcdCard.readerName(1);
    /** pcscd polls vpcd; a removed card shows after about 2.6 s. */
    private static final Duration CARD_CHANGE_TIMEOUT = Duration.ofSeconds(10);

    private RealPcsc() {
    }

    /** pcscd's terminals with both vpcd readers listed, or the calling test is skipped. */
    static CardTerminals terminalsOrSkip() {
        CardTerminals terminals;
        try {
            terminals = new PcscTerminalSource().open();
        } catch (CardException e) {
            // Both a missing libpcsclite and a pcscd that is down end here; the message tells which.
            return unavailable("the JDK's PC/SC provider cannot reach pcscd (start it with 'pcscd --foreground &';"
                    + " is libpcsclite1 installed?): " + e.getMessage());
        }
        List<String> names;
        try {
            names = terminals.list().stream().map(CardTerminal::getName).toList();
        } catch (CardException e) {
            return unavailable("pcscd is not running (start it with 'pcscd --foreground &'): " + e.getMessage());
        }
        if (!names.contains(READER_0) || !names.contains(READER_1)) {
            return unavailable("pcscd lists no vpcd readers (apt-get install vsmartcard-vpcd, then restart pcscd): "
                    + names);
        }
        return terminals;
    }

    /** Waits on pcscd until the reader reports a card. */
    static void awaitCardPresent(CardTerminal terminal) throws CardException {
        long deadline = System.nanoTime() + CARD_CHANGE_TIMEOUT.toNanos();
        while (!terminal.waitForCardPresent(remainingMillis(deadline, terminal, "present"))) {
            remainingMillis(deadline, terminal, "present");
        }
    }

    /** Waits on pcscd until the reader reports no card. */
    static void awaitCardAbsent(CardTerminal terminal) throws CardException {
        long deadline = System.nanoTime() + CARD_CHANGE_TIMEOUT.toNanos();
        while (!terminal.waitForCardAbsent(remainingMillis(deadline, terminal, "absent"))) {
            remainingMillis(deadline, terminal, "absent");
        }
    }

    private static long remainingMillis(long deadline, CardTerminal terminal, String state) {
        long remaining = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (remaining <= 0) {
            fail("pcscd did not report a card " + state + " in " + terminal.getName() + " within " + CARD_CHANGE_TIMEOUT);
        }
        return remaining;
    }

    private static CardTerminals unavailable(String why) {
        skipOrFail("PC/SC tests need pcscd with vsmartcard-vpcd: " + why);
        throw new AssertionError("unreachable");
    }

    /** Skips the calling test with {@code message}, or fails it where {@code FAREGATE_TEST_PCSC=required}. */
    static void skipOrFail(String message) {
        if ("required".equals(System.getenv("FAREGATE_TEST_PCSC"))) {
            fail(message);
        }
        boolean required = "required".equals(System.getenv("FAREGATE_TEST_PCSC"));
        assumeTrue(required, message + " (skipped; set FAREGATE_TEST_PCSC=required to fail instead)");
    }
}
