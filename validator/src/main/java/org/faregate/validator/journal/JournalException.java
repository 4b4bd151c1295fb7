package org.faregate.validator.journal;

/**
 * The tap journal could not be read or written durably. A gate that cannot journal must not open:
 * callers treat this as "out of service", never as a decision.
 */
public final class JournalException extends RuntimeException {

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
