package ai.openclaw.fs;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * What a lock file looked like when observed: its bytes, mtime and file identity. Used to decide
 * staleness and to delete a stale lock only if it is still the very file that was judged.
 */
record LockSnapshot(byte[] content, Instant modified, Object fileKey) {

    /**
     * A lock is stale when its owner process is gone, or when it is older than {@code staleMs} by its
     * {@code createdAt} (by its mtime when that is missing or unreadable, or when the content cannot be
     * parsed at all). Timestamps in the future count as fresh: clocks and mtime rounding differ between
     * processes, and waiting is the safe side.
     */
    boolean isStale(Instant now, long staleMs, LongPredicate processAlive) {
        Optional<LockOwner> owner = LockOwner.parse(content);
        if (owner.isPresent() && owner.get().pid() > 0 && !processAlive.test(owner.get().pid())) {
            return true;
        }
        Instant created = owner.flatMap(LockOwner::createdInstant).orElse(modified);
        return Duration.between(created, now).toMillis() > staleMs;
    }

    boolean sameAs(LockSnapshot other) {
        return Arrays.equals(content, other.content) && modified.equals(other.modified)
                && Objects.equals(fileKey, other.fileKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LockSnapshot other && sameAs(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(content), modified, fileKey);
    }

    @Override
    public String toString() {
        return "LockSnapshot[" + content.length + " bytes, modified=" + modified + "]";
    }
}
