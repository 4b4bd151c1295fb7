package org.faregate.validator.decision;

import java.util.UUID;
import org.faregate.protocol.CredentialId;

/**
 * {@code count} random-looking credential ids in ascending unsigned order, without building them: id {@code i}
 * lies in the i-th of {@code count} equal slices of the 64-bit range, at a hashed offset. Cheap to give twice
 * to {@link DenyList#restore} and to pick hits from by index; {@link #absent} gives ids that are not among them.
 */
public record SpreadIds(int count, long seed) implements DenyList.IdSource {

    public long most(int i) {
        long slice = Long.divideUnsigned(-1L, count);
        return slice * i + Long.remainderUnsigned(mix(seed ^ (2L * i)), slice);
    }

    public long least(int i) {
        return mix(seed ^ (2L * i + 1));
    }

    public CredentialId id(int i) {
        return new CredentialId(new UUID(most(i), least(i)));
    }

    /** An id that is not in the list: same slice as id {@code i}, a different least half. */
    public CredentialId absent(int i) {
        return new CredentialId(new UUID(most(i), ~least(i)));
    }

    @Override
    public void forEach(DenyList.IdSink sink) {
        for (int i = 0; i < count; i++) {
            sink.id(most(i), least(i));
        }
    }

    public DenyList restoreInto(DenyList list, long version) {
        list.restore(version, count, this);
        return list;
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
