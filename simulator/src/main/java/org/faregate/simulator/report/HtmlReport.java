package org.faregate.simulator.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.faregate.fares.Money;
import org.faregate.protocol.Direction;

/** Writes the simulation's report as one self-contained HTML page. */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static void write(Path file, String summaryLine, List<SimTap> taps, Verification verification,
                             List<String> events, Map<String, String> figures, ZoneId zone) throws IOException {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Faregate city simulation")
                .append("</title><style>body{font:14px/1.4 sans-serif;margin:2em;max-width:70em}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:2px 8px;")
                .append("text-align:right}th{background:#eee}td:first-child,th:first-child{text-align:left}")
                .append(".bar{background:#4a7;height:12px;display:inline-block}.ok{color:#070}.bad{color:#b00}")
                .append("code{background:#f4f4f4;padding:2px 4px}</style></head><body>");
        html.append("<h1>Faregate city simulation</h1>");
        html.append("<p class=\"").append(verification.allGood() ? "ok" : "bad").append("\"><strong>")
                .append(verification.allGood() ? "Gateway database agrees with the simulator's record."
                        : "Discrepancies found — see below.").append("</strong></p>");
        html.append("<p><code>").append(escape(summaryLine)).append("</code></p>");

        html.append("<h2>Figures</h2><table><tr><th>figure</th><th>value</th></tr>");
        figures.forEach((name, value) -> row(html, name, value));
        row(html, "fare revenue in the ledger", money(verification.chargedMinor(), verification.currency()));
        row(html, "fare expected from the simulator's record", money(verification.expectedMinor(), verification.currency()));
        html.append("</table>");

        html.append("<h2>Gate decisions by reason</h2>");
        counts(html, "reason", taps, t -> t.reason().code());
        html.append("<h2>By media</h2>");
        counts(html, "media", taps, t -> t.media().name().toLowerCase().replace('_', ' '));

        html.append("<h2>By station</h2><table><tr><th>station</th><th>entries</th><th>exits</th><th>refused</th></tr>");
        Map<String, List<SimTap>> byStation = taps.stream()
                .collect(Collectors.groupingBy(SimTap::stationId, TreeMap::new, Collectors.toList()));
        byStation.forEach((station, list) -> html.append("<tr><td>").append(escape(station)).append("</td><td>")
                .append(list.stream().filter(t -> t.direction() == Direction.ENTRY).count()).append("</td><td>")
                .append(list.stream().filter(t -> t.direction() == Direction.EXIT).count()).append("</td><td>")
                .append(list.stream().filter(t -> !t.reason().accepted()).count()).append("</td></tr>"));
        html.append("</table>");

        html.append("<h2>Taps per hour</h2><table><tr><th>hour</th><th>taps</th><th></th></tr>");
        Map<Integer, Long> perHour = taps.stream().collect(Collectors.groupingBy(
                t -> t.at().atZone(zone).getHour(), TreeMap::new, Collectors.counting()));
        long peak = perHour.values().stream().mapToLong(Long::longValue).max().orElse(1);
        perHour.forEach((hour, count) -> html.append("<tr><td>").append(String.format("%02d:00", hour))
                .append("</td><td>").append(count).append("</td><td style=\"text-align:left\"><span class=\"bar\" ")
                .append("style=\"width:").append(count * 400 / peak).append("px\"></span></td></tr>"));
        html.append("</table>");

        html.append("<h2>Faults and events</h2><ul>");
        events.forEach(event -> html.append("<li>").append(escape(event)).append("</li>"));
        html.append("</ul>");
        if (!verification.problems().isEmpty()) {
            html.append("<h2 class=\"bad\">Discrepancies</h2><ul>");
            verification.problems().forEach(p -> html.append("<li>").append(escape(p)).append("</li>"));
            html.append("</ul>");
        }
        html.append("</body></html>\n");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private static void counts(StringBuilder html, String what, List<SimTap> taps, Function<SimTap, String> key) {
        html.append("<table><tr><th>").append(what).append("</th><th>taps</th></tr>");
        taps.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()))
                .forEach((name, count) -> row(html, name, Long.toString(count)));
        html.append("</table>");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><td>").append(escape(name)).append("</td><td>").append(escape(value)).append("</td></tr>");
    }

    static String money(long minor, String currency) {
        return Money.of(minor, currency).toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
