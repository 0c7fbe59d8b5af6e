package ai.openclaw.routing;

import ai.openclaw.store.AuthState;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.UsageStats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This process's recent changes to usage statistics, laid over the store snapshot the host hands out, so that the
 * very next request skips a profile that just failed, before the change reaches the file and before the host reloads
 * it.
 *
 * <p>An entry is <em>pending</em> until the writer has applied it to the file; then it holds what the file says
 * about the profile and stays only until the snapshot catches up: the snapshot shows exactly that, or something newer
 * (a later failure or use, by another process), or {@link #CATCH_UP_MS} have passed (a change by another process
 * that moved no timestamp, e.g. {@code openclaw models auth cooldown clear}, is then seen).
 */
final class LocalUsageView {
    /** How long a written entry may outlive its write while the host's snapshot is still older. */
    static final long CATCH_UP_MS = 2_000;

    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Entry>> byAgent = new ConcurrentHashMap<>();

    /**
     * @param stats     the statistics this process believes in
     * @param stamp     the instant of the change (its lastFailureAt or lastUsed)
     * @param seq       order of recording within this process
     * @param writtenAt when the writer applied it to the file, or -1 while pending
     */
    private record Entry(UsageStats stats, long stamp, long seq, long writtenAt) {
        boolean pending() {
            return writtenAt < 0;
        }

        boolean supersededBy(UsageStats snapshot, long now) {
            return !pending() && (snapshot.equals(stats) || stampOf(snapshot) > stamp || now - writtenAt >= CATCH_UP_MS);
        }
    }

    /** The snapshot with this process's changes on top; the snapshot itself when there are none. */
    AuthStore apply(String agentId, AuthStore snapshot, long now) {
        Map<String, Entry> entries = byAgent.get(agentId);
        if (entries == null || entries.isEmpty()) {
            return snapshot;
        }
        Map<String, UsageStats> overrides = new LinkedHashMap<>();
        entries.forEach((profileId, entry) -> {
            UsageStats onSnapshot = snapshot.state().stats(profileId);
            if (entry.supersededBy(onSnapshot, now)) {
                entries.remove(profileId, entry);
            } else if (!entry.stats().equals(onSnapshot)) {
                overrides.put(profileId, entry.stats());
            }
        });
        if (overrides.isEmpty()) {
            return snapshot;
        }
        Map<String, UsageStats> merged = new LinkedHashMap<>(snapshot.state().usageStats());
        merged.putAll(overrides);
        return snapshot.withState(snapshot.state().withUsageStats(merged));
    }

    /** Applies {@code change} to what this process currently sees for the profile; returns the result. */
    UsageStats record(String agentId, AuthStore snapshot, StateChange change, long seq, long now) {
        Map<String, Entry> entries = byAgent.computeIfAbsent(agentId, a -> new ConcurrentHashMap<>());
        Entry next = entries.compute(change.profileId(), (id, old) -> {
            UsageStats onSnapshot = snapshot.state().stats(id);
            UsageStats base = old == null || old.supersededBy(onSnapshot, now) ? onSnapshot : old.stats();
            return new Entry(change.applyTo(base), change.at(), seq, -1);
        });
        return next.stats();
    }

    /** The writer applied every change up to {@code upToSeq}; {@code onDisk} is the state it wrote. */
    void written(String agentId, AuthState onDisk, long upToSeq, long now) {
        Map<String, Entry> entries = byAgent.get(agentId);
        if (entries == null) {
            return;
        }
        entries.replaceAll((id, e) -> e.pending() && e.seq() <= upToSeq
                ? new Entry(onDisk == null ? e.stats() : onDisk.stats(id), e.stamp(), e.seq(), now)
                : e);
    }

    private static long stampOf(UsageStats s) {
        long used = s.lastUsed() == null ? 0 : s.lastUsed();
        long failed = s.lastFailureAt() == null ? 0 : s.lastFailureAt();
        return Math.max(used, failed);
    }
}
