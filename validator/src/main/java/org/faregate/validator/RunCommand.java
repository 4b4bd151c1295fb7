package org.faregate.validator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.StationId;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.WireFormatException;
import org.faregate.protocol.wire.WireJson;
import org.faregate.validator.card.NfcReaders;
import org.faregate.validator.card.PcscTerminalSource;
import org.faregate.validator.card.ReaderNames;
import org.faregate.validator.decision.RiderDisplay;
import org.faregate.validator.decision.TapDecision;
import org.faregate.validator.gate.ConsoleGate;
import org.faregate.validator.gate.Gate;
import org.faregate.validator.journal.JournalException;
import org.faregate.validator.link.GateIdentity;
import org.faregate.validator.link.HttpGatewayLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run --gateway URL --gate ID --station ID --direction entry|exit --data DIR [--keys FILE]
 * [--sync-seconds N] [--route ID] [--language TAG] [--nfc all|NAMES]}:
 * a gate process reading scanner text lines from stdin, answering each on a {@link ConsoleGate} (open or
 * refuse, then the rider text in the display language) and syncing with the gateway in the background.
 * With {@code --nfc}, the gate's PC/SC readers are watched too ({@link NfcReaders}), answering on the same gate.
 */
final class RunCommand {

    private static final Logger logger = LoggerFactory.getLogger(RunCommand.class);
    /** The longest wait between two attempts while the gateway stays unreachable. */
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(2);
    private static final List<String> REQUIRED = List.of("--gateway", "--gate", "--station", "--direction", "--data");

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final InstantSource clock;

    RunCommand(InputStream in, PrintStream out, PrintStream err, InstantSource clock) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    int run(List<String> args) {
        ValidatorConfig config;
        URI gateway;
        long syncSeconds;
        IssuerKeyList provisionedKeys = null;
        Locale language;
        ReaderNames nfcReaders = null;
        try {
            Map<String, String> options = options(args);
            gateway = URI.create(options.get("--gateway"));
            config = ValidatorConfig.of(GateId.of(options.get("--gate")), StationId.of(options.get("--station")),
                    Direction.parse(options.get("--direction")), Path.of(options.get("--data")));
            if (options.containsKey("--route")) {
                config = config.onRoute(options.get("--route"));
            }
            if (options.containsKey("--journal-mb")) {
                config = config.withJournalMaxBytes(Math.multiplyExact(
                        Long.parseLong(options.get("--journal-mb")), 1L << 20));
            }
            syncSeconds = Long.parseLong(options.getOrDefault("--sync-seconds", "5"));
            if (syncSeconds < 1) {
                throw new IllegalArgumentException("--sync-seconds must be at least 1");
            }
            language = Locale.forLanguageTag(options.getOrDefault("--language", "en"));
            if (!RiderDisplay.supports(language)) {
                logger.warn("No rider texts in this language, showing English [language={}]",
                        options.get("--language"));
            }
            if (options.containsKey("--nfc")) {
                nfcReaders = ReaderNames.parse(options.get("--nfc"));
            }
            if (options.containsKey("--keys")) {
                provisionedKeys = readKeys(Path.of(options.get("--keys")));
            }
        } catch (IllegalArgumentException e) {
            err.println("run: " + e.getMessage());
            err.print(ValidatorMain.USAGE);
            return 2;
        }
        ScheduledExecutorService syncer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gate-sync");
            thread.setDaemon(true);
            return thread;
        });
        GateIdentity identity;
        try {
            identity = GateIdentity.openOrCreate(config.gateId(), config.dataDir(), new SecureRandom());
        } catch (UncheckedIOException e) {
            err.println("run: " + e.getMessage());
            return 3;
        }
        out.println(KeyCommand.registration(identity));
        try (Validator validator = Validator.open(config, clock, new SecureRandom(),
                new HttpGatewayLink(gateway, identity))) {
            if (provisionedKeys != null) {
                validator.trustIssuerKeys(provisionedKeys);
            }
            // One attempt before the first rider: a gate that can reach the gateway starts with current issuer
            // keys and deny list; one that cannot starts offline on what it stored last time.
            SyncReport first = syncQuietly(validator);
            out.println("ready: gate " + config.gateId() + ", deny list version " + validator.denyListVersion()
                    + ", " + validator.pendingTaps() + " taps pending, journal " + mib(validator.journalStatus().usedBytes())
                    + " of " + mib(validator.journalStatus().limitBytes()) + " MiB"
                    + (first == null || !first.complete() ? " (gateway not reached: deciding offline)" : ""));
            Duration interval = Duration.ofSeconds(syncSeconds);
            SyncBackoff backoff = new SyncBackoff(interval, max(interval, MAX_BACKOFF), new SecureRandom());
            scheduleSync(syncer, validator, backoff, interval);
            Gate gate = new ConsoleGate(out);
            NfcReaders nfc = nfcReaders == null ? null : startNfc(nfcReaders, validator, gate, language);
            int status = readScanner(validator, gate, language);
            if (nfc != null) {
                nfc.close();
                out.println(nfc.status().describe());
            }
            syncer.shutdown();
            awaitSyncer(syncer);
            SyncReport last = syncQuietly(validator);
            out.println("stopped: " + (last == null ? "?" : last.pending()) + " taps pending");
            return status;
        } catch (JournalException e) {
            err.println("run: gate out of service: " + e.getMessage());
            return 3;
        } catch (IllegalArgumentException e) {
            err.println("run: " + e.getMessage());
            return 2;
        } finally {
            syncer.shutdownNow();
        }
    }

    private int readScanner(Validator validator, Gate gate, Locale language) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                TapDecision decision;
                try {
                    decision = validator.presentQrText(line);
                } catch (JournalException e) {
                    // Journal full or failing: the barrier stays closed; the next tap tries again, and the
                    // background sync frees space as soon as the gateway acknowledges.
                    logger.error("Tap not journaled, gate stays closed [journal={}]: {}",
                            validator.journalStatus().level(), e.getMessage());
                    err.println("run: gate out of service, tap not journaled: " + e.getMessage());
                    continue;
                }
                synchronized (gate) {
                    gate.answer(decision, language);
                }
            }
            return 0;
        } catch (IOException e) {
            err.println("run: cannot read scanner input: " + e.getMessage());
            return 3;
        }
    }

    /** Watches the gate's PC/SC readers; each answer is one block on the gate, as the scanner's are. */
    private NfcReaders startNfc(ReaderNames readers, Validator validator, Gate gate, Locale language) {
        out.println("nfc: watching PC/SC readers " + readers + " (a reader that is not there yet is picked up"
                + " when it appears)");
        return NfcReaders.start(new PcscTerminalSource(), readers, validator::tapCard, decision -> {
            synchronized (gate) {
                gate.answer(decision, language);
            }
        });
    }

    /**
     * The background loop: one round, then the next after the regular interval, or after a growing, jittered
     * delay while rounds fail (the gateway unreachable). Ends when the executor is shut down.
     */
    private static void scheduleSync(ScheduledExecutorService syncer, Validator validator, SyncBackoff backoff,
                                     Duration delay) {
        try {
            syncer.schedule(() -> {
                SyncReport report = syncQuietly(validator);
                scheduleSync(syncer, validator, backoff, backoff.next(report != null && report.complete()));
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            logger.debug("Background sync stopped");
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (double) (1L << 20));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The barrier of the background loop: one failed round must not end the schedule. */
    private static SyncReport syncQuietly(Validator validator) {
        try {
            SyncReport report = validator.sync();
            if (!report.complete()) {
                logger.debug("Sync incomplete [pending={}]: {}", report.pending(), report.failures());
            }
            return report;
        } catch (RuntimeException e) {
            logger.error("Sync round failed unexpectedly", e);
            return null;
        }
    }

    private static void awaitSyncer(ScheduledExecutorService syncer) {
        try {
            if (!syncer.awaitTermination(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS)) {
                logger.warn("Background sync did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static IssuerKeyList readKeys(Path file) {
        try {
            return new WireJson().read(Files.readAllBytes(file), IssuerKeyList.class);
        } catch (IOException | WireFormatException e) {
            throw new IllegalArgumentException("--keys " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + name + "'");
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            options.put(name, args.get(i + 1));
        }
        for (String required : REQUIRED) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("missing " + required);
            }
        }
        return options;
    }
}
