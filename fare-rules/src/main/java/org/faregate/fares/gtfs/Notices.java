package org.faregate.fares.gtfs;

import java.util.ArrayList;
import java.util.List;

/** Collects notices while a feed loads. Not thread-safe; one per load. */
final class Notices {

    private final List<Notice> all = new ArrayList<>();

    void add(NoticeCode code, String file, int line, String field, String message) {
        all.add(new Notice(code, file, line, field, message));
    }

    void fileLevel(NoticeCode code, String file, String message) {
        add(code, file, 0, "", message);
    }

    boolean hasErrors() {
        return all.stream().anyMatch(Notice::isError);
    }

    List<Notice> toList() {
        return List.copyOf(all);
    }
}
