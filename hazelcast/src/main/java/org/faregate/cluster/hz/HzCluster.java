package org.faregate.cluster.hz;

import com.hazelcast.cluster.Address;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.faregate.cluster.AccountOwnership;
import org.faregate.cluster.ClusterConfig;
import org.faregate.cluster.DenyRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One embedded Hazelcast member of a gateway node: started from a {@link ClusterConfig}, closed with the node. */
public final class HzCluster implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(HzCluster.class);

    private final HazelcastInstance instance;
    private final HzDenyRegistry denyRegistry;
    private final HzAccountOwnership accountOwnership;

    private HzCluster(HazelcastInstance instance) {
        this.instance = instance;
        this.denyRegistry = denyRegistry(HzDenyRegistry.MAP_NAME);
        this.accountOwnership = new HzAccountOwnership(instance.getPartitionService());
    }

    /** Starts a member and joins the configured members; blocks until it is part of the cluster. */
    public static HzCluster start(ClusterConfig config) {
        HazelcastInstance instance = Hazelcast.newHazelcastInstance(hazelcastConfig(config));
        HzCluster cluster = new HzCluster(instance);
        logger.info("Cluster member started [cluster={}, address={}, members={}]", config.clusterName(),
                cluster.address(), instance.getCluster().getMembers().size());
        return cluster;
    }

    static Config hazelcastConfig(ClusterConfig settings) {
        Config config = new Config();
        config.setClusterName(settings.clusterName());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", Long.toString(settings.joinWait().toSeconds()));
        config.getJetConfig().setEnabled(false);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface(settings.bindAddress());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
        // A joining member answers only once it holds the whole deny list, never a partial one.
        config.getReplicatedMapConfig(HzDenyRegistry.MAP_NAME + "*").setAsyncFillup(false);
        return config;
    }

    public DenyRegistry denyRegistry() {
        return denyRegistry;
    }

    /** The accounts this member prices: those whose bucket's partition it owns. */
    public AccountOwnership accountOwnership() {
        return accountOwnership;
    }

    /** This member's address as other members join it: {@code host:port}. */
    public String address() {
        Address address = instance.getCluster().getLocalMember().getAddress();
        return address.getHost() + ":" + address.getPort();
    }

    /** False once the member has shut down or been shut down (it no longer replicates the deny list). */
    public boolean isRunning() {
        return instance.getLifecycleService().isRunning();
    }

    public int memberCount() {
        return instance.getCluster().getMembers().size();
    }

    /** A deny registry on a map of the given name, so tests get a clean map on shared members. */
    HzDenyRegistry denyRegistry(String mapName) {
        return new HzDenyRegistry(instance.getReplicatedMap(mapName),
                instance.getReplicatedMap(mapName + HzDenyRegistry.PUBLISHED_SUFFIX),
                instance.getReplicatedMap(mapName + HzDenyRegistry.COMPLETE_SUFFIX),
                instance.getLocalEndpoint().getUuid().toString());
    }

    /** Stops the member abruptly, as a crash would: no graceful hand-over of its partitions. For tests. */
    void terminateForTest() {
        instance.getLifecycleService().terminate();
    }

    @Override
    public void close() {
        if (instance.getLifecycleService().isRunning()) {
            instance.shutdown();
            logger.info("Cluster member stopped");
        }
    }
}
