package ai.openclaw.oauth.refresh;

import ai.openclaw.core.ProviderIds;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.fs.FileLockManager;
import ai.openclaw.fs.LockTimeoutException;
import ai.openclaw.oauth.OAuthRefreshException;
import ai.openclaw.oauth.RefreshFailure;
import ai.openclaw.oauth.TokenRefresher;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.AuthStoreRepository;
import ai.openclaw.store.RefreshError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One refresh of one profile across processes (logins §2.12-§2.14, store §1.6), run by the single in-process caller
 * that {@link RefreshCoordinator} lets through.
 *
 * <ol>
 *   <li>Take the global refresh lock of the profile, {@code <stateDir>/locks/oauth-refresh/sha256-<hex>} (shared by
 *       every agent and process on the host), for the whole procedure.</li>
 *   <li>Re-read the agent's store under its store lock. A credential someone else has refreshed meanwhile is adopted
 *       as is; for a non-main agent, so is a fresher credential of the same login in the main agent's store (copied
 *       into this agent's store).</li>
 *   <li>Otherwise call the provider once, with a hard timeout, holding only the global lock: the store lock goes
 *       stale after 30 s and must not be held across a call that may take 120 s, while the global lock, stale only
 *       after 180 s, is what keeps a second process from spending the same refresh token.</li>
 *   <li>Save the merged credential (with the rotated refresh token) under the store lock, before anyone gets the new
 *       access token; if the stored credential was replaced meanwhile (a new login) a fresh replacement wins. Then
 *       mirror it into the other agents' stores ({@link PeerMirror}).</li>
 *   <li>On failure nothing is written to {@code auth-profiles.json}. Recovery: a credential that became usable
 *       meanwhile is used; after {@code refresh_token_reused} a changed stored credential is refreshed once more; a
 *       non-main agent adopts the main store's credential. Otherwise the failure is recorded in
 *       {@code auth-state.json} ({@link RefreshError}) and thrown, classified, with a recovery hint.</li>
 * </ol>
 * Lock order is always global refresh lock, then a store lock, never two store locks at once.
 */
final class LockedRefresh {
    /** What the caller wants. */
    enum Mode {
        /** A usable credential: any fresh stored credential will do. */
        ON_USE,
        /** A new token even if the current one is fresh (doctor): only a credential changed since it was read wins. */
        FORCE
    }

    /**
     * @param seen the credential the caller holds (from its snapshot of the store)
     */
    record Request(AuthStoreRepository store, String provider, String profileId, OAuthCredential seen, Mode mode,
                   TokenRefresher refresher) {}

    private final FileLockManager locks;
    private final Path lockDir;
    private final Clock clock;
    private final RefreshOptions options;
    private final AgentStores stores;
    private final PeerMirror mirror;
    private final Consumer<String> warnings;

    LockedRefresh(FileLockManager locks, Path lockDir, Clock clock, RefreshOptions options, AgentStores stores,
                  Consumer<String> warnings) {
        this.locks = locks;
        this.lockDir = lockDir;
        this.clock = clock;
        this.options = options;
        this.stores = stores;
        this.warnings = warnings;
        this.mirror = new PeerMirror(stores, warnings);
    }

    /** {@code <lockDir>/sha256-<hex(sha256(provider ‖ 0x00 ‖ profileId))>}; the lock file is that path plus .lock. */
    static Path lockTarget(Path lockDir, String provider, String profileId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((provider + '\u0000' + profileId).getBytes(StandardCharsets.UTF_8));
            return lockDir.resolve("sha256-" + HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    OAuthCredential run(Request r) throws OAuthRefreshException {
        Path lock = lockTarget(lockDir, r.provider(), r.profileId());
        try {
            return locks.withLock(lock, options.lockPolicy(), () -> {
                try {
                    return underLocks(r);
                } catch (OAuthRefreshException e) {
                    throw new Carrier(e);
                }
            });
        } catch (Carrier c) {
            throw c.error;
        } catch (LockTimeoutException e) {
            if (FileLockManager.lockPathFor(lock).equals(e.lockPath())) {
                return afterContention(r);
            }
            throw storeTrouble(r, e);
        } catch (RuntimeException e) {
            throw storeTrouble(r, e);
        }
    }

    private OAuthCredential underLocks(Request r) throws OAuthRefreshException {
        OAuthCredential stored = stored(r, r.store().readLocked())
                .orElseThrow(() -> gone(r, "it is no longer an OAuth profile of " + r.provider() + " in "
                        + r.store().profilesPath()));
        if (adoptable(r, stored)) {
            return stored;
        }
        Optional<OAuthCredential> fromMain = adoptFromMain(r, stored);
        if (fromMain.isPresent()) {
            return fromMain.get();
        }
        OAuthCredential refreshed;
        try {
            refreshed = TimedCall.refresh(r.refresher(), stored, options.callTimeout(), r.profileId());
        } catch (OAuthRefreshException e) {
            return recover(r, stored, e);
        }
        return save(r, stored, refreshed);
    }

    /** Someone else refreshed: under {@code ON_USE} any fresh credential; under {@code FORCE} only a changed one. */
    private boolean adoptable(Request r, OAuthCredential stored) {
        return fresh(stored) && (r.mode() == Mode.ON_USE || !Identity.equivalent(stored, r.seen()));
    }

    /**
     * For a non-main agent: the main store's credential for the same profile when it is fresh and of the same login
     * (logins §2.12 step 5, §2.13), copied into this agent's store.
     */
    private Optional<OAuthCredential> adoptFromMain(Request r, OAuthCredential local) {
        AuthStoreRepository main = stores.main();
        if (PeerMirror.dir(main).equals(PeerMirror.dir(r.store()))) {
            return Optional.empty();
        }
        Optional<OAuthCredential> candidate;
        try {
            candidate = stored(r, main.readLocked());
        } catch (RuntimeException e) {
            warnings.accept("cannot read the main agent's store " + main.profilesPath() + ": "
                    + RefreshMessages.safe(e.getMessage(), local));
            return Optional.empty();
        }
        if (candidate.isEmpty() || !fresh(candidate.get()) || Identity.equivalent(candidate.get(), local)
                || !Identity.compatible(local, candidate.get())) {
            return Optional.empty();
        }
        OAuthCredential shared = candidate.get();
        AtomicReference<OAuthCredential> used = new AtomicReference<>(shared);
        r.store().update(s -> {
            Credential current = s.profile(r.profileId());
            if (!(current instanceof OAuthCredential c)) {
                return s; // removed meanwhile: use the shared credential once, do not bring the profile back
            }
            if (!Identity.equivalent(c, local) && fresh(c)) {
                used.set(c);
                return s;
            }
            return s.withProfile(r.profileId(), shared).withStateChange(st -> st.withoutRefreshError(r.profileId()));
        });
        return Optional.of(used.get());
    }

    /** Saves the refresh, then mirrors it; returns what the caller may use. */
    private OAuthCredential save(Request r, OAuthCredential start, OAuthCredential refreshed)
            throws OAuthRefreshException {
        OAuthCredential merged = CredentialMerge.over(start, refreshed);
        AtomicReference<OAuthCredential> used = new AtomicReference<>(merged);
        AtomicBoolean wrote = new AtomicBoolean();
        AtomicReference<String> refused = new AtomicReference<>();
        try {
            r.store().update(s -> {
                Credential current = s.profile(r.profileId());
                if (!(current instanceof OAuthCredential c) || !sameProvider(c, r)) {
                    refused.set("the profile was removed or replaced while it was being refreshed");
                    return s;
                }
                if (!Identity.equivalent(c, start)) {
                    // a login wrote a new credential while we refreshed the old one
                    if (fresh(c)) {
                        used.set(c);
                        return s;
                    }
                    if (!Identity.compatible(c, merged)) {
                        refused.set("another account's login replaced the profile while it was being refreshed");
                        return s;
                    }
                }
                wrote.set(true);
                return s.withProfile(r.profileId(), merged)
                        .withStateChange(st -> st.withoutRefreshError(r.profileId()));
            });
        } catch (RuntimeException e) {
            String message = RefreshMessages.safe(RefreshMessages.failed(r.provider(), r.profileId(),
                    RefreshFailure.OTHER, "the new tokens could not be saved to " + r.store().profilesPath() + " ("
                            + e.getMessage() + "), so they are not used"), start, merged);
            record(r, RefreshFailure.OTHER, message);
            throw new OAuthRefreshException(RefreshFailure.OTHER, message);
        }
        if (refused.get() != null) {
            throw gone(r, refused.get() + "; nothing was saved");
        }
        if (wrote.get() && !options.peerMirrorDisabled().getAsBoolean()) {
            mirror.mirror(r.store(), r.profileId(), merged);
        }
        return used.get();
    }

    /** Logins §2.14: what may still serve after the provider refused; else record and throw. */
    private OAuthCredential recover(Request r, OAuthCredential start, OAuthRefreshException failure)
            throws OAuthRefreshException {
        OAuthRefreshException error = failure;
        OAuthCredential now;
        try {
            now = stored(r, r.store().readLocked()).orElse(null);
        } catch (RuntimeException e) {
            now = null;
        }
        if (now != null && !Identity.equivalent(now, start) && fresh(now)) {
            return now;
        }
        if (error.failure() == RefreshFailure.REFRESH_TOKEN_REUSED && now != null && now.refresh() != null
                && !now.refresh().equals(start.refresh())) {
            // the refresh token we spent was stale: another program rotated it and stored the new one
            OAuthCredential second = null;
            try {
                second = TimedCall.refresh(r.refresher(), now, options.callTimeout(), r.profileId());
            } catch (OAuthRefreshException again) {
                error = again;
            }
            if (second != null) {
                return save(r, now, second);
            }
        }
        Optional<OAuthCredential> fromMain = adoptFromMain(r, now != null ? now : start);
        if (fromMain.isPresent()) {
            return fromMain.get();
        }
        String message = RefreshMessages.safe(RefreshMessages.failed(r.provider(), r.profileId(), error.failure(),
                error.getMessage()), start, now);
        record(r, error.failure(), message);
        throw new OAuthRefreshException(error.failure(), message);
    }

    /** The global lock stayed busy: its holder may have finished by now; else {@code refresh_contention}. */
    private OAuthCredential afterContention(Request r) throws OAuthRefreshException {
        try {
            Optional<OAuthCredential> now = stored(r, r.store().readLocked());
            if (now.isPresent() && adoptable(r, now.get())) {
                return now.get();
            }
        } catch (RuntimeException e) {
            // fall through to the contention error
        }
        String message = RefreshMessages.contention(r.provider(), r.profileId());
        record(r, RefreshFailure.REFRESH_CONTENTION, message);
        throw new OAuthRefreshException(RefreshFailure.REFRESH_CONTENTION, message);
    }

    private OAuthRefreshException storeTrouble(Request r, RuntimeException e) {
        String message = RefreshMessages.safe(RefreshMessages.failed(r.provider(), r.profileId(), RefreshFailure.OTHER,
                "cannot use the store " + r.store().profilesPath() + " (" + e.getMessage() + ")"), r.seen());
        return new OAuthRefreshException(RefreshFailure.OTHER, message);
    }

    private OAuthRefreshException gone(Request r, String why) {
        return new OAuthRefreshException(RefreshFailure.OTHER,
                RefreshMessages.failed(r.provider(), r.profileId(), RefreshFailure.OTHER, r.profileId() + ": " + why));
    }

    /** Writes the failure to {@code auth-state.json}; {@code auth-profiles.json} is left as it is. */
    private void record(Request r, RefreshFailure failure, String message) {
        RefreshError error = new RefreshError(Math.max(1, clock.millis()), failure.wireName(), message);
        try {
            r.store().updateState(st -> st.withRefreshError(r.profileId(), error));
        } catch (RuntimeException e) {
            warnings.accept("could not record the failed refresh of " + r.profileId() + " in "
                    + r.store().statePath() + ": " + RefreshMessages.safe(e.getMessage(), r.seen()));
        }
    }

    private Optional<OAuthCredential> stored(Request r, AuthStore store) {
        return store.profile(r.profileId()) instanceof OAuthCredential o && sameProvider(o, r)
                ? Optional.of(o) : Optional.empty();
    }

    private static boolean sameProvider(OAuthCredential c, Request r) {
        return ProviderIds.normalize(c.provider()).equals(ProviderIds.normalize(r.provider()));
    }

    private boolean fresh(OAuthCredential c) {
        return Freshness.of(c, clock.millis(), options.marginMs()) == Freshness.FRESH;
    }

    /** Carries a checked failure out of the lock's body. */
    private static final class Carrier extends RuntimeException {
        private final OAuthRefreshException error;

        Carrier(OAuthRefreshException error) {
            super(null, null, false, false);
            this.error = error;
        }
    }
}
