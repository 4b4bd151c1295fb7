package org.faregate.simulator.pcsc;

import java.util.Objects;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactorySpi;

/** The service behind {@link VirtualTerminalProvider}: each {@code terminals()} call gets its own watcher. */
final class VirtualTerminalFactorySpi extends TerminalFactorySpi {

    private final VirtualTerminals terminals;

    VirtualTerminalFactorySpi(VirtualTerminals terminals) {
        this.terminals = Objects.requireNonNull(terminals, "terminals");
    }

    @Override
    protected CardTerminals engineTerminals() {
        return new VirtualCardTerminals(terminals);
    }
}
