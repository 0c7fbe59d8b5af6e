package ai.openclaw.store;

import ai.openclaw.credential.Credential;
import ai.openclaw.fs.AtomicWriter;
import ai.openclaw.fs.FileLockManager;
import ai.openclaw.fs.LockPolicy;
import ai.openclaw.json.Json;
import ai.openclaw.json.MalformedFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes one agent's {@code auth-profiles.json} and {@code auth-state.json}.
 *
 * <p>Every change goes through {@link #update}: take {@code auth-profiles.json.lock}, read both files fresh,
 * apply the change, write each file that changed atomically (0600), delete {@code auth-state.json} when the state
 * is empty. A file that cannot be parsed stops the update before anything is written: we never replace a file we
 * could not read. A store still in the legacy flat shape is never written over either; {@code doctor --fix}
 * converts it with a backup.
 */
public final class AuthStoreRepository {
    public static final String PROFILES_FILE = "auth-profiles.json";
    public static final String STATE_FILE = "auth-state.json";
    public static final String LEGACY_AUTH_FILE = "auth.json";

    private final Path agentDir;
    private final Path oauthJson;
    private final FileLockManager locks;
    private final java.time.Clock clock;
    private final boolean loadsReadOnly;

    /**
     * @param oauthDir      where the legacy global {@code oauth.json} lives ({@code <stateDir>/credentials})
     * @param loadsReadOnly true when {@code OPENCLAW_AUTH_STORE_READONLY=1}: loads never write
     */
    public AuthStoreRepository(Path agentDir, Path oauthDir, FileLockManager locks, java.time.Clock clock,
                               boolean loadsReadOnly) {
        this.agentDir = agentDir;
        this.oauthJson = oauthDir.resolve("oauth.json");
        this.locks = locks;
        this.clock = clock;
        this.loadsReadOnly = loadsReadOnly;
    }

    public Path agentDir() {
        return agentDir;
    }

    public Path profilesPath() {
        return agentDir.resolve(PROFILES_FILE);
    }

    public Path statePath() {
        return agentDir.resolve(STATE_FILE);
    }

    public Path legacyAuthPath() {
        return agentDir.resolve(LEGACY_AUTH_FILE);
    }

    public Path oauthJsonPath() {
        return oauthJson;
    }

    /** Loads the store, importing legacy files into a missing store (and saving them unless read-only). */
    public LoadedStore load() {
        return load(false);
    }

    /** Loads without ever writing: legacy imports stay in memory. */
    public LoadedStore loadReadOnly() {
        return load(true);
    }

    private LoadedStore load(boolean readOnly) {
        Snapshot snap = read();
        if (snap.format() == AuthProfilesCodec.Format.CANONICAL) {
            return new LoadedStore(profilesPath(), snap.store(), snap.format(), snap.warnings(), List.of());
        }
        List<LoadWarning> warnings = new ArrayList<>(snap.warnings());
        if (snap.format() != null) {
            warnings.add(new LoadWarning(profilesPath(), null, "legacy_flat_store",
                    "not in the {version, profiles} shape; its credentials are not used until "
                            + "`openclaw doctor --fix` converts it (a backup is kept)"));
        }
        Map<String, Credential> imported = legacyImports(warnings);
        AuthStore store = new AuthStore(imported, snap.store().state());
        if (!imported.isEmpty() && snap.format() == null && !readOnly && !loadsReadOnly) {
            store = importLegacy();
        }
        return new LoadedStore(profilesPath(), store, snap.format(), warnings, List.copyOf(imported.keySet()));
    }

    /**
     * Reads {@code auth.json} and {@code oauth.json}. Unparseable legacy files are reported and skipped: they are
     * only ever read, never written.
     */
    private Map<String, Credential> legacyImports(List<LoadWarning> warnings) {
        Map<String, Credential> imported = new LinkedHashMap<>();
        try {
            Json.read(legacyAuthPath()).ifPresent(n -> imported.putAll(LegacyFormats.fromAuthJson(n)));
        } catch (MalformedFileException e) {
            warnings.add(new LoadWarning(legacyAuthPath(), null, "unreadable_legacy_file", e.getMessage()));
        }
        try {
            Json.read(oauthJson).ifPresent(n -> imported.putAll(LegacyFormats.fromOAuthJson(n, imported)));
        } catch (MalformedFileException e) {
            warnings.add(new LoadWarning(oauthJson, null, "unreadable_legacy_file", e.getMessage()));
        }
        return imported;
    }

    /** Saves legacy imports into a still-missing store under the lock, then removes {@code auth.json}. */
    private AuthStore importLegacy() {
        return locks.withLock(profilesPath(), LockPolicy.STORE, () -> {
            Snapshot fresh = read();
            if (fresh.format() != null) {
                // someone created the store meanwhile: theirs wins, ours was only a first-use import
                return fresh.store();
            }
            Map<String, Credential> imported = legacyImports(new ArrayList<>());
            AuthStore next = new AuthStore(imported, fresh.store().state());
            write(fresh, next);
            retireLegacyAuthJson();
            return next;
        });
    }

    /**
     * After its credentials were imported, {@code auth.json} is renamed to {@code auth.json.imported.<ms>.bak}
     * (OpenClaw deletes it; we keep it, 0600, so that nothing is ever lost).
     */
    public void retireLegacyAuthJson() {
        Path legacy = legacyAuthPath();
        if (java.nio.file.Files.exists(legacy)) {
            AtomicWriter.copyPrivate(legacy, legacy.resolveSibling(LEGACY_AUTH_FILE + ".imported."
                    + clock.millis() + ".bak"));
            AtomicWriter.deleteIfExists(legacy);
        }
    }

    /**
     * Reads the store under the store lock, writing nothing: a view no {@link #update} can be half-way through.
     * Legacy imports are not applied (a missing or legacy flat store reads as having no profiles). A store that does
     * not exist is read without the lock, so that reading never creates an agent directory.
     *
     * @throws MalformedFileException a store file cannot be parsed
     */
    public AuthStore readLocked() {
        if (!java.nio.file.Files.exists(profilesPath())) {
            return read().store();
        }
        return locks.withLock(profilesPath(), LockPolicy.STORE, () -> read().store());
    }

    /**
     * Applies {@code change} to a fresh read of the store under the store lock and saves the result.
     *
     * @throws MalformedFileException   a store file cannot be parsed (nothing written)
     * @throws StoreFormatException     the store is in the legacy flat shape (nothing written)
     */
    public AuthStore update(UnaryOperator<AuthStore> change) {
        return locks.withLock(profilesPath(), LockPolicy.STORE, () -> {
            Snapshot fresh = read();
            if (fresh.format() != null && fresh.format() != AuthProfilesCodec.Format.CANONICAL) {
                throw new StoreFormatException(profilesPath(),
                        "the store is in the legacy flat shape; run `openclaw doctor --fix` to convert it "
                                + "(a backup is kept) before changing it");
            }
            AuthStore next = change.apply(fresh.store());
            write(fresh, next);
            return next;
        });
    }

    /**
     * Applies {@code change} to a fresh read of the routing state under the store lock and writes
     * {@code auth-state.json} only: {@code auth-profiles.json} is not rewritten, whatever its shape (a failed refresh
     * records its error this way and leaves the credential file byte for byte as it was).
     *
     * @throws MalformedFileException a store file cannot be parsed (nothing written)
     * @throws StoreFormatException   the store is in the legacy flat shape (nothing written)
     */
    public AuthState updateState(UnaryOperator<AuthState> change) {
        return locks.withLock(profilesPath(), LockPolicy.STORE, () -> {
            Snapshot fresh = read();
            if (fresh.format() != null && fresh.format() != AuthProfilesCodec.Format.CANONICAL) {
                throw new StoreFormatException(profilesPath(), "the store is in the legacy flat shape; run "
                        + "`openclaw doctor --fix` to convert it (a backup is kept) before changing it");
            }
            AuthStore next = fresh.store().withState(change.apply(fresh.store().state()));
            writeState(Optional.ofNullable(fresh.stateJson()), next);
            return next.state();
        });
    }

    /**
     * A repair of the raw {@code auth-profiles.json} (doctor): under the lock, read the file strictly, let
     * {@code repair} produce the repaired canonical document (null: nothing to repair), copy the original to
     * {@code auth-profiles.json.<tag>.<epochMillis>.bak}, then write the repaired store. State from
     * {@code auth-state.json} (and any inline state) and entries that cannot be decoded are kept.
     *
     * @return the backup path, or empty when there was nothing to repair
     */
    public Optional<Path> repairRaw(String tag, long epochMillis, java.util.function.UnaryOperator<JsonNode> repair) {
        return locks.withLock(profilesPath(), LockPolicy.STORE, () -> {
            Optional<JsonNode> raw = Json.read(profilesPath());
            if (raw.isEmpty()) {
                return Optional.<Path>empty();
            }
            JsonNode repaired = repair.apply(raw.get().deepCopy());
            if (repaired == null) {
                return Optional.<Path>empty();
            }
            Optional<JsonNode> stateJson = Json.read(statePath());
            AuthProfilesCodec.Decoded d = AuthProfilesCodec.decode(profilesPath(), repaired);
            AuthState state = AuthStateCodec.decode(raw.get())
                    .overlay(stateJson.map(AuthStateCodec::decode).orElse(AuthState.EMPTY));
            Path backup = profilesPath().resolveSibling(PROFILES_FILE + "." + tag + "." + epochMillis + ".bak");
            AtomicWriter.copyPrivate(profilesPath(), backup);
            AtomicWriter.write(profilesPath(),
                    Json.prettyBytes(AuthProfilesCodec.encode(d.profiles(), d.undecodable())));
            writeState(stateJson, new AuthStore(d.profiles(), state, d.undecodable()));
            return Optional.of(backup);
        });
    }

    private record Snapshot(AuthStore store, AuthProfilesCodec.Format format, JsonNode profilesJson,
                            JsonNode stateJson, List<LoadWarning> warnings) {}

    /** Strict read of both files. Malformed JSON throws with path:line:column. */
    private Snapshot read() {
        Optional<JsonNode> profilesJson = Json.read(profilesPath());
        Optional<JsonNode> stateJson = Json.read(statePath());
        AuthState fileState = stateJson.map(AuthStateCodec::decode).orElse(AuthState.EMPTY);
        if (profilesJson.isEmpty()) {
            return new Snapshot(new AuthStore(Map.of(), fileState), null, null, stateJson.orElse(null), List.of());
        }
        AuthProfilesCodec.Decoded d = AuthProfilesCodec.decode(profilesPath(), profilesJson.get());
        AuthState state = d.inlineState().overlay(fileState);
        return new Snapshot(new AuthStore(d.profiles(), state, d.undecodable()), d.format(), profilesJson.get(),
                stateJson.orElse(null), d.warnings());
    }

    private void write(Snapshot before, AuthStore next) {
        JsonNode profiles = AuthProfilesCodec.encode(next.profiles(), next.undecodable());
        // inline state of older releases makes the on-disk tree differ too: it moves to auth-state.json
        boolean profilesChanged = !profiles.equals(before.profilesJson());
        if (profilesChanged && (before.format() != null || !next.profiles().isEmpty()
                || !next.undecodable().isEmpty())) {
            AtomicWriter.write(profilesPath(), Json.prettyBytes(profiles));
        }
        writeState(Optional.ofNullable(before.stateJson()), next);
    }

    private void writeState(Optional<JsonNode> before, AuthStore next) {
        AuthState pruned = prune(next, before);
        if (pruned.isEmpty()) {
            AtomicWriter.deleteIfExists(statePath());
            return;
        }
        JsonNode encoded = AuthStateCodec.encode(pruned);
        if (!before.map(encoded::equals).orElse(false)) {
            AtomicWriter.write(statePath(), Json.prettyBytes(encoded));
        }
    }

    /**
     * Drops usage, lastGood and refresh-error entries of profiles that no longer exist. Order lists keep ids that an on-disk order
     * already referenced, so an order set before a profile is re-added survives.
     */
    private static AuthState prune(AuthStore store, Optional<JsonNode> before) {
        Set<String> ids = store.profiles().keySet();
        Set<String> previouslyOrdered = new LinkedHashSet<>();
        before.map(AuthStateCodec::decode).ifPresent(s -> s.order().values().forEach(previouslyOrdered::addAll));
        Map<String, List<String>> order = new LinkedHashMap<>();
        store.state().order().forEach((p, list) -> {
            List<String> kept = list.stream().filter(id -> ids.contains(id) || previouslyOrdered.contains(id)).toList();
            if (!kept.isEmpty()) {
                order.put(p, kept);
            }
        });
        Map<String, String> lastGood = new LinkedHashMap<>();
        store.state().lastGood().forEach((p, id) -> {
            if (ids.contains(id)) {
                lastGood.put(p, id);
            }
        });
        Map<String, UsageStats> usage = new LinkedHashMap<>();
        store.state().usageStats().forEach((id, s) -> {
            if (ids.contains(id)) {
                usage.put(id, s);
            }
        });
        Map<String, RefreshError> refreshErrors = new LinkedHashMap<>();
        store.state().refreshErrors().forEach((id, e) -> {
            if (ids.contains(id)) {
                refreshErrors.put(id, e);
            }
        });
        return new AuthState(order, lastGood, usage, refreshErrors);
    }
}
