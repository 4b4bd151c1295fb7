package org.faregate.fares.charging;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.faregate.fares.Money;
import org.faregate.fares.ServiceDay;

/**
 * Applies every cap to an account's fares, across all its credentials. Fares are taken in time order
 * (then by charge id), so the order of arrival never matters. For each fare, every cap whose scope
 * covers it has a window (opened by this fare if none is open on its service day); the charge is the
 * fare, but no more than the smallest remainder of those caps, so the fare that reaches a cap pays only
 * the remainder and later fares in the window pay zero. What is charged (not the fare before caps) is
 * counted in every applicable cap, which is how a daily cap inside a weekly cap behaves. A fare that
 * does not count towards caps is charged in full and counted nowhere.
 */
public final class CapLedger {

    private static final Comparator<CapEntry> CHRONOLOGICAL =
            Comparator.comparing(CapEntry::at).thenComparing(CapEntry::chargeId);

    private final List<Cap> caps;
    private final ZoneId zone;
    private final LocalTime cutover;

    /** @param zone and {@code cutover} define the service day, see {@link ServiceDay} */
    public CapLedger(List<Cap> caps, ZoneId zone, LocalTime cutover) {
        this.caps = List.copyOf(caps);
        this.zone = Objects.requireNonNull(zone, "zone");
        this.cutover = Objects.requireNonNull(cutover, "cutover");
        Set<String> ids = new HashSet<>();
        for (Cap cap : this.caps) {
            if (!ids.add(cap.capId())) {
                throw new IllegalArgumentException("duplicate cap id '" + cap.capId() + "'");
            }
        }
    }

    /** One charge per entry, in time order; throws on duplicate charge ids or a currency mismatch. */
    public List<Charge> apply(List<CapEntry> entries) {
        List<CapEntry> sorted = new ArrayList<>(entries);
        sorted.sort(CHRONOLOGICAL);
        Set<String> seen = new HashSet<>();
        Map<String, CapWindow> windows = new HashMap<>();
        Map<String, Money> spent = new HashMap<>();
        List<Charge> charges = new ArrayList<>();
        for (CapEntry entry : sorted) {
            if (!seen.add(entry.chargeId())) {
                throw new IllegalArgumentException("duplicate charge id '" + entry.chargeId() + "'");
            }
            if (!entry.countsTowardsCaps()) {
                charges.add(new Charge(entry.chargeId(), entry.fare(), entry.fare(),
                        "not counted towards caps: charged " + entry.fare().toDecimalString()));
                continue;
            }
            charges.add(charge(entry, windows, spent));
        }
        return charges;
    }

    private Charge charge(CapEntry entry, Map<String, CapWindow> windows, Map<String, Money> spent) {
        LocalDate day = ServiceDay.of(entry.at(), zone, cutover);
        Money charged = entry.fare();
        Cap binding = null;
        List<Cap> applicable = caps.stream().filter(cap -> cap.scope().covers(entry)).toList();
        for (Cap cap : applicable) {
            CapWindow window = windows.get(cap.capId());
            if (window == null || !window.contains(day)) {
                windows.put(cap.capId(), cap.period().windowFrom(day));
                spent.put(cap.capId(), Money.zero(cap.amount().currency()));
            }
            Money remaining = cap.amount().minus(spent.get(cap.capId())).max(Money.zero(cap.amount().currency()));
            if (remaining.compareTo(charged) < 0) {
                charged = remaining;
                binding = cap;
            }
        }
        for (Cap cap : applicable) {
            spent.put(cap.capId(), spent.get(cap.capId()).plus(charged));
        }
        return new Charge(entry.chargeId(), entry.fare(), charged, explain(entry.fare(), charged, binding, applicable));
    }

    private static String explain(Money fare, Money charged, Cap binding, List<Cap> applicable) {
        String amounts = "charged " + charged.toDecimalString() + " of " + fare.toDecimalString();
        if (binding != null) {
            return binding.label() + (charged.isZero() ? " already reached: " : " reached: ") + amounts;
        }
        return (applicable.isEmpty() ? "no cap applies: " : "under caps: ") + amounts;
    }
}
