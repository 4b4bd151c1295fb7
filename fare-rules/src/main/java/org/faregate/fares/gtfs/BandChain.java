package org.faregate.fares.gtfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.faregate.fares.charging.DistanceBand;
import org.faregate.fares.charging.DistanceBands;

/**
 * Checks the rows of one distance_fare_id and makes them a {@link DistanceBands}: the first row is the base
 * fare from 0 m to its {@code band_end_m} with no step; every later row starts where the previous one ended,
 * has a step, and is a whole number of steps unless it is the unbounded last row.
 */
final class BandChain {

    private static final String FILE = DistanceBandReader.FILE;

    private final String id;
    private final List<DistanceBandReader.BandRow> rows;
    private final Notices notices;
    private boolean ok = true;

    BandChain(String id, List<DistanceBandReader.BandRow> rows, Notices notices) {
        this.id = id;
        this.rows = List.copyOf(rows);
        this.notices = notices;
    }

    Optional<DistanceBands> bands() {
        DistanceBandReader.BandRow base = rows.get(0);
        if (base.start() != 0) {
            error(NoticeCode.INVALID_DISTANCE_BAND, base, "band_start_m", "the first row of " + id
                    + " is the base fare and starts at 0, not " + base.start());
        }
        if (base.end() == 0) {
            error(NoticeCode.MISSING_REQUIRED_FIELD, base, "band_end_m", "the first row of " + id
                    + " needs the end of the base distance");
        }
        if (base.step() != 0) {
            error(NoticeCode.INVALID_DISTANCE_BAND, base, "step_m", "the first row of " + id
                    + " is the base fare: it has no step");
        }
        if (!ok) {
            return Optional.empty();
        }
        List<DistanceBand> bands = new ArrayList<>();
        DistanceBandReader.BandRow previous = base;
        for (DistanceBandReader.BandRow row : rows.subList(1, rows.size())) {
            agree(base, row);
            chain(previous, row);
            if (ok) {
                bands.add(new DistanceBand(row.start(), row.end() == 0 ? DistanceBand.UNBOUNDED : row.end(),
                        row.step(), row.amount()));
            }
            previous = row;
        }
        return ok ? Optional.of(new DistanceBands(base.amount(), base.end(), bands, base.boundary())) : Optional.empty();
    }

    private void agree(DistanceBandReader.BandRow base, DistanceBandReader.BandRow row) {
        String where = id + " has %s on line " + base.line() + ", here %s";
        if (!row.network().equals(base.network())) {
            error(NoticeCode.CONFLICTING_ROWS, row, "network_id", String.format(where, base.network(), row.network()));
        }
        if (!row.amount().currency().equals(base.amount().currency())) {
            error(NoticeCode.CONFLICTING_ROWS, row, "currency",
                    String.format(where, base.amount().currency(), row.amount().currency()));
        }
        if (row.boundary() != base.boundary()) {
            error(NoticeCode.CONFLICTING_ROWS, row, "boundary_in", String.format(where, base.boundary(), row.boundary()));
        }
    }

    private void chain(DistanceBandReader.BandRow previous, DistanceBandReader.BandRow row) {
        if (previous.end() == 0) {
            error(NoticeCode.DISTANCE_BAND_GAP, row, "band_start_m", "the band on line " + previous.line()
                    + " is unbounded: no band can follow it");
        } else if (row.start() != previous.end()) {
            error(NoticeCode.DISTANCE_BAND_GAP, row, "band_start_m", "starts at " + row.start()
                    + " m but the band on line " + previous.line() + " ends at " + previous.end() + " m");
        }
        if (row.step() == 0) {
            error(NoticeCode.MISSING_REQUIRED_FIELD, row, "step_m", "a band after the base fare needs a step");
        } else if (row.end() != 0 && row.end() <= row.start()) {
            error(NoticeCode.INVALID_DISTANCE_BAND, row, "band_end_m", "ends at " + row.end()
                    + " m, not after its start " + row.start() + " m");
        } else if (row.end() != 0 && (row.end() - row.start()) % row.step() != 0) {
            error(NoticeCode.INVALID_DISTANCE_BAND, row, "band_end_m", "band " + row.start() + "-" + row.end()
                    + " m is not a whole number of " + row.step() + " m steps");
        }
    }

    private void error(NoticeCode code, DistanceBandReader.BandRow row, String field, String message) {
        notices.add(code, FILE, row.line(), field, message);
        ok = false;
    }
}
