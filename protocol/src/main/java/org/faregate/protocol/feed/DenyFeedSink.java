package org.faregate.protocol.feed;

/**
 * Takes a deny-list feed's entries as they are read, so a ten-million-entry snapshot goes straight into the
 * reader's own compact form. Nothing a sink receives may be used before the caller has checked the
 * {@link FeedSignature} that reading returns.
 */
public interface DenyFeedSink {

    void begin(DenyFeedHeader header) throws FeedException;

    /** One entry: the credential id as two longs (most, least significant bits). */
    void entry(long most, long least, long version, boolean denied) throws FeedException;
}
