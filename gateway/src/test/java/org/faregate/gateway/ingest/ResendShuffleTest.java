package org.faregate.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.faregate.gateway.GatewayClient;
import org.faregate.gateway.SharedGateway;
import org.faregate.gateway.Taps;
import org.faregate.protocol.AccountId;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.Direction;
import org.faregate.protocol.wire.Accounts;
import org.faregate.protocol.wire.TapRecord;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property-style: the same day of taps, ingested once in order or in shuffled, partly resent batches,
 * ends with the same balance and the same net charge for every tap.
 */
@ExtendWith(SharedGateway.class)
class ResendShuffleTest {

    private static final String[] STATIONS = {"S01", "S02", "S04", "S05", "S08", "S09", "S12", "NOWHERE"};
    private static final Direction[] DIRECTIONS = {Direction.ENTRY, Direction.EXIT, Direction.ENTRY, Direction.EXIT,
            Direction.BOARD};

    private final GatewayClient client;

    ResendShuffleTest(GatewayClient client) {
        this.client = client;
    }

    /** One tap of the generated day: which station, which way, at which minute after 02:00 local. */
    private record Step(String station, Direction direction, int minute) {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void shuffledAndResentBatchesGiveTheSameLedgerAsOneOrderedBatch(long seed) {
        Random random = new Random(seed);
        List<Step> day = day(random);
        AccountId ordered = client.openAccount("adult").accountId();
        AccountId shuffled = client.openAccount("adult").accountId();
        List<TapRecord> orderedTaps = taps(ordered, day);
        List<TapRecord> shuffledTaps = taps(shuffled, day);

        client.send(Taps.batch(orderedTaps));
        List<List<TapRecord>> chunks = chunks(shuffledTaps, random);
        List<List<TapRecord>> sent = new ArrayList<>();
        for (List<TapRecord> chunk : chunks) {
            client.send(Taps.batch(chunk));
            sent.add(chunk);
            if (random.nextBoolean()) {
                client.send(Taps.batch(sent.get(random.nextInt(sent.size()))));
            }
        }
        Accounts.History beforeFullResend = client.history(shuffled);
        client.send(Taps.batch(shuffledTaps));

        Accounts.History expected = client.history(ordered);
        Accounts.History actual = client.history(shuffled);
        assertThat(actual).as("a full resend changes nothing").isEqualTo(beforeFullResend);
        assertThat(actual.balanceMinor()).as("seed %d", seed).isEqualTo(expected.balanceMinor());
        for (int i = 0; i < day.size(); i++) {
            assertThat(IngestApiTest.netChargeOf(actual, shuffledTaps.get(i).tapId()))
                    .as("seed %d, tap %d %s", seed, i, day.get(i))
                    .isEqualTo(IngestApiTest.netChargeOf(expected, orderedTaps.get(i).tapId()));
        }
        assertThat(actual.entries()).allSatisfy(entry -> assertThat(entry.kind()).isEqualTo("fare"));
    }

    /** 3 to 12 taps between 02:00 and 08:00 local, so some days straddle the 04:00 cutover. */
    private static List<Step> day(Random random) {
        int count = 3 + random.nextInt(10);
        List<Step> steps = new ArrayList<>();
        int minute = random.nextInt(60);
        for (int i = 0; i < count; i++) {
            steps.add(new Step(STATIONS[random.nextInt(STATIONS.length)], DIRECTIONS[random.nextInt(DIRECTIONS.length)],
                    minute));
            minute += 1 + random.nextInt(40);
        }
        return steps;
    }

    private static List<TapRecord> taps(AccountId account, List<Step> day) {
        CredentialId credential = Taps.credential();
        return day.stream().map(step -> Taps.tap(account, credential, step.direction(), step.station(),
                Taps.at("02:00").plusSeconds(60L * step.minute()))).toList();
    }

    private static List<List<TapRecord>> chunks(List<TapRecord> taps, Random random) {
        List<TapRecord> order = new ArrayList<>(taps);
        Collections.shuffle(order, random);
        List<List<TapRecord>> chunks = new ArrayList<>();
        int from = 0;
        while (from < order.size()) {
            int to = Math.min(order.size(), from + 1 + random.nextInt(3));
            chunks.add(List.copyOf(order.subList(from, to)));
            from = to;
        }
        return chunks;
    }
}
