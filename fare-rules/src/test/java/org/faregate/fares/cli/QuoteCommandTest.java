package org.faregate.fares.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fares quote} on a copy of the TransLink feed in a temporary folder. */
class QuoteCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return FaresMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path feed() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("feed"));
        try (var files = Files.list(Path.of(QuoteCommandTest.class.getResource("/gtfs/translink").toURI()))) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName().toString()));
            }
        }
        return folder;
    }

    private Path taps(String text) throws Exception {
        return Files.writeString(temp.resolve("taps.csv"), text);
    }

    @Test
    void quotesEachTapPerAccountAndServiceDayWithTotals() throws Exception {
        Path taps = taps("""
                time,stop_id,event,route_id,account_id,tap_id
                2025-01-15T10:00:00-08:00,bus_stop_a,board,bus_3,alice,t1
                2025-01-15T10:30:00-08:00,commercial,entry,expo,alice,t2
                2025-01-15T10:50:00-08:00,bridgeport,exit,canada,alice,t3
                2025-01-16T02:30:00-08:00,commercial,entry,expo,alice,t4
                2025-01-16T02:50:00-08:00,surrey_central,exit,expo,alice,t5
                2025-01-15T11:00:00-08:00,commercial,entry,expo,bob,
                2025-01-15T11:20:00-08:00,surrey_central,exit,expo,bob,
                """);

        assertThat(run("quote", feed().toString(), taps.toString(), "--media", "contactless")).isZero();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("rider category adult, fare media contactless, currency CAD",
                "account alice, service day 2025-01-15",
                "2025-01-15T10:30:00-08:00 entry commercial (route expo) [t2]: 1.45 CAD -- ",
                "[t3]: 0.00 CAD -- exit: journey fare charged on entry tap t2",
                "[t4]: 3.20 CAD", "account alice total 7.85 CAD",
                "account bob, service day 2025-01-15", "[line 7]: 6.35 CAD", "account bob total 6.35 CAD",
                "grand total 14.20 CAD");
        assertThat(printed).doesNotContain("service day 2025-01-16");
    }

    @Test
    void errorsInTheTapsNameTheLineAndTheFieldAndExitOne() throws Exception {
        Path taps = taps("""
                time,stop_id,event
                2025-01-15T10:00:00,commercial,entry
                2025-01-15T10:20:00-08:00,nowhere,exit
                2025-01-15T10:30:00-08:00,commercial,jump
                """);

        assertThat(run("quote", feed().toString(), taps.toString())).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("taps.csv:2 time '2025-01-15T10:00:00' is not",
                "taps.csv:3 stop_id 'nowhere' is not in stops.txt", "taps.csv:4 event 'jump' is not entry, exit or board");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aRefusedFeedExitsOneAndBadArgumentsExitTwo() throws Exception {
        Path folder = feed();
        Files.delete(folder.resolve("agency.txt"));
        Path taps = taps("time,stop_id,event\n");

        assertThat(run("quote", folder.toString(), taps.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("agency.txt", "feed refused");
        assertThat(run("quote", folder.toString(), taps.toString(), "--colour", "red")).isEqualTo(2);
        assertThat(run("quote", folder.toString(), temp.resolve("missing.csv").toString())).isEqualTo(2);
    }
}
