package org.faregate.cluster;

class InMemoryDenyRegistryTest extends DenyRegistryContract {

    @Override
    protected DenyRegistry newRegistry() {
        return new InMemoryDenyRegistry();
    }
}
