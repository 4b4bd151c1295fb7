package org.faregate.fares.gtfs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.faregate.fares.charging.Extensions;

/**
 * What loading the {@code faregate_*.txt} extension files gave: every notice, and the extensions when no
 * notice is an error. Extensions with errors are refused whole, like a feed.
 */
public record ExtensionResult(Optional<Extensions> extensions, List<Notice> notices) {

    public ExtensionResult {
        Objects.requireNonNull(extensions, "extensions");
        notices = List.copyOf(notices);
        if (notices.stream().anyMatch(Notice::isError) == extensions.isPresent()) {
            throw new IllegalArgumentException("extensions exist exactly when there is no error");
        }
    }

    public boolean hasErrors() {
        return extensions.isEmpty();
    }

    public List<Notice> errors() {
        return notices.stream().filter(Notice::isError).toList();
    }

    /** The extensions; throws {@link IllegalStateException} listing the errors when there are none. */
    public Extensions getExtensions() {
        return extensions.orElseThrow(() -> new IllegalStateException("the extension files have errors: " + errors()));
    }
}
