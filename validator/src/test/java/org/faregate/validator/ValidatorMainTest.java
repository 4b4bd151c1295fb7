package org.faregate.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faregate.validator.testing.TestTokens.T0;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import javax.imageio.ImageIO;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.wire.WireJson;
import org.faregate.validator.qr.ZxingQrCodec;
import org.faregate.validator.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatorMainTest {

    private final TestTokens tokens = new TestTokens();
    private final Credential credential = tokens.validCredential();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;
    private Path keys;
    private Path code;

    @BeforeEach
    void files() throws IOException {
        keys = Files.write(dir.resolve("keys.json"), new WireJson().write(tokens.keyList()));
        code = dir.resolve("code.png");
        ImageIO.write(ZxingQrCodec.render(Bytes.of(tokens.qr(credential, T0, 3)), 4), "png", code.toFile());
    }

    private int run(String... args) {
        return ValidatorMain.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                InstantSource.fixed(T0.plusSeconds(10)));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void freshCodeWithTheRightKeysIsAcceptedWithExitZero() {
        int status = run("check-qr", "--keys", keys.toString(), code.toString());

        assertThat(status).isZero();
        assertThat(stdout()).startsWith("ACCEPTED accepted")
                .contains(credential.id().masked()).contains("account 4242").contains("presentation 3")
                .doesNotContain(credential.id().toString());
    }

    @Test
    void codeCheckedLaterIsRefusedWithExitOne() {
        int status = run("check-qr", "--keys", keys.toString(), "--at", "2025-06-02T09:00:00Z", code.toString());

        assertThat(status).isEqualTo(1);
        assertThat(stdout()).startsWith("REFUSED expired_token").contains("unverified: credential");
    }

    @Test
    void withoutKeysTheIssuerIsUnknown() {
        assertThat(run("check-qr", code.toString())).isEqualTo(1);
        assertThat(stdout()).startsWith("REFUSED unknown_key").contains("no --keys given");
    }

    @Test
    void unreadableImageAndBadUsageExitTwo() throws IOException {
        Path blank = dir.resolve("blank.png");
        ImageIO.write(new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
                blank.toFile());

        assertThat(run("check-qr", "--keys", keys.toString(), blank.toString())).isEqualTo(2);
        assertThat(run("check-qr", dir.resolve("missing.png").toString())).isEqualTo(2);
        assertThat(run("check-qr", "--at", "yesterday", code.toString())).isEqualTo(2);
        assertThat(run("check-qr")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no readable QR code").contains("usage:");
    }

    private int runGate(String scannerInput, String... extraOptions) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", "--gateway",
                "http://127.0.0.1:9", "--gate", "S01-IN-1", "--station", "S01", "--direction", "entry",
                "--data", dir.resolve("gate").toString(), "--keys", keys.toString()));
        args.addAll(java.util.List.of(extraOptions));
        return ValidatorMain.run(args.toArray(String[]::new),
                new ByteArrayInputStream(scannerInput.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                InstantSource.fixed(T0.plusSeconds(10)));
    }

    private String freshScannerLine() {
        return org.faregate.protocol.token.QrText.encode(Bytes.of(tokens.qr(credential, T0, 1)));
    }

    @Test
    void runDecidesScannerLinesOfflineWithProvisionedKeys() {
        int status = runGate(freshScannerLine() + "\n\nFG1:!!\n");

        assertThat(status).isZero();
        assertThat(stdout().lines().toList()).hasSize(7);
        assertThat(stdout().lines().findFirst()).hasValueSatisfying(first -> assertThat(first)
                .startsWith("gate key: POST /v1/admin/gates {\"gateId\":\"S01-IN-1\",\"publicKey\":\"0")
                .endsWith("\"} with Authorization: Bearer <admin token>"));
        assertThat(stdout().lines().skip(1).findFirst()).hasValueSatisfying(second -> assertThat(second)
                .startsWith("ready: gate S01-IN-1").endsWith("(gateway not reached: deciding offline)"));
        assertThat(stdout()).contains("open accepted tap=").contains("show \"Go ahead\"")
                .contains("refuse malformed_token tap=").contains("stopped: 2 taps pending")
                .doesNotContain("unknown_key");
        assertThat(dir.resolve("gate").resolve("issuer-keys.json")).exists();
    }

    @Test
    void keyPrintsTheRegistrationOfTheKeyTheGateSignsWith() {
        runGate("");
        String printedByRun = stdout().lines().findFirst().orElseThrow();
        out.reset();

        int status = ValidatorMain.run(new String[] {"key", "--gate", "S01-IN-1", "--data",
                dir.resolve("gate").toString()}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                InstantSource.fixed(T0));

        assertThat(status).isZero();
        assertThat(stdout().trim()).isEqualTo(printedByRun);
        assertThat(printedByRun).doesNotContain(org.faregate.validator.link.GateIdentity.FILE);
    }

    @Test
    void runShowsRiderTextInTheConfiguredLanguage() {
        int status = runGate(freshScannerLine() + "\nFG1:!!\n", "--language", "zh-Hans");

        assertThat(status).isZero();
        assertThat(stdout().lines().filter(line -> line.startsWith("show ")).toList()).containsExactly(
                "show \"请通行\"", "show \"无法识别乘车码，请刷新乘车码\"");
        assertThat(stdout()).doesNotContain("Go ahead");
    }

    @Test
    void runWithALanguageItHasNoTextsForShowsEnglish() {
        assertThat(runGate("FG1:!!\n", "--language", "tlh")).isZero();
        assertThat(stdout()).contains("show \"Code not recognised - please refresh your code\"");
    }

    @Test
    void runWithNfcWatchesTheNamedReadersNextToTheScannerAndReportsThemWhenItStops() {
        int status = runGate(freshScannerLine() + "\n", "--nfc", "Faregate Test Reader 99");

        assertThat(status).isZero();
        assertThat(stdout()).contains("nfc: watching PC/SC readers Faregate Test Reader 99")
                .contains("open accepted tap=")
                .contains("nfc: stopped [], 0 recoveries, 0 taps");
    }

    @Test
    void runTakesAJournalAllowanceAndSaysItAtStart() {
        assertThat(runGate(freshScannerLine() + "\n", "--journal-mb", "1")).isZero();
        assertThat(stdout()).contains("journal 0.0 of 1.0 MiB");

        assertThat(runGate("", "--journal-mb", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("journalMaxBytes must be at least");
    }

    @Test
    void runRefusesAnEmptyNfcReaderName() {
        assertThat(runGate("", "--nfc", "Reader A,,Reader B")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'Reader A,,Reader B' has an empty name")
                .contains("--nfc all|NAMES");
    }

    @Test
    void runNeedsItsOptions() {
        assertThat(run("run", "--gate", "G1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing --gateway");
    }
}
