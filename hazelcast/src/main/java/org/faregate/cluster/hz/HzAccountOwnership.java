package org.faregate.cluster.hz;

import com.hazelcast.partition.Partition;
import com.hazelcast.partition.PartitionService;
import java.util.Arrays;
import org.faregate.cluster.AccountOwnership;

/**
 * Account ownership that follows Hazelcast's partition table: bucket {@code b} belongs to the member that
 * owns the partition of the key {@code b}. When a member leaves, Hazelcast promotes the backups of its
 * partitions on the members that remain, and their next {@link #ownedBuckets()} includes its buckets.
 */
final class HzAccountOwnership implements AccountOwnership {

    private final Partition[] partitions = new Partition[BUCKETS];

    HzAccountOwnership(PartitionService partitionService) {
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            partitions[bucket] = partitionService.getPartition(bucket);
        }
    }

    @Override
    public int[] ownedBuckets() {
        int[] owned = new int[BUCKETS];
        int count = 0;
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            var owner = partitions[bucket].getOwner();
            if (owner != null && owner.localMember()) {
                owned[count++] = bucket;
            }
        }
        return Arrays.copyOf(owned, count);
    }
}
