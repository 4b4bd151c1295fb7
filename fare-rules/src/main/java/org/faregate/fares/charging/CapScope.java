package org.faregate.fares.charging;

import java.util.Set;

/**
 * Which fares a cap applies to. An empty set means "any". Areas (zones) cap a journey only when every
 * area the journey touched is in the set (London's zones 1–2 cap does not cover a zone 1–4 journey).
 */
public record CapScope(Set<String> riderCategories, Set<String> networks, Set<String> areas) {

    public static final CapScope ANY = new CapScope(Set.of(), Set.of(), Set.of());

    public CapScope {
        riderCategories = Ids.copyOf(riderCategories, "riderCategories");
        networks = Ids.copyOf(networks, "networks");
        areas = Ids.copyOf(areas, "areas");
    }

    boolean covers(CapEntry entry) {
        return (riderCategories.isEmpty() || riderCategories.contains(entry.riderCategory()))
                && (networks.isEmpty() || networks.contains(entry.networkId()))
                && (areas.isEmpty() || !entry.areas().isEmpty() && areas.containsAll(entry.areas()));
    }
}
