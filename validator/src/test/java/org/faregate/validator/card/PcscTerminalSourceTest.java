package org.faregate.validator.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.junit.jupiter.api.Test;

class PcscTerminalSourceTest {

    /** Lists by throwing what the JDK's provider throws (the cause's message is the PC/SC code). */
    private static CardTerminals throwing(String pcscCode) {
        return new CardTerminals() {
            @Override
            public List<CardTerminal> list(State state) throws CardException {
                throw new CardException("list() failed", new Exception(pcscCode));
            }

            @Override
            public boolean waitForChange(long timeout) {
                return false;
            }
        };
    }

    @Test
    void noReaderAvailableIsAnEmptyList() throws CardException {
        CardTerminals terminals = new PcscTerminalSource.NoReaderIsEmpty(throwing("SCARD_E_NO_READERS_AVAILABLE"));

        assertThat(terminals.list()).isEmpty();
    }

    @Test
    void aBrokenServiceStillFails() {
        CardTerminals terminals = new PcscTerminalSource.NoReaderIsEmpty(throwing("SCARD_E_NO_SERVICE"));

        assertThatThrownBy(terminals::list).isInstanceOf(CardException.class)
                .hasRootCauseMessage("SCARD_E_NO_SERVICE");
    }
}
