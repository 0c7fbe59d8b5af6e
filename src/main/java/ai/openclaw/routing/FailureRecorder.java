package ai.openclaw.routing;

import ai.openclaw.config.CooldownConfig;
import ai.openclaw.store.AuthState;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.AuthStoreRepository;
import ai.openclaw.store.FailureReason;
import ai.openclaw.store.UsageStats;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Records what happened to auth profiles (store-and-selection §6.2, §6.3): visible to this process at once through
 * {@link #view}, written to {@code auth-state.json} by a background {@link StateWriter}.
 */
public final class FailureRecorder implements AutoCloseable {
    /** Providers that rotate keys themselves; OpenClaw never cools their profiles down. */
    /** Not the credential's fault, so not held against it (§6.2 "which failures are recorded"). */
    private static final Set<FailureReason> NOT_RECORDED = Set.of(FailureReason.FORMAT, FailureReason.EMPTY_RESPONSE);

    private final Clock clock;
    private final LocalUsageView view = new LocalUsageView();
    private final AtomicLong seq = new AtomicLong();
    private final Object recording = new Object();
    private final StateWriter writer;

    /**
     * @param repositories the store of each agent
     * @param coalesce     how long the writer gathers changes before a write
     * @param warnings     receives write failures (messages name agents and files, never secrets)
     */
    public FailureRecorder(Clock clock, Function<String, AuthStoreRepository> repositories, Duration coalesce,
                           Consumer<String> warnings) {
        this.clock = clock;
        this.writer = new StateWriter(repositories, clock, coalesce, new StateWriter.Listener() {
            @Override
            public void written(String agentId, AuthState onDisk, long upToSeq) {
                view.written(agentId, onDisk, upToSeq, clock.millis());
            }

            @Override
            public void failed(String agentId, RuntimeException error, int attempt, boolean dropped, long upToSeq) {
                warnings.accept("Could not record auth profile usage for agent " + agentId + " (attempt " + attempt
                        + " of " + StateWriter.MAX_ATTEMPTS + (dropped ? ", changes dropped" : ", will retry") + "): "
                        + error.getMessage());
                if (dropped) {
                    // keep what this process knows for a short while, as if it had been written
                    view.written(agentId, null, upToSeq, clock.millis());
                }
            }
        });
    }

    /** {@code snapshot} with this process's recent changes on top. */
    public AuthStore view(String agentId, AuthStore snapshot) {
        return view.apply(agentId, snapshot, clock.millis());
    }

    /**
     * Whether a failure counts against the profile: never for openrouter/kilocode or local endpoints, not for format
     * errors or empty responses, and a timeout only once the provider was reached (a refused connection is not the
     * credential's fault).
     */
    public static boolean isRecorded(String provider, FailureReason reason, UpstreamFailure failure,
                                     boolean localEndpoint) {
        if (localEndpoint || ai.openclaw.auth.Cooldowns.exempt(provider) || NOT_RECORDED.contains(reason)) {
            return false;
        }
        return reason != FailureReason.TIMEOUT || !"connect".equals(failure.transport());
    }

    /**
     * Records a failure of {@code profileId} while serving {@code model}.
     *
     * @param snapshot the host's current snapshot of the agent's store
     * @return the profile's statistics afterwards, or empty when this failure is not recorded
     */
    public Optional<UsageStats> failure(String agentId, AuthStore snapshot, String profileId, String provider,
                                        String model, FailureReason reason, UpstreamFailure failure,
                                        boolean localEndpoint, CooldownConfig cooldowns) {
        if (!isRecorded(provider, reason, failure, localEndpoint)) {
            return Optional.empty();
        }
        StateChange change = new StateChange.Failure(profileId, provider, reason, model, clock.millis(),
                failure.retryAfterMs(), cooldowns);
        return Optional.of(record(agentId, snapshot, change));
    }

    /** Records that {@code profileId} served a call (lastUsed, lastGood, counters reset). */
    public void success(String agentId, AuthStore snapshot, String profileId, String provider) {
        record(agentId, snapshot, new StateChange.Success(profileId, provider, clock.millis()));
    }

    private UsageStats record(String agentId, AuthStore snapshot, StateChange change) {
        // one at a time, so the writer receives changes in the order the view applied them
        synchronized (recording) {
            long n = seq.incrementAndGet();
            UsageStats after = view.record(agentId, snapshot, change, n, clock.millis());
            writer.submit(agentId, change, n);
            return after;
        }
    }

    /**
     * Writes everything recorded so far, on the calling thread.
     *
     * @throws StateWriteException when a write failed
     */
    public void flush() {
        writer.flush();
    }

    /** Stops the background writer after writing what is pending. */
    @Override
    public void close() {
        writer.close();
    }
}
