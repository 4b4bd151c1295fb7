package org.faregate.fares.gtfs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What loading a feed gave: every notice, in file order, and the feed when no notice is an error.
 * A feed with errors is refused whole: its rules would price some legs wrongly.
 */
public record LoadResult(Optional<FaresFeed> feed, List<Notice> notices) {

    public LoadResult {
        Objects.requireNonNull(feed, "feed");
        notices = List.copyOf(notices);
        boolean errors = notices.stream().anyMatch(Notice::isError);
        if (errors == feed.isPresent()) {
            throw new IllegalArgumentException("a feed exists exactly when there is no error");
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
}
