package org.faregate.simulator.pcsc;

import java.security.InvalidParameterException;
import java.security.Provider;
import java.util.List;
import java.util.Map;

/**
 * A JCA provider of the {@code TerminalFactory} service {@value #ALGORITHM}, whose parameter is the
 * {@link VirtualTerminals} set to expose. Pass the provider object to
 * {@code TerminalFactory.getInstance(ALGORITHM, terminals, provider)}; there is no need (and no reason)
 * to install it with {@code Security.addProvider}.
 */
public final class VirtualTerminalProvider extends Provider {

    public static final String ALGORITHM = "FaregateVirtual";

    private static final long serialVersionUID = 1L;

    public VirtualTerminalProvider() {
        super("FaregateVirtual", "0.1", "Faregate virtual PC/SC terminals holding virtual cards and phones");
        putService(new TerminalFactoryService(this));
    }

    /** Builds the SPI directly, without reflection, from the {@link VirtualTerminals} parameter. */
    private static final class TerminalFactoryService extends Service {

        TerminalFactoryService(Provider provider) {
            super(provider, "TerminalFactory", ALGORITHM, VirtualTerminalFactorySpi.class.getName(), List.of(), Map.of());
        }

        @Override
        public Object newInstance(Object parameter) {
            if (parameter instanceof VirtualTerminals terminals) {
                return new VirtualTerminalFactorySpi(terminals);
            }
            throw new InvalidParameterException("the " + ALGORITHM + " TerminalFactory needs a VirtualTerminals "
                    + "parameter, got " + (parameter == null ? "null" : parameter.getClass().getName()));
        }

        @Override
        public boolean supportsParameter(Object parameter) {
            return parameter instanceof VirtualTerminals;
        }
    }
}
