package org.faregate.fares.gtfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Test feeds: the TransLink feed from resources, and tiny hand-made feeds built file by file. */
final class Feeds {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    private Feeds() {
    }

    static Path resource(String name) {
        try {
            return Path.of(Feeds.class.getResource("/gtfs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> folder(String name) {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> paths = Files.list(resource(name))) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".txt")).toList()) {
                files.put(path.getFileName().toString(), Files.readString(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static FaresFeed translink() {
        return GtfsFares.load(folder("translink")).getFeed();
    }

    /** A tiny feed: stops s1..s4, areas A (s1), B (s2), C (s3), s4 in no area; routes r1 on n1, r2 on n2. */
    static Map<String, String> tiny() {
        Map<String, String> files = new HashMap<>();
        files.put("agency.txt", "agency_name,agency_timezone\nTiny,UTC\n");
        files.put("stops.txt", "stop_id\ns1\ns2\ns3\ns4\n");
        files.put("routes.txt", "route_id,network_id\nr1,n1\nr2,n2\n");
        files.put("areas.txt", "area_id\nA\nB\nC\n");
        files.put("stop_areas.txt", "area_id,stop_id\nA,s1\nB,s2\nC,s3\n");
        files.put("calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\n"
                + "all,1,1,1,1,1,1,1,20240101,20301231\n");
        return files;
    }

    static FaresFeed tiny(String products, String legRules, String transferRules) {
        Map<String, String> files = tiny();
        files.put("fare_products.txt", products);
        files.put("fare_leg_rules.txt", legRules);
        if (transferRules != null) {
            files.put("fare_transfer_rules.txt", transferRules);
        }
        return GtfsFares.load(files).getFeed();
    }

    static Instant vancouver(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(VANCOUVER).toInstant();
    }

    static Instant utc(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("UTC")).toInstant();
    }
}
