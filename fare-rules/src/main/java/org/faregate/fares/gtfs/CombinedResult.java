package org.faregate.fares.gtfs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.faregate.fares.charging.Extensions;

/**
 * A feed's GTFS-Fares v2 files and Faregate extension files loaded together: every notice of both, and the
 * feed with its extensions when no notice is an error (both or neither).
 */
public record CombinedResult(Optional<FaresFeed> feed, Optional<Extensions> extensions, List<Notice> notices) {

    public CombinedResult {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(extensions, "extensions");
        notices = List.copyOf(notices);
        boolean errors = notices.stream().anyMatch(Notice::isError);
        if (feed.isPresent() != extensions.isPresent() || errors == feed.isPresent()) {
            throw new IllegalArgumentException("feed and extensions exist exactly when there is no error");
        }
    }

    public boolean hasErrors() {
        return feed.isEmpty();
    }

    public List<Notice> errors() {
        return notices.stream().filter(Notice::isError).toList();
    }

    /** The feed; throws {@link IllegalStateException} listing the errors when there is none. */
    public FaresFeed getFeed() {
        return feed.orElseThrow(() -> new IllegalStateException("the feed has errors: " + errors()));
    }

    /** The extensions; throws {@link IllegalStateException} listing the errors when there are none. */
    public Extensions getExtensions() {
        return extensions.orElseThrow(() -> new IllegalStateException("the feed has errors: " + errors()));
    }
}
