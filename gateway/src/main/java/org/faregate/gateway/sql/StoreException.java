package org.faregate.gateway.sql;

/** The database failed or could not be reached; nothing of the failed transaction was committed. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
