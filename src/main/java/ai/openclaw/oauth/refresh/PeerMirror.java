package ai.openclaw.oauth.refresh;

import ai.openclaw.core.ProviderIds;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.AuthStoreRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Copies a freshly refreshed credential into the other agents' stores (logins §2.12 step 6), so that the next agent
 * needing it finds it instead of spending the (now rotated) refresh token again: first the main agent's store, which
 * may gain the profile, then every other store that already holds that profile id, which never gains one. A store is
 * written only when its copy is an OAuth credential of the same provider, of the same login ({@link Identity}) and
 * strictly older ({@code expires} earlier, or unknown); the main store also when it has no credential under that id.
 *
 * <p>Runs while the caller holds the global refresh lock of the profile, taking each target's store lock in turn
 * (the lock order global → store). A store that cannot be read or written is reported and skipped: the refresh itself
 * has succeeded and is saved.
 */
final class PeerMirror {
    private final AgentStores stores;
    private final Consumer<String> warnings;

    PeerMirror(AgentStores stores, Consumer<String> warnings) {
        this.stores = stores;
        this.warnings = warnings;
    }

    void mirror(AuthStoreRepository origin, String profileId, OAuthCredential refreshed) {
        Path originDir = dir(origin);
        AuthStoreRepository main = stores.main();
        Map<Path, AuthStoreRepository> targets = new LinkedHashMap<>();
        targets.put(dir(main), main);
        for (AuthStoreRepository r : stores.all()) {
            targets.putIfAbsent(dir(r), r);
        }
        targets.remove(originDir);
        Path mainDir = dir(main);
        List<String> skipped = new ArrayList<>();
        targets.forEach((d, target) -> {
            boolean isMain = d.equals(mainDir);
            if (!isMain && !Files.exists(target.profilesPath())) {
                return; // never creates a store (nor its directory, which taking its lock would)
            }
            try {
                target.update(store -> mirrored(store, profileId, refreshed, isMain, target, skipped));
            } catch (RuntimeException e) {
                warnings.accept("could not copy the refreshed " + profileId + " into " + target.profilesPath() + ": "
                        + RefreshMessages.safe(e.getMessage(), refreshed));
            }
        });
        skipped.forEach(warnings);
    }

    private static AuthStore mirrored(AuthStore store, String profileId, OAuthCredential refreshed, boolean isMain,
                                      AuthStoreRepository target, List<String> skipped) {
        Credential existing = store.profile(profileId);
        if (existing == null) {
            return isMain ? replace(store, profileId, refreshed) : store;
        }
        if (!(existing instanceof OAuthCredential old)
                || !ProviderIds.normalize(old.provider()).equals(ProviderIds.normalize(refreshed.provider()))) {
            return store;
        }
        if (!Identity.compatible(old, refreshed)) {
            skipped.add("not copying the refreshed " + profileId + " into " + target.profilesPath()
                    + ": it holds another account's login under that id");
            return store;
        }
        if (!olderThan(old, refreshed)) {
            return store;
        }
        return replace(store, profileId, refreshed);
    }

    private static AuthStore replace(AuthStore store, String profileId, OAuthCredential refreshed) {
        return store.withProfile(profileId, refreshed).withStateChange(s -> s.withoutRefreshError(profileId));
    }

    /** Strictly older; a copy without a valid expiry counts as older than one with. */
    private static boolean olderThan(OAuthCredential existing, OAuthCredential refreshed) {
        if (refreshed.expires() == null || refreshed.expires() <= 0) {
            return false;
        }
        return existing.expires() == null || existing.expires() <= 0 || existing.expires() < refreshed.expires();
    }

    static Path dir(AuthStoreRepository repo) {
        return repo.agentDir().toAbsolutePath().normalize();
    }
}
