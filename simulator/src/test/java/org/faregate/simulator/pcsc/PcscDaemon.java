package org.faregate.simulator.pcsc;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The machine's pcscd as a process the test stops and starts, for tests of what the gate does when pcscd is
 * down or restarts. Stopping is {@code pkill -x pcscd}, waiting until it is gone; starting is
 * {@code setsid -f pcscd --foreground} with its output in {@value #LOG_NAME} under the system temporary
 * directory (as CI's script does), so it outlives the test JVM, then waiting until it lists
 * {@code Virtual PCD 00 00}. A test that stops pcscd must call {@link #ensureReady()} when it ends (in a
 * finally or an after-method): later tests need it.
 *
 * <p>Follows {@link RealPcsc}'s rules: skipped where pcscd, pcsc_scan or vpcd is missing, or where this user may
 * not control pcscd, unless {@code FAREGATE_TEST_PCSC=required}, which makes those a failure.
 */
final class PcscDaemon {

    private static final String LOG_NAME = "faregate-pcscd.log";
    private static final int READY_TIMEOUT_SECONDS = 10;
    private static final Path VPCD_CONF = Path.of("/etc/reader.conf.d/vpcd");

    private PcscDaemon() {
    }

    /** Control over pcscd, or the calling test is skipped (or fails where PC/SC tests are required). */
    static PcscDaemon controlOrSkip() {
        if (!shell("command -v pcscd && command -v pcsc_scan && command -v setsid && command -v pkill", 5)
                || !Files.exists(VPCD_CONF)) {
            unavailable("pcscd, pcsc-tools (pcsc_scan) and vsmartcard-vpcd must be installed");
        }
        if (!shell("[ \"$(id -u)\" = 0 ]", 5)) {
            unavailable("stopping and starting pcscd needs root");
        }
        return new PcscDaemon();
    }

    /** Stops pcscd and waits until no pcscd process is left. */
    void stop() {
        if (!shell("pkill -x pcscd; for _ in $(seq 1 100); do pgrep -x pcscd >/dev/null || exit 0; sleep 0.1; done;"
                + " exit 1", 15)) {
            fail("pcscd did not stop within 10 s");
        }
    }

    /** Starts pcscd detached from the test JVM and waits until it lists vpcd's first reader. */
    void start() {
        Path log = Path.of(System.getProperty("java.io.tmpdir"), LOG_NAME);
        if (!shell("setsid -f pcscd --foreground >'" + log + "' 2>&1 </dev/null", 5) || !awaitReady()) {
            fail("pcscd did not list '" + RealPcsc.READER_0 + "' within " + READY_TIMEOUT_SECONDS + " s; see " + log);
        }
    }

    /**
     * Starts pcscd detached with an empty reader configuration directory (no vpcd), and waits until it answers
     * that it has no reader: PC/SC up, no reader listed.
     */
    void startWithoutReaders() {
        Path log = Path.of(System.getProperty("java.io.tmpdir"), LOG_NAME);
        String noConfig = System.getProperty("java.io.tmpdir") + "/faregate-pcscd-no-readers.d";
        if (!shell("mkdir -p '" + noConfig + "' && setsid -f pcscd --foreground --config '" + noConfig + "' >'" + log
                + "' 2>&1 </dev/null", 5)
                || !shell("for _ in $(seq 1 " + READY_TIMEOUT_SECONDS * 10 + "); do timeout 5 pcsc_scan -r 2>&1"
                + " | grep -q 'No reader found' && exit 0; sleep 0.1; done; exit 1", READY_TIMEOUT_SECONDS + 10)) {
            fail("pcscd without readers did not answer within " + READY_TIMEOUT_SECONDS + " s; see " + log);
        }
    }

    /** Leaves pcscd running and listing vpcd's readers: starts a fresh one unless one is ready already. */
    void ensureReady() {
        if (!listsVpcd()) {
            stop();
            start();
        }
    }

    private boolean awaitReady() {
        return shell("for _ in $(seq 1 " + READY_TIMEOUT_SECONDS * 10 + "); do timeout 5 pcsc_scan -r 2>/dev/null"
                + " | grep -q '" + RealPcsc.READER_0 + "' && exit 0; sleep 0.1; done; exit 1", READY_TIMEOUT_SECONDS + 10);
    }

    private static boolean listsVpcd() {
        return shell("timeout 5 pcsc_scan -r 2>/dev/null | grep -q '" + RealPcsc.READER_0 + "'", 10);
    }

    /** Runs a bash script; true if it exits 0 within {@code timeoutSeconds}. */
    private static boolean shell(String script, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder("bash", "-c", script)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void unavailable(String why) {
        RealPcsc.skipOrFail("tests that restart pcscd: " + why);
    }
}
