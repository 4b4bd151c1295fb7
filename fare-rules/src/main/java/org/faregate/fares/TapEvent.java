package org.faregate.fares;

/** What a tap means for the journey it belongs to. */
public enum TapEvent {
    /** Tap-in at a gated station: starts a journey. */
    ENTRY,
    /** Tap-out at a gated station: ends the journey started by the previous entry. */
    EXIT,
    /** Validate-on-board (bus, tram): a complete ride by itself. */
    BOARD
}
