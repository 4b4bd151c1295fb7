package org.faregate.validator.journal;

import java.util.Collection;
import java.util.List;
import org.faregate.protocol.TapId;
import org.faregate.protocol.wire.TapRecord;

/**
 * The gate's durable record of every tap until the gateway acknowledges it. Implementations are
 * thread-safe and throw {@link JournalException} when stable storage fails or the journal is full.
 */
public interface TapJournal extends AutoCloseable {

    /** Appends a tap; when this returns, the tap is on stable storage. */
    void append(TapRecord tap);

    /** Records that the gateway committed these taps; durable when this returns. Unknown ids are ignored. */
    void acknowledge(Collection<TapId> committed);

    /** Up to {@code limit} taps appended and not yet acknowledged, oldest first. */
    List<TapRecord> pending(int limit);

    int pendingCount();

    /** Disk use, allowance and alarm level, for operators and the gate's status. */
    JournalStatus status();

    @Override
    void close();
}
