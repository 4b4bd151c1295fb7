package org.faregate.simulator.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.InvalidParameterException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals.State;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.Test;

class VirtualTerminalProviderTest {

    private final Riders riders = new Riders();

    @Test
    void listsTheTerminalsThroughTheStandardTerminalFactory() throws Exception {
        VirtualTerminals terminals = new VirtualTerminals("S01-IN-1 reader", "S01-IN-2 reader");
        VirtualTerminalProvider provider = new VirtualTerminalProvider();

        TerminalFactory factory = TerminalFactory.getInstance("FaregateVirtual", terminals, provider);

        assertThat(factory.getType()).isEqualTo(VirtualTerminalProvider.ALGORITHM);
        assertThat(factory.getProvider()).isSameAs(provider);
        assertThat(names(factory.terminals().list()))
                .containsExactly("S01-IN-1 reader", "S01-IN-2 reader");
        assertThat(factory.terminals().getTerminal("S01-IN-2 reader").getName()).isEqualTo("S01-IN-2 reader");
        assertThat(factory.terminals().getTerminal("no such reader")).isNull();
    }

    @Test
    void aTerminalAddedLaterIsListed() throws Exception {
        VirtualTerminals terminals = new VirtualTerminals();
        TerminalFactory factory = terminals.terminalFactory();
        assertThat(factory.terminals().list()).isEmpty();

        terminals.addTerminal("S02-OUT-1 reader");

        assertThat(names(factory.terminals().list())).containsExactly("S02-OUT-1 reader");
    }

    @Test
    void twoSetsInOneJvmDoNotSeeEachOther() throws Exception {
        VirtualTerminalProvider provider = new VirtualTerminalProvider();
        VirtualTerminals station1 = new VirtualTerminals("S01-IN-1 reader");
        VirtualTerminals station2 = new VirtualTerminals("S01-IN-1 reader");
        TerminalFactory factory1 = TerminalFactory.getInstance(VirtualTerminalProvider.ALGORITHM, station1, provider);
        TerminalFactory factory2 = TerminalFactory.getInstance(VirtualTerminalProvider.ALGORITHM, station2, provider);

        station1.insert("S01-IN-1 reader", VirtualCard.of(riders.newCard()));

        assertThat(factory1.terminals().list(State.CARD_PRESENT)).hasSize(1);
        assertThat(factory2.terminals().list(State.CARD_PRESENT)).isEmpty();
    }

    @Test
    void refusesAParameterThatIsNotAVirtualTerminalSet() {
        VirtualTerminalProvider provider = new VirtualTerminalProvider();

        assertThatThrownBy(() -> TerminalFactory.getInstance(VirtualTerminalProvider.ALGORITHM, null, provider))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("VirtualTerminals");
        assertThatThrownBy(() -> TerminalFactory.getInstance(VirtualTerminalProvider.ALGORITHM, "readers", provider))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void offersNoOtherAlgorithm() {
        assertThatThrownBy(() -> TerminalFactory.getInstance("PC/SC", new VirtualTerminals(),
                new VirtualTerminalProvider()))
                .isInstanceOf(NoSuchAlgorithmException.class);
    }

    private static List<String> names(List<CardTerminal> terminals) {
        return terminals.stream().map(CardTerminal::getName).toList();
    }
}
