package org.faregate.fares.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.faregate.fares.FareCharge;
import org.faregate.fares.FareRules;
import org.faregate.fares.FareTap;
import org.faregate.fares.Money;
import org.faregate.fares.ServiceDay;
import org.faregate.fares.TapEvent;
import org.faregate.fares.charging.Extensions;
import org.faregate.fares.charging.Journey;
import org.faregate.fares.charging.JourneyPairing;
import org.faregate.fares.gtfs.FareMatcher;
import org.faregate.fares.gtfs.FaresFeed;
import org.faregate.fares.gtfs.RiderCategoryId;
import org.faregate.fares.gtfs.RouteId;
import org.faregate.fares.gtfs.StopId;

/**
 * Prices an account's taps with GTFS-Fares v2 and the Faregate charging extensions: taps become journeys
 * ({@link JourneyPairing}), journeys get fares (GTFS matcher, distance fare, time-limit surcharge, maximum
 * fare, unknown-fare policy), then spend tiers and caps turn fares into charges. A journey's charge goes on
 * its first tap; its other tap gets zero with an explanation naming that tap. Pure and immutable.
 */
public final class FareEngine implements FareRules {

    private static final Comparator<FareTap> CHRONOLOGICAL =
            Comparator.comparing(FareTap::at).thenComparing(FareTap::tapId);

    private final FaresFeed feed;
    private final Extensions extensions;
    private final Currency currency;
    private final TapNetworks networks;
    private final JourneyPairing pairing;
    private final JourneyPricer pricer;
    private final ChargeLayers layers;

    private FareEngine(FaresFeed feed, Extensions extensions) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.extensions = Objects.requireNonNull(extensions, "extensions");
        this.currency = Currencies.of(feed, extensions);
        FareMatcher matcher = FareMatcher.of(feed);
        this.networks = new TapNetworks(feed, extensions.settings().stationNetworkId(), extensions.settings());
        this.pairing = JourneyPairing.of(extensions.settings().defaultMaxJourney(), extensions.maxJourneyByNetwork());
        HighestFare highest = new HighestFare(feed, matcher, extensions.distanceFaresByNetwork());
        this.pricer = new JourneyPricer(extensions, new GtfsLegs(matcher),
                new MaximumFares(extensions, highest, currency));
        this.layers = new ChargeLayers(extensions, feed.agencyTimezone());
    }

    /** Throws {@link IllegalArgumentException} when the amounts are not all in one currency. */
    public static FareEngine of(FaresFeed feed, Extensions extensions) {
        return new FareEngine(feed, extensions);
    }

    /**
     * The longest reach back of this feed's caps and spend tiers, in service days: a calendar week 6, a
     * calendar month 30. A rolling window opens at the first tap after the previous one closed, so which
     * window a day falls in depends on the whole chain of windows before it: rolling caps look back a year
     * ({@link #ROLLING_LOOKBACK_DAYS}), exact for any chain that started within it.
     */
    static final int ROLLING_LOOKBACK_DAYS = 366;

    @Override
    public int lookbackDays() {
        int days = extensions.spendTiers().isEmpty() ? 0 : 30;
        for (org.faregate.fares.charging.Cap cap : extensions.caps()) {
            days = Math.max(days, switch (cap.period()) {
                case DAY -> 0;
                case WEEK -> 6;
                case ROLLING_7D, ROLLING_31D -> ROLLING_LOOKBACK_DAYS;
                case MONTH -> 30;
            });
        }
        return days;
    }

    @Override
    public List<FareCharge> price(List<FareTap> taps) {
        return price(taps, List.of());
    }

    /**
     * Prices {@code taps} (one account, one service day or any period) in the context of the account's
     * earlier taps in the longest cap or spend-tier window (e.g. the week or month so far), which count
     * towards caps and spend tiers and can complete a journey but get no charge here. One charge per tap of
     * {@code taps}, in time order.
     */
    @Override
    public List<FareCharge> price(List<FareTap> taps, List<FareTap> earlierInCapWindow) {
        Map<String, FareTap> byId = new HashMap<>();
        List<FareTap> all = new ArrayList<>(taps);
        all.addAll(earlierInCapWindow);
        for (FareTap tap : all) {
            Objects.requireNonNull(tap, "tap");
            requireKnown(tap);
            if (byId.put(tap.tapId(), tap) != null) {
                throw new IllegalArgumentException("duplicate tap id '" + tap.tapId() + "'");
            }
        }
        List<Journey> journeys = pairing.pair(all.stream().map(networks::chargingTap).toList());
        Map<String, ChargeLayers.Charged> charged = layers.apply(pricer.price(networks.rides(journeys, byId)));
        Map<String, Journey> journeyOf = new HashMap<>();
        journeys.forEach(journey -> journey.taps().forEach(tap -> journeyOf.put(tap.tapId(), journey)));
        List<FareTap> sorted = new ArrayList<>(taps);
        sorted.sort(CHRONOLOGICAL);
        List<FareCharge> charges = new ArrayList<>();
        for (FareTap tap : sorted) {
            Journey journey = journeyOf.get(tap.tapId());
            String first = journey.taps().get(0).tapId();
            if (first.equals(tap.tapId())) {
                ChargeLayers.Charged charge = charged.get(first);
                charges.add(new FareCharge(tap.tapId(), charge.amount(), charge.explanation()));
            } else {
                charges.add(new FareCharge(tap.tapId(), Money.zero(currency), pointer(journey, first)));
            }
        }
        return List.copyOf(charges);
    }

    /**
     * The maximum journey time of the entry's network ({@code faregate_max_fares.txt}, else the settings'
     * default), the same one pairing uses; empty for exits and boards.
     */
    @Override
    public Optional<Duration> maxJourneyTime(FareTap entry) {
        Objects.requireNonNull(entry, "entry");
        requireKnown(entry);
        if (entry.event() != TapEvent.ENTRY) {
            return Optional.empty();
        }
        return Optional.of(pairing.maximumFor(networks.networkOf(entry)));
    }

    private static String pointer(Journey journey, String first) {
        if (journey instanceof Journey.Overlong) {
            return "exit: journey over the maximum journey time, maximum fare charged on entry tap " + first;
        }
        return "exit: journey fare charged on entry tap " + first;
    }

    private void requireKnown(FareTap tap) {
        if (!knowsStation(tap.stationId())) {
            throw new IllegalArgumentException("unknown station '" + tap.stationId() + "' of tap " + tap.tapId());
        }
        if (tap.routeId().isPresent() && !knowsRoute(tap.routeId().get())) {
            throw new IllegalArgumentException("unknown route '" + tap.routeId().get() + "' of tap " + tap.tapId());
        }
    }

    @Override
    public Currency currency() {
        return currency;
    }

    /** Whether the stop is in stops.txt. */
    @Override
    public boolean knowsStation(String stationId) {
        return stationId != null && !stationId.isBlank() && feed.stops().containsKey(StopId.of(stationId));
    }

    /** Whether the route is in routes.txt; a tap may name only a known route. */
    public boolean knowsRoute(String routeId) {
        return routeId != null && !routeId.isBlank() && feed.routes().containsKey(RouteId.of(routeId));
    }

    /** The feed's default rider category (is_default_fare_category = 1), if it names one. */
    public Optional<String> defaultRiderCategory() {
        return feed.defaultRiderCategory().map(RiderCategoryId::value);
    }

    /** The service day of an instant: agency timezone and the operator's cutover. */
    public LocalDate serviceDayOf(Instant at) {
        return ServiceDay.of(at, feed.agencyTimezone(), extensions.settings().serviceDayCutover());
    }
}
