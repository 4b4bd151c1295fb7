package org.faregate.cluster;

/**
 * Which gateway node prices which accounts. Accounts fall into {@link #BUCKETS} buckets by id; each bucket
 * belongs to exactly one live node at a time (in a cluster: the owner of the bucket's Hazelcast partition),
 * so an account's taps are priced in order by one node, and a departed node's buckets pass to the nodes
 * that remain. Pricing itself stays correct if two nodes briefly overlap during a hand-over: it locks the
 * account row and posts only differences.
 */
public interface AccountOwnership {

    /** Buckets accounts are spread over; Hazelcast's default partition count, so buckets spread evenly. */
    int BUCKETS = 271;

    /** The bucket of an account: its id modulo {@link #BUCKETS}, so SQL can select a bucket's work. */
    static int bucketOf(long accountId) {
        return (int) Math.floorMod(accountId, (long) BUCKETS);
    }

    /** The buckets this node prices now, ascending; empty while it owns none (e.g. during a migration). */
    int[] ownedBuckets();

    /** A node alone: it owns every bucket. */
    static AccountOwnership everything() {
        int[] all = new int[BUCKETS];
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            all[bucket] = bucket;
        }
        return all::clone;
    }
}
