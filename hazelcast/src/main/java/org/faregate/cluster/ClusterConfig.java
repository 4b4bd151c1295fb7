package org.faregate.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * How a gateway node joins its cluster: TCP-IP join only (no multicast), bound to one address.
 *
 * @param clusterName members with different names never join each other
 * @param bindAddress the local address to bind and announce, {@code 127.0.0.1} for a single machine
 * @param port        the member port; 0 picks a free one
 * @param members     other members to join, {@code host:port} each; empty for a cluster of one
 * @param joinWait    how long the first member waits for others before it settles; zero for a lone member
 */
public record ClusterConfig(String clusterName, String bindAddress, int port, List<String> members,
                            Duration joinWait) {

    public static final String LOOPBACK = "127.0.0.1";

    public ClusterConfig {
        if (clusterName == null || clusterName.isBlank()) {
            throw new IllegalArgumentException("cluster name must not be blank");
        }
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException("bind address must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        members = List.copyOf(members);
        Objects.requireNonNull(joinWait, "joinWait");
        if (joinWait.isNegative()) {
            throw new IllegalArgumentException("join wait must not be negative: " + joinWait);
        }
    }

    /** A cluster of one on loopback with a free port and a cluster name of its own. */
    public static ClusterConfig standalone() {
        return new ClusterConfig("faregate-" + UUID.randomUUID(), LOOPBACK, 0, List.of(), Duration.ZERO);
    }

    public ClusterConfig withClusterName(String name) {
        return new ClusterConfig(name, bindAddress, port, members, joinWait);
    }

    public ClusterConfig withMembers(List<String> others) {
        return new ClusterConfig(clusterName, bindAddress, port, others, joinWait);
    }
}
