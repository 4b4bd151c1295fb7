package org.faregate.gateway.pricing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.faregate.fares.FareRules;

/**
 * The fare rules of each service day one transaction touches: those in force at the day's start (its
 * cutover time in the operator's zone), looked up once per day. A day is always priced by the rules of the
 * day it happened, however late its taps arrive.
 */
public final class ServiceDayRules {

    private final FareBook fareBook;
    private final Connection connection;
    private final ZoneId zone;
    private final LocalTime cutover;
    private final Map<LocalDate, FareRules> byDay = new HashMap<>();

    public ServiceDayRules(FareBook fareBook, Connection connection, ZoneId zone, LocalTime cutover) {
        this.fareBook = Objects.requireNonNull(fareBook, "fareBook");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.cutover = Objects.requireNonNull(cutover, "cutover");
    }

    public FareRules of(LocalDate day) throws SQLException {
        FareRules rules = byDay.get(day);
        if (rules == null) {
            rules = fareBook.rulesAt(connection, day.atTime(cutover).atZone(zone).toInstant());
            byDay.put(day, rules);
        }
        return rules;
    }
}
