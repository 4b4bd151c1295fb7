package org.faregate.fares.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.faregate.fares.gtfs.Notice;

/** What loading the fare files gave: every notice, and the engine when no notice is an error. */
public record EngineResult(Optional<FareEngine> engine, List<Notice> notices) {

    public EngineResult {
        Objects.requireNonNull(engine, "engine");
        notices = List.copyOf(notices);
        if (engine.isPresent() == notices.stream().anyMatch(Notice::isError)) {
            throw new IllegalArgumentException("an engine exists exactly when there is no error");
        }
    }

    public boolean hasErrors() {
        return engine.isEmpty();
    }
}
