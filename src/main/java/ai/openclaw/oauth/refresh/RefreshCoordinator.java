package ai.openclaw.oauth.refresh;

import ai.openclaw.core.Durations;
import ai.openclaw.core.ProviderIds;
import ai.openclaw.core.Secret;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.fs.FileLockManager;
import ai.openclaw.oauth.OAuthRefreshException;
import ai.openclaw.oauth.RefreshFailure;
import ai.openclaw.oauth.TokenRefresher;
import ai.openclaw.store.AuthStoreRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Hands out usable OAuth credentials, refreshing stored ones when they need it, without ever losing or blanking one.
 * The one entry point for the gateway's routing (on every call of an OAuth profile) and for {@code doctor}.
 *
 * <p><b>When.</b> {@link Freshness} with the 5-minute margin: a {@code FRESH} credential is returned as is, without
 * touching a file. {@code REFRESH_DUE} is refreshed, but if that fails the still-valid token is returned.
 * {@code EXPIRED} is refreshed or the call fails with a classified {@link OAuthRefreshException}.
 *
 * <p><b>Concurrency.</b> Thread-safe; one instance per process (the composition root's). At most one refresh per
 * (store, provider, profile) runs in the process: the first caller registers its flight atomically and runs it on its
 * own thread, outside any map lock; every caller arriving meanwhile waits for that flight and gets its result or its
 * error. Across processes {@link LockedRefresh} serializes on the global refresh lock and re-reads the store, so only
 * one process calls the provider and the others adopt its result. A credential this process refreshed (or adopted) is
 * remembered, so callers still holding the old snapshot of the store get the new one without another lock round.
 * After a failure, callers holding the same refresh token get the same failure without a provider call for
 * {@link RefreshOptions#retryFailedAfter()}.
 *
 * <p><b>Time.</b> Freshness and the failure memory use the injected {@link Clock}; the provider call's hard timeout
 * and lock back-off are durations on the real clock.
 */
public final class RefreshCoordinator {
    private final Clock clock;
    private final RefresherRegistry registry;
    private final RefreshOptions options;
    private final LockedRefresh locked;
    private final Consumer<String> warnings;
    private final ConcurrentHashMap<Key, CompletableFuture<OAuthCredential>> flights = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, Renewed> renewed = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, Failed> failed = new ConcurrentHashMap<>();

    /** In-process identity of a refresh: the store's directory, the provider and the profile id. */
    private record Key(Path storeDir, String provider, String profileId) {}

    /** The credential that replaced the one holding refresh token {@code from}. */
    private record Renewed(Secret from, OAuthCredential credential) {}

    /** The failure of a refresh that spent (tried to spend) refresh token {@code from} at {@code at}. */
    private record Failed(Secret from, long at, OAuthRefreshException error) {}

    /**
     * @param locks    the process's lock manager
     * @param stateDir the state directory; refresh locks live in {@code <stateDir>/locks/oauth-refresh}
     * @param warnings receives problems that do not fail the refresh (a mirror that could not be written, a proactive
     *                 refresh that failed while the token still works); never secrets
     */
    public RefreshCoordinator(FileLockManager locks, Clock clock, Path stateDir, RefresherRegistry registry,
                              AgentStores stores, RefreshOptions options, Consumer<String> warnings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.options = Objects.requireNonNull(options, "options");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.locked = new LockedRefresh(locks, lockDir(stateDir), clock, options, stores, warnings);
    }

    /** {@code <stateDir>/locks/oauth-refresh}. */
    public static Path lockDir(Path stateDir) {
        return stateDir.resolve("locks").resolve("oauth-refresh");
    }

    /** The global refresh lock's target for a profile; its lock file is this path plus {@code .lock}. */
    public static Path lockTarget(Path stateDir, String provider, String profileId) {
        return LockedRefresh.lockTarget(lockDir(stateDir), ProviderIds.normalize(provider), profileId);
    }

    /** {@code credential}'s freshness now. */
    public Freshness freshness(OAuthCredential credential) {
        return Freshness.of(credential, clock.millis(), options.marginMs());
    }

    /** Whether a refresher is registered for the profile. */
    public boolean refreshable(String provider, String profileId) {
        return registry.find(provider, profileId).isPresent();
    }

    /**
     * A usable credential for {@code profileId} of {@code store}, refreshing {@code seen} if it is not fresh. Returns
     * only after a refreshed credential has been saved.
     *
     * @param seen the profile's credential as the caller last read it (a snapshot may lag behind the file)
     * @throws OAuthRefreshException the access token is expired and could not be refreshed; the message says why
     *                               and how to recover, {@link OAuthRefreshException#failure()} classifies it
     */
    public OAuthCredential fresh(AuthStoreRepository store, String profileId, OAuthCredential seen)
            throws OAuthRefreshException {
        long now = clock.millis();
        Freshness freshness = Freshness.of(seen, now, options.marginMs());
        if (freshness == Freshness.FRESH) {
            return seen;
        }
        String provider = ProviderIds.normalize(seen.provider());
        Key key = key(store, provider, profileId);
        Renewed known = renewed.get(key);
        if (known != null && Objects.equals(known.from(), seen.refresh())
                && Freshness.of(known.credential(), now, options.marginMs()) == Freshness.FRESH) {
            return known.credential();
        }
        Optional<TokenRefresher> refresher = registry.find(provider, profileId);
        if (refresher.isEmpty()) {
            if (freshness == Freshness.REFRESH_DUE) {
                return seen;
            }
            throw new OAuthRefreshException(RefreshFailure.OTHER, "OAuth token refresh failed for " + provider + ": "
                    + RefreshMessages.noRefresher(provider, profileId));
        }
        try {
            Failed last = failed.get(key);
            if (last != null && Objects.equals(last.from(), seen.refresh())
                    && now - last.at() < options.retryFailedAfter().toMillis()) {
                throw copy(last.error());
            }
            return flight(key, new LockedRefresh.Request(store, provider, profileId, seen, LockedRefresh.Mode.ON_USE,
                    refresher.get()), freshness == Freshness.REFRESH_DUE);
        } catch (OAuthRefreshException e) {
            long later = clock.millis();
            if (freshness == Freshness.REFRESH_DUE && Freshness.of(seen, later, 0) != Freshness.EXPIRED) {
                return seen;
            }
            throw e;
        }
    }

    /**
     * Refreshes {@code profileId} now even if its token is fresh ({@code doctor}); a credential another process
     * refreshed meanwhile is taken instead.
     *
     * @throws OAuthRefreshException not an OAuth profile, no refresher for it, or the refresh failed
     */
    public OAuthCredential refreshNow(AuthStoreRepository store, String profileId) throws OAuthRefreshException {
        Credential c;
        try {
            c = store.readLocked().profile(profileId);
        } catch (RuntimeException e) {
            throw new OAuthRefreshException(RefreshFailure.OTHER, "cannot read " + store.profilesPath() + ": "
                    + e.getMessage());
        }
        if (!(c instanceof OAuthCredential seen)) {
            throw new OAuthRefreshException(RefreshFailure.OTHER, profileId + " is not an OAuth profile in "
                    + store.profilesPath());
        }
        String provider = ProviderIds.normalize(seen.provider());
        TokenRefresher refresher = registry.find(provider, profileId).orElseThrow(() -> new OAuthRefreshException(
                RefreshFailure.OTHER, "OAuth token refresh failed for " + provider + ": "
                + RefreshMessages.noRefresher(provider, profileId)));
        return flight(key(store, provider, profileId),
                new LockedRefresh.Request(store, provider, profileId, seen, LockedRefresh.Mode.FORCE, refresher), false);
    }

    /** Joins the running flight of {@code key}, or runs one on this thread. */
    private OAuthCredential flight(Key key, LockedRefresh.Request request, boolean proactive)
            throws OAuthRefreshException {
        CompletableFuture<OAuthCredential> mine = new CompletableFuture<>();
        CompletableFuture<OAuthCredential> running = flights.putIfAbsent(key, mine);
        if (running != null) {
            return await(running, request.profileId());
        }
        try {
            OAuthCredential result = locked.run(request);
            renewed.put(key, new Renewed(request.seen().refresh(), result));
            failed.remove(key);
            mine.complete(result);
            return result;
        } catch (OAuthRefreshException e) {
            failed.put(key, new Failed(request.seen().refresh(), clock.millis(), e));
            if (proactive && request.seen().expires() != null) {
                warnings.accept("refresh of " + request.profileId() + " failed; its access token stays in use for "
                        + Durations.remaining(request.seen().expires() - clock.millis()) + ": " + e.getMessage());
            }
            mine.completeExceptionally(e);
            throw e;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(key, mine);
        }
    }

    private static OAuthCredential await(CompletableFuture<OAuthCredential> running, String profileId)
            throws OAuthRefreshException {
        try {
            return running.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OAuthRefreshException r) {
                throw copy(r);
            }
            throw new IllegalStateException("the refresh of " + profileId + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthRefreshException(RefreshFailure.OTHER,
                    "interrupted while waiting for the refresh of " + profileId);
        }
    }

    /** The same failure for another caller (an exception instance is not shared between threads). */
    private static OAuthRefreshException copy(OAuthRefreshException e) {
        return new OAuthRefreshException(e.failure(), e.getMessage());
    }

    private static Key key(AuthStoreRepository store, String provider, String profileId) {
        return new Key(store.agentDir().toAbsolutePath().normalize(), provider, profileId);
    }

    @Override
    public String toString() {
        return "RefreshCoordinator[" + registry + "]";
    }
}
