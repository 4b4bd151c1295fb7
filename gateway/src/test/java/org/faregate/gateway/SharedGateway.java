package org.faregate.gateway;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One embedded gateway for every test class that asks for it (a {@link Gateway} or {@link GatewayClient}
 * parameter), started on first use and closed when the test run ends. Tests that share it open accounts
 * of their own and never change the fare rules.
 */
public final class SharedGateway implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedGateway.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Gateway.class || type == GatewayClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Gateway gateway = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("gateway",
                key -> Gateway.start(GatewayConfig.embedded().withDatabase(TestDatabases.fresh())), Gateway.class);
        return parameter.getParameter().getType() == Gateway.class ? gateway : GatewayClient.admin(gateway);
    }
}
