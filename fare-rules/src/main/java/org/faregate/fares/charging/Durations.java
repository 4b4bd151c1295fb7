package org.faregate.fares.charging;

import java.time.Duration;

/** Durations as people read them in explanations: {@code 2h05m}, {@code 45m}, {@code 30m10s}. */
final class Durations {

    private Durations() {
    }

    static String text(Duration duration) {
        long seconds = duration.getSeconds();
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        StringBuilder text = new StringBuilder();
        if (hours > 0) {
            text.append(hours).append('h').append(String.format("%02dm", minutes));
        } else {
            text.append(minutes).append('m');
        }
        if (rest > 0) {
            text.append(String.format("%02ds", rest));
        }
        return text.toString();
    }
}
