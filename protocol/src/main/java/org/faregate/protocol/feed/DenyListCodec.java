package org.faregate.protocol.feed;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.CredentialId;
import org.faregate.protocol.KeyId;
import org.faregate.protocol.crypto.EcdsaSignature;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.wire.DenyChange;
import org.faregate.protocol.wire.DenyListDelta;

/**
 * The signed binary deny-list feed that gates read (media type {@value #MEDIA_TYPE}); written and read as a
 * stream, so a snapshot of ten million credentials never has to sit in memory as bytes. Big-endian:
 * <pre>
 * header   "FGDL" | format 1 (1) | flags (1: bit 0 = snapshot) | key id (4) | issued at, epoch ms (8)
 *          | from version (8) | to version (8) | entry count (4)                                 38 bytes
 * entry    credential id (16) | version (8) | state (1: 1 = denied, 0 = lifted)                   25 bytes
 *          (a snapshot's entries ascend by id as an unsigned 128-bit number, each id once)
 * trailer  ECDSA P-256 signature r||s (64) by the key id's issuer key over the SHA-256 digest of
 *          header and entries
 * </pre>
 * Reasons are not sent: gates do not use them. docs/token-format.md describes the format for other readers.
 */
public final class DenyListCodec {

    public static final String MEDIA_TYPE = "application/vnd.faregate.deny-list";
    /** More entries than this is not a deny list but an attack on the gate's memory. */
    public static final int MAX_ENTRIES = 50_000_000;
    static final int HEADER_LENGTH = 38;
    static final int ENTRY_LENGTH = 25;
    private static final byte[] MAGIC = {'F', 'G', 'D', 'L'};
    private static final int FORMAT = 1;
    private static final int SNAPSHOT_FLAG = 1;
    private static final String UNSENT_REASON = "";

    private DenyListCodec() {
    }

    /** Writes {@code delta} signed by {@code key} (whose id is {@code keyId}); does not close {@code out}. */
    public static void write(DenyListDelta delta, Instant issuedAt, KeyId keyId, SigningKey key, OutputStream out)
            throws IOException {
        MessageDigest digest = sha256();
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(new DigestOutputStream(buffered, digest));
        data.write(MAGIC);
        data.writeByte(FORMAT);
        data.writeByte(delta.snapshot() ? SNAPSHOT_FLAG : 0);
        data.writeInt((int) keyId.value());
        data.writeLong(issuedAt.toEpochMilli());
        data.writeLong(delta.fromVersion());
        data.writeLong(delta.toVersion());
        data.writeInt(delta.changes().size());
        ByteBuffer entry = ByteBuffer.allocate(ENTRY_LENGTH);
        List<DenyChange> changes = delta.snapshot() ? ascending(delta.changes()) : delta.changes();
        for (DenyChange change : changes) {
            entry.clear();
            change.credentialId().writeTo(entry);
            entry.putLong(change.version());
            entry.put((byte) (change.denied() ? 1 : 0));
            data.write(entry.array(), 0, ENTRY_LENGTH);
        }
        data.flush();
        buffered.write(key.sign(digest.digest()).toArray());
        buffered.flush();
    }

    /** Reads one whole feed message into memory (small feeds, tools, tests); check the signature before use. */
    public static SignedDenyList read(InputStream in) throws IOException, FeedException {
        ListSink sink = new ListSink();
        FeedSignature signature = read(in, sink);
        return new SignedDenyList(sink.delta(), signature);
    }

    /**
     * Reads one feed message to its end, handing each entry to {@code sink} as it arrives; returns what the
     * caller must {@linkplain FeedSignature#verify verify} before using anything the sink was given. A
     * snapshot's entries must come in ascending unsigned id order, each id once.
     */
    public static FeedSignature read(InputStream in, DenyFeedSink sink) throws IOException, FeedException {
        MessageDigest digest = sha256();
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        DataInputStream data = new DataInputStream(new DigestInputStream(buffered, digest));
        DenyFeedHeader header = readHeader(data);
        sink.begin(header);
        byte[] entry = new byte[ENTRY_LENGTH];
        ByteBuffer entries = ByteBuffer.wrap(entry);
        long previousMost = 0;
        long previousLeast = 0;
        for (int i = 0; i < header.count(); i++) {
            readFully(data, entry, "entry " + i + " of " + header.count());
            entries.clear();
            long most = entries.getLong();
            long least = entries.getLong();
            long version = entries.getLong();
            int state = entries.get() & 0xFF;
            if (state > 1) {
                throw new FeedException(FeedException.MALFORMED, "entry " + i + ": state " + state + " (0 or 1)");
            }
            if (version <= 0) {
                throw new FeedException(FeedException.MALFORMED, "entry " + i + ": version " + version + " (from 1)");
            }
            if (header.snapshot() && i > 0 && compareUnsigned(previousMost, previousLeast, most, least) >= 0) {
                throw new FeedException(FeedException.MALFORMED, "snapshot entry " + i
                        + ": ids must ascend, each once");
            }
            previousMost = most;
            previousLeast = least;
            sink.entry(most, least, version, state == 1);
        }
        Bytes signed = Bytes.of(digest.digest());
        byte[] signature = new byte[EcdsaSignature.RAW_LENGTH];
        readFully(buffered, signature, "signature");
        if (buffered.read() != -1) {
            throw new FeedException(FeedException.MALFORMED, "bytes after the signature");
        }
        return new FeedSignature(header, signed, Bytes.of(signature));
    }

    /** Orders ids as unsigned 128-bit numbers, the order of snapshots and of the gate's list. */
    public static int compareUnsigned(long mostA, long leastA, long mostB, long leastB) {
        int byMost = Long.compareUnsigned(mostA, mostB);
        return byMost != 0 ? byMost : Long.compareUnsigned(leastA, leastB);
    }

    private static DenyFeedHeader readHeader(DataInputStream data) throws IOException, FeedException {
        byte[] magic = new byte[MAGIC.length];
        readFully(data, magic, "magic");
        if (!Arrays.equals(magic, MAGIC)) {
            throw new FeedException(FeedException.MALFORMED, "not a deny-list feed (magic " + Bytes.of(magic).toHex() + ")");
        }
        byte[] header = new byte[HEADER_LENGTH - MAGIC.length];
        readFully(data, header, "header");
        ByteBuffer head = ByteBuffer.wrap(header);
        int format = head.get() & 0xFF;
        if (format != FORMAT) {
            throw new FeedException(FeedException.MALFORMED, "deny-list feed format " + format + " is not known (1 is)");
        }
        int flags = head.get() & 0xFF;
        if ((flags & ~SNAPSHOT_FLAG) != 0) {
            throw new FeedException(FeedException.MALFORMED, "unknown deny-list feed flags " + flags);
        }
        KeyId keyId = KeyId.of(Integer.toUnsignedLong(head.getInt()));
        Instant issuedAt = Instant.ofEpochMilli(head.getLong());
        long fromVersion = head.getLong();
        long toVersion = head.getLong();
        long count = Integer.toUnsignedLong(head.getInt());
        if (fromVersion < 0 || toVersion < fromVersion) {
            throw new FeedException(FeedException.MALFORMED, "versions " + fromVersion + " to " + toVersion
                    + " are not a range");
        }
        if (count > MAX_ENTRIES) {
            throw new FeedException(FeedException.MALFORMED, count + " entries is over the limit of " + MAX_ENTRIES);
        }
        return new DenyFeedHeader((flags & SNAPSHOT_FLAG) != 0, fromVersion, toVersion, issuedAt, keyId, (int) count);
    }

    /** Collects a feed into a {@link DenyListDelta}. */
    private static final class ListSink implements DenyFeedSink {
        private DenyFeedHeader header;
        private List<DenyChange> changes;

        @Override
        public void begin(DenyFeedHeader value) {
            header = value;
            changes = new ArrayList<>(value.count());
        }

        @Override
        public void entry(long most, long least, long version, boolean denied) {
            changes.add(new DenyChange(new CredentialId(new UUID(most, least)), denied, version, UNSENT_REASON));
        }

        DenyListDelta delta() {
            return new DenyListDelta(header.fromVersion(), header.toVersion(), header.snapshot(), changes);
        }
    }

    private static List<DenyChange> ascending(List<DenyChange> changes) {
        List<DenyChange> sorted = new ArrayList<>(changes);
        sorted.sort((a, b) -> compareUnsigned(a.credentialId().value().getMostSignificantBits(),
                a.credentialId().value().getLeastSignificantBits(), b.credentialId().value().getMostSignificantBits(),
                b.credentialId().value().getLeastSignificantBits()));
        return sorted;
    }

    private static void readFully(InputStream in, byte[] target, String what) throws IOException, FeedException {
        int read = 0;
        while (read < target.length) {
            int n = in.read(target, read, target.length - read);
            if (n < 0) {
                throw new FeedException(FeedException.MALFORMED, "truncated in the " + what + " (" + read + " of "
                        + target.length + " bytes)", new EOFException());
            }
            read += n;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
