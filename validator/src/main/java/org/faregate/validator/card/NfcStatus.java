package org.faregate.validator.card;

import java.util.List;
import java.util.Objects;

/**
 * What {@link NfcReaders} is doing now, for tests and the operator.
 *
 * @param state       where the service stands
 * @param watched     the readers watched now, by name (empty unless {@link State#WATCHING})
 * @param recoveries  how many times PC/SC came back after it had failed while the service ran
 * @param taps        transactions answered since start (one per card presentation)
 */
public record NfcStatus(State state, List<String> watched, long recoveries, long taps) {

    /** The service's states, each with a stable code for status lines and logs. */
    public enum State {
        /** Before the first look at PC/SC. */
        STARTING("starting"),
        /** PC/SC cannot be reached (pcscd down or restarting); retrying with backoff. */
        PCSC_UNAVAILABLE("pcsc_unavailable"),
        /** PC/SC is up but lists none of the gate's readers; looking again every poll. */
        NO_READER("no_reader"),
        /** At least one reader is watched for cards. */
        WATCHING("watching"),
        /** Closed. */
        STOPPED("stopped");

        private final String code;

        State(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public NfcStatus {
        Objects.requireNonNull(state, "state");
        watched = List.copyOf(Objects.requireNonNull(watched, "watched"));
    }

    /** One line, e.g. {@code nfc: watching [Virtual PCD 00 00], 1 recoveries, 12 taps}. */
    public String describe() {
        return "nfc: " + state.code() + " " + watched + ", " + recoveries + " recoveries, " + taps + " taps";
    }
}
