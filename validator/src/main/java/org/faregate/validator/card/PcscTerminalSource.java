package org.faregate.validator.card;

import java.lang.reflect.Field;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine's pcscd through the JDK's PC/SC provider: every {@link #open()} makes a new
 * {@code TerminalFactory.getInstance("PC/SC", null)} on a new PC/SC context.
 *
 * <p>Why the new context needs work: the JDK (17 and 25 alike) keeps one PC/SC context for the whole JVM in
 * a static field of {@code sun.security.smartcardio.PCSCTerminals}, and caches its terminals by name with
 * that context. After pcscd restarts, pcsc-lite's client never reconnects a context
 * (every call answers {@code SCARD_E_NO_SERVICE}), and a new factory reuses the dead one. So before each
 * factory this class clears the JDK's context and terminal cache, and the provider establishes a new context.
 * That needs {@code --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED} (the validator's jar
 * manifest has it); without it the source still works until pcscd restarts, and then stays down (logged once).
 * The previous context is not released: it belonged to a pcscd that is gone.
 *
 * <p>The JDK's provider also answers "pcscd lists no reader" with an exception
 * ({@code SCARD_E_NO_READERS_AVAILABLE}); the terminals given out here list no terminals instead, so that an
 * empty gate is told apart from a broken PC/SC.
 */
public final class PcscTerminalSource implements TerminalSource {

    private static final Logger logger = LoggerFactory.getLogger(PcscTerminalSource.class);
    private static final String PROVIDER_CLASS = "sun.security.smartcardio.PCSCTerminals";
    /** The message of the JDK's PCSCException when pcscd has no reader. */
    private static final String NO_READERS = "SCARD_E_NO_READERS_AVAILABLE";

    private boolean resetUnavailableLogged;

    @Override
    public synchronized CardTerminals open() throws CardException {
        forgetJdkContext();
        try {
            return new NoReaderIsEmpty(TerminalFactory.getInstance("PC/SC", null).terminals());
        } catch (NoSuchAlgorithmException e) {
            // pcscd down and libpcsclite missing both end here; the cause says which.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CardException("PC/SC unavailable: " + cause.getMessage(), e);
        }
    }

    /** Whether {@code e} is the JDK provider's way of saying pcscd lists no reader at all. */
    static boolean meansNoReader(CardException e) {
        Throwable cause = e.getCause();
        return cause != null && NO_READERS.equals(cause.getMessage());
    }

    /** Makes the JDK's PC/SC provider establish a new context at its next factory. */
    private void forgetJdkContext() {
        try {
            Class<?> terminals = Class.forName(PROVIDER_CLASS, true, TerminalFactory.class.getClassLoader());
            Field context = terminals.getDeclaredField("contextId");
            Field cache = terminals.getDeclaredField("terminals");
            context.setAccessible(true);
            cache.setAccessible(true);
            // The provider guards both fields with the class's monitor.
            synchronized (terminals) {
                context.setLong(null, 0L);
                ((Map<?, ?>) cache.get(null)).clear();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (!resetUnavailableLogged) {
                resetUnavailableLogged = true;
                logger.warn("Cannot renew the JDK's PC/SC context, so PC/SC will not recover from a pcscd restart"
                        + " [fix=--add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED]: {}", e.toString());
            }
        }
    }

    /** The provider's terminals, with "no reader" as an empty list rather than an exception. */
    static final class NoReaderIsEmpty extends CardTerminals {

        private final CardTerminals terminals;

        NoReaderIsEmpty(CardTerminals terminals) {
            this.terminals = terminals;
        }

        @Override
        public List<CardTerminal> list(State state) throws CardException {
            try {
                return terminals.list(state);
            } catch (CardException e) {
                if (meansNoReader(e)) {
                    return List.of();
                }
                throw e;
            }
        }

        @Override
        public boolean waitForChange(long timeout) throws CardException {
            return terminals.waitForChange(timeout);
        }
    }
}
