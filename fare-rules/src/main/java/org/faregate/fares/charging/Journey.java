package org.faregate.fares.charging;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.faregate.fares.TapEvent;

/** One or two taps of an account that are priced together. Every tap belongs to exactly one journey. */
public sealed interface Journey {

    /** The taps of this journey, in time order. */
    List<Tap> taps();

    /** A journey without a trustworthy pair of entry and exit: it gets a maximum fare. */
    sealed interface Incomplete extends Journey {

        /** The one tap whose station is known to be part of the journey (entry, or the lone exit). */
        Tap knownTap();
    }

    /** An entry followed by an exit of the same network within the maximum journey time. */
    record Complete(Tap entry, Tap exit) implements Journey {
        public Complete {
            requirePair(entry, exit);
        }

        public Duration duration() {
            return Duration.between(entry.at(), exit.at());
        }

        @Override
        public List<Tap> taps() {
            return List.of(entry, exit);
        }
    }

    /** An entry whose next tap is not an exit of the same network, or that is the account's last tap. */
    record MissingExit(Tap entry) implements Incomplete {
        public MissingExit {
            requireEvent(entry, TapEvent.ENTRY);
        }

        @Override
        public Tap knownTap() {
            return entry;
        }

        @Override
        public List<Tap> taps() {
            return List.of(entry);
        }
    }

    /** An exit not right after an entry of the same network. */
    record MissingEntry(Tap exit) implements Incomplete {
        public MissingEntry {
            requireEvent(exit, TapEvent.EXIT);
        }

        @Override
        public Tap knownTap() {
            return exit;
        }

        @Override
        public List<Tap> taps() {
            return List.of(exit);
        }
    }

    /** An entry and its exit, later than the maximum journey time: priced as incomplete from the entry. */
    record Overlong(Tap entry, Tap exit) implements Incomplete {
        public Overlong {
            requirePair(entry, exit);
        }

        @Override
        public Tap knownTap() {
            return entry;
        }

        @Override
        public List<Tap> taps() {
            return List.of(entry, exit);
        }
    }

    /** A validate-on-board tap: a complete ride by itself. */
    record Board(Tap tap) implements Journey {
        public Board {
            requireEvent(tap, TapEvent.BOARD);
        }

        @Override
        public List<Tap> taps() {
            return List.of(tap);
        }
    }

    private static void requireEvent(Tap tap, TapEvent event) {
        Objects.requireNonNull(tap, "tap");
        if (tap.event() != event) {
            throw new IllegalArgumentException("tap " + tap.tapId() + " is " + tap.event() + ", expected " + event);
        }
    }

    private static void requirePair(Tap entry, Tap exit) {
        requireEvent(entry, TapEvent.ENTRY);
        requireEvent(exit, TapEvent.EXIT);
        if (!entry.networkId().equals(exit.networkId())) {
            throw new IllegalArgumentException("entry " + entry.tapId() + " and exit " + exit.tapId()
                    + " are in different networks");
        }
        if (Tap.CHRONOLOGICAL.compare(entry, exit) >= 0) {
            throw new IllegalArgumentException("exit " + exit.tapId() + " is not after entry " + entry.tapId());
        }
    }
}
