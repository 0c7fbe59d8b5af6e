package ai.openclaw.doctor;

import ai.openclaw.app.Agents;
import ai.openclaw.app.AppContext;
import ai.openclaw.app.ClaudeCliProfile;
import ai.openclaw.auth.HealthStatus;
import ai.openclaw.claudecli.ClaudeCliCredentials;
import ai.openclaw.claudecli.ClaudeCliRenewal;
import ai.openclaw.claudecli.ClaudeCliSync;
import ai.openclaw.auth.OAuthRefPolicy;
import ai.openclaw.auth.UnusableProfile;
import ai.openclaw.core.Durations;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.CredentialType;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.oauth.OAuthRefreshException;
import ai.openclaw.oauth.refresh.Freshness;
import ai.openclaw.fs.Permissions;
import ai.openclaw.json.Json;
import ai.openclaw.json.MalformedFileException;
import ai.openclaw.status.ModelsStatusService;
import ai.openclaw.status.ProfileRow;
import ai.openclaw.status.ProviderStatus;
import ai.openclaw.status.StatusReport;
import ai.openclaw.store.AuthProfilesCodec;
import ai.openclaw.store.AuthStoreRepository;
import ai.openclaw.store.LegacyFormats;
import ai.openclaw.store.LoadWarning;
import ai.openclaw.store.LoadedStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Examines the config, the state directory and every agent's store, and knows how to repair what can be repaired
 * without a person: legacy flat stores, the {@code api_key} field alias, legacy {@code auth.json}/{@code oauth.json}
 * imports, file permissions and pending config migrations. Every repair of a file keeps a backup of it first.
 * Examination itself never writes, with one exception: like {@code models status}, it re-syncs the
 * {@code anthropic:claude-cli} profile with the Claude CLI's login (that login belongs to the Claude CLI; taking its
 * newer token is a re-read, not a repair), unless {@code OPENCLAW_AUTH_STORE_READONLY=1}.
 */
public final class Doctor {
    private final AppContext ctx;

    public Doctor(AppContext ctx) {
        this.ctx = ctx;
    }

    public List<Finding> examine() {
        List<Finding> out = new ArrayList<>();
        Optional<RuntimeException> configError = ctx.loadLeniently();
        configError.ifPresent(e -> out.add(new Finding("config", Finding.Severity.PROBLEM,
                e.getMessage() + " — fix it by hand (nothing was changed)", null)));
        configFindings(out);
        stateDirFindings(out);
        for (Agents.Agent agent : candidateAgents()) {
            agentFindings(agent, out);
        }
        return out;
    }

    private void configFindings(List<Finding> out) {
        Path config = ctx.config().path();
        for (String migration : ctx.config().migrations()) {
            out.add(new Finding("config", Finding.Severity.PROBLEM, "outdated setting: " + migration,
                    Finding.repair("rewrite " + migration + " in " + config + " (previous file kept as .bak)", () -> {
                        ctx.configWriter().update(config, ai.openclaw.config.ConfigMigrations::apply);
                        ctx.configChanged();
                        return "migrated " + migration;
                    })));
        }
        if (Files.exists(config)) {
            permissionFinding("config", config, false, out);
        }
    }

    private void stateDirFindings(List<Finding> out) {
        Path state = ctx.paths().stateDir();
        if (Files.isDirectory(state)) {
            permissionFinding("state", state, true, out);
        }
        Path env = ctx.paths().configDir().resolve(".env");
        if (Files.exists(env)) {
            permissionFinding("state", env, false, out);
        }
        Path oauthDir = ctx.paths().oauthDir();
        if (Files.isDirectory(oauthDir)) {
            permissionFinding("state", oauthDir, true, out);
            Path oauthJson = oauthDir.resolve("oauth.json");
            if (Files.exists(oauthJson)) {
                permissionFinding("state", oauthJson, false, out);
            }
        }
    }

    /** Default agent (or OPENCLAW_AGENT_DIR), configured agents and agent directories found on disk. */
    private List<Agents.Agent> candidateAgents() {
        Map<Path, Agents.Agent> byDir = new LinkedHashMap<>();
        Agents.Agent current = ctx.agents().resolve(null);
        byDir.put(current.agentDir().toAbsolutePath().normalize(), current);
        for (Agents.Agent a : ctx.agents().list()) {
            byDir.putIfAbsent(a.agentDir().toAbsolutePath().normalize(), a);
        }
        return List.copyOf(byDir.values());
    }

    private void agentFindings(Agents.Agent agent, List<Finding> out) {
        String scope = "agent " + agent.id();
        AuthStoreRepository repo = ctx.agents().store(agent);
        if (Files.isDirectory(agent.agentDir())) {
            permissionFinding(scope, agent.agentDir(), true, out);
        }
        for (Path f : List.of(repo.profilesPath(), repo.statePath(), repo.legacyAuthPath(),
                agent.agentDir().resolve("models.json"))) {
            if (Files.exists(f)) {
                permissionFinding(scope, f, false, out);
            }
        }
        Optional<JsonNode> raw;
        try {
            raw = Json.read(repo.profilesPath());
            Json.read(repo.statePath());
        } catch (MalformedFileException e) {
            out.add(new Finding(scope, Finding.Severity.PROBLEM, "cannot parse " + e.getMessage()
                    + " — left untouched; fix it by hand or restore it from a backup beside it", null));
            return;
        }
        if (raw.isPresent() && !raw.get().isObject()) {
            out.add(new Finding(scope, Finding.Severity.PROBLEM, repo.profilesPath()
                    + " is not a JSON object — left untouched; fix it by hand or restore it from a backup", null));
            return;
        }
        if (raw.isPresent() && !(raw.get().get("profiles") instanceof ObjectNode)) {
            flatStoreFinding(scope, repo, raw.get(), out);
            legacyAuthBesideFlatStoreFinding(scope, repo, out);
            return;
        }
        if (raw.isPresent()) {
            apiKeyAliasFinding(scope, repo, raw.get(), out);
        }
        LoadedStore loaded = repo.loadReadOnly();
        legacyImportFindings(scope, repo, loaded, out);
        for (LoadWarning w : loaded.warnings()) {
            if (!w.reason().equals("legacy_flat_store")) {
                out.add(new Finding(scope, Finding.Severity.PROBLEM, w.toString(), null));
            }
        }
        loaded = claudeCliFindings(scope, agent, loaded, out);
        healthFindings(scope, agent, loaded, out);
    }

    private void flatStoreFinding(String scope, AuthStoreRepository repo, JsonNode root, List<Finding> out) {
        LegacyFormats.FlatConversion conv = LegacyFormats.fromFlatStore(root);
        String ids = String.join(", ", conv.profiles().keySet());
        String skipped = conv.skippedKeys().isEmpty() ? ""
                : "; not convertible (kept in the backup): " + String.join(", ", conv.skippedKeys());
        out.add(new Finding(scope, Finding.Severity.PROBLEM, repo.profilesPath()
                + " is in the legacy flat format; its credentials are not used", Finding.repair(
                "convert it to {version, profiles} as " + (ids.isEmpty() ? "no profiles" : ids) + skipped
                        + " (original kept as auth-profiles.json.legacy-flat.<epochMillis>.bak)", () -> {
                    Optional<Path> backup = repo.repairRaw("legacy-flat", ctx.now(), r ->
                            r.isObject() && !(r.get("profiles") instanceof ObjectNode)
                                    ? AuthProfilesCodec.encode(LegacyFormats.fromFlatStore(r).profiles()) : null);
                    return backup.map(b -> "converted " + repo.profilesPath() + " (backup: " + b.getFileName() + ")")
                            .orElse("nothing to convert any more");
                })));
    }

    private void apiKeyAliasFinding(String scope, AuthStoreRepository repo, JsonNode root, List<Finding> out) {
        List<String> ids = apiKeyAliasIds(root);
        if (ids.isEmpty()) {
            return;
        }
        out.add(new Finding(scope, Finding.Severity.PROBLEM, "profiles use the field \"api_key\", which is not read: "
                + String.join(", ", ids), Finding.repair("rename \"api_key\" to \"key\" (original kept as "
                + "auth-profiles.json.api-key-alias.<epochMillis>.bak)", () -> {
                    Optional<Path> backup = repo.repairRaw("api-key-alias", ctx.now(), r -> {
                        List<String> now = apiKeyAliasIds(r);
                        if (now.isEmpty()) {
                            return null;
                        }
                        ObjectNode profiles = (ObjectNode) r.get("profiles");
                        for (String id : now) {
                            ObjectNode p = (ObjectNode) profiles.get(id);
                            p.set("key", p.remove("api_key"));
                        }
                        return r;
                    });
                    return backup.map(b -> "renamed api_key to key (backup: " + b.getFileName() + ")")
                            .orElse("nothing to rename any more");
                })));
    }

    /** Api-key profiles with a string {@code api_key} field and neither {@code key} nor {@code keyRef}. */
    private static List<String> apiKeyAliasIds(JsonNode root) {
        List<String> ids = new ArrayList<>();
        JsonNode profiles = root.get("profiles");
        if (profiles == null) {
            return ids;
        }
        for (Map.Entry<String, JsonNode> e : profiles.properties()) {
            JsonNode p = e.getValue();
            String type = p.path("type").asString(p.path("mode").asString(""));
            if ((type.equals("api_key") || type.equals("apiKey")) && p.path("api_key").isString()
                    && !p.has("key") && !p.has("keyRef")) {
                ids.add(e.getKey());
            }
        }
        return ids;
    }

    private void legacyImportFindings(String scope, AuthStoreRepository repo, LoadedStore loaded, List<Finding> out) {
        if (!loaded.imported().isEmpty() && !loaded.exists()) {
            out.add(new Finding(scope, Finding.Severity.PROBLEM, "legacy credentials not yet in the store: "
                    + String.join(", ", loaded.imported()), Finding.repair("import them into "
                    + repo.profilesPath() + " (auth.json kept as auth.json.imported.<epochMillis>.bak)", () -> {
                        LoadedStore after = repo.load();
                        return "imported " + String.join(", ", after.imported());
                    })));
            return;
        }
        if (!loaded.exists() || !Files.exists(repo.legacyAuthPath())) {
            return;
        }
        Map<String, Credential> legacy;
        try {
            legacy = Json.read(repo.legacyAuthPath()).map(LegacyFormats::fromAuthJson).orElse(Map.of());
        } catch (MalformedFileException e) {
            out.add(new Finding(scope, Finding.Severity.PROBLEM, "cannot parse " + e.getMessage(), null));
            return;
        }
        Map<String, Credential> missing = new LinkedHashMap<>(legacy);
        missing.keySet().removeAll(loaded.store().profiles().keySet());
        out.add(new Finding(scope, Finding.Severity.PROBLEM, repo.legacyAuthPath() + " is a legacy file"
                + (missing.isEmpty() ? " whose credentials are already in the store"
                : " with credentials missing from the store: " + String.join(", ", missing.keySet())),
                Finding.repair((missing.isEmpty() ? "" : "import " + String.join(", ", missing.keySet()) + ", then ")
                        + "retire it as auth.json.imported.<epochMillis>.bak", () -> {
                    repo.update(store -> {
                        var next = store;
                        for (var e : missing.entrySet()) {
                            if (next.profile(e.getKey()) == null) {
                                next = next.withProfile(e.getKey(), e.getValue());
                            }
                        }
                        return next;
                    });
                    repo.retireLegacyAuthJson();
                    return "imported " + missing.size() + " profile(s) from auth.json and retired it";
                })));
    }

    /**
     * A legacy {@code auth.json} beside a flat store: a load never imports it (the store file exists), and until the
     * flat store is converted it cannot be compared with the store. Its repair runs after the conversion (repairs of
     * one agent apply in order), so that one {@code doctor --fix} leaves nothing for a second run. If the conversion
     * did not happen, the store update refuses the flat store and {@code auth.json} stays where it is.
     */
    private void legacyAuthBesideFlatStoreFinding(String scope, AuthStoreRepository repo, List<Finding> out) {
        if (!Files.exists(repo.legacyAuthPath())) {
            return;
        }
        out.add(new Finding(scope, Finding.Severity.PROBLEM, repo.legacyAuthPath() + " is a legacy file beside the "
                + "legacy flat store", Finding.repair("after the conversion, import its credentials that are not in "
                + "the store, then retire it as auth.json.imported.<epochMillis>.bak", () -> {
                    Map<String, Credential> legacy = Json.read(repo.legacyAuthPath())
                            .map(LegacyFormats::fromAuthJson).orElse(Map.of());
                    List<String> added = new ArrayList<>();
                    repo.update(store -> {
                        var next = store;
                        for (var e : legacy.entrySet()) {
                            if (next.profile(e.getKey()) == null) {
                                next = next.withProfile(e.getKey(), e.getValue());
                                added.add(e.getKey());
                            }
                        }
                        return next;
                    });
                    repo.retireLegacyAuthJson();
                    return "imported " + added.size() + " profile(s) from auth.json and retired it";
                })));
    }

    /**
     * Re-syncs {@code anthropic:claude-cli} with the Claude CLI's login, as {@code models status} does (the Claude CLI
     * owns that login, so taking its newer token is a re-read, not a repair), and reports what happened. An expired
     * login is reported by the health findings, with the hint how to renew it.
     */
    private LoadedStore claudeCliFindings(String scope, Agents.Agent agent, LoadedStore loaded, List<Finding> out) {
        Optional<ClaudeCliProfile.Resynced> synced = new ClaudeCliProfile(ctx)
                .resync(agent, loaded, ctx.terminal().interactive());
        if (synced.isEmpty()) {
            return loaded;
        }
        ClaudeCliSync.Result r = synced.get().result();
        String id = ClaudeCliCredentials.PROFILE_ID;
        switch (r.action()) {
            case SAVED -> out.add(new Finding(scope, Finding.Severity.NOTICE, id + ": synced from the Claude CLI login ("
                    + r.login().source() + "; " + r.login().credential().type().wireName() + ", "
                    + expiryText(r.login().expires()) + ")", null));
            case OVERLAID, NO_LOGIN -> out.add(new Finding(scope, Finding.Severity.NOTICE, synced.get().problem(),
                    null));
            case UNREADABLE -> out.add(new Finding(scope, Finding.Severity.PROBLEM, synced.get().problem(), null));
            default -> { }
        }
        return synced.get().loaded();
    }

    private String expiryText(long expires) {
        long remaining = expires - ctx.now();
        return remaining > 0 ? "expires in " + Durations.remaining(remaining)
                : "expired " + Durations.remaining(-remaining) + " ago";
    }

    private void healthFindings(String scope, Agents.Agent agent, LoadedStore loaded, List<Finding> out) {
        StatusReport report = new ModelsStatusService(ctx).report(agent, loaded);
        if (!report.violations().isEmpty()) {
            out.add(new Finding(scope, Finding.Severity.PROBLEM,
                    OAuthRefPolicy.message("auth-profiles", report.violations())
                            + "\n  Store OAuth tokens inline (or use an api_key/token profile for ref-backed secrets).",
                    null));
        }
        for (ProviderStatus p : report.providers()) {
            for (ProfileRow row : p.profiles()) {
                HealthStatus s = row.health().status();
                if (row.type() == CredentialType.API_KEY && s == HealthStatus.STATIC) {
                    continue;
                }
                String hint = reauthHint(row.id(), p.provider(), row.type());
                Finding.Repair refresh = s == HealthStatus.EXPIRED || s == HealthStatus.MISSING
                        || s == HealthStatus.EXPIRING ? oauthRefresh(agent, loaded, row.id()) : null;
                if (s == HealthStatus.EXPIRED) {
                    out.add(new Finding(scope, Finding.Severity.PROBLEM, row.id() + ": expired"
                            + (row.health().remainingMs() == null ? ""
                            : " (" + Durations.remaining(-row.health().remainingMs()) + " ago)") + " — " + hint,
                            refresh));
                } else if (s == HealthStatus.MISSING) {
                    out.add(new Finding(scope, Finding.Severity.PROBLEM, row.id() + ": unusable ["
                            + row.health().reasonCode().wireName() + "]"
                            + (row.health().detail() == null ? "" : " " + row.health().detail()) + " — " + hint,
                            refresh));
                } else if (s == HealthStatus.EXPIRING) {
                    out.add(new Finding(scope, Finding.Severity.NOTICE, row.id() + ": expiring ("
                            + Durations.remaining(row.health().remainingMs()) + ") — " + hint, refresh));
                }
                if (row.lastRefreshError() != null) {
                    out.add(new Finding(scope, Finding.Severity.NOTICE, row.id() + ": the last refresh failed ("
                            + Durations.remaining(ctx.now() - row.lastRefreshError().at()) + " ago): "
                            + row.lastRefreshError().message(), null));
                }
            }
        }
        for (UnusableProfile u : report.unusable()) {
            String what = u.kind() == UnusableProfile.Kind.DISABLED
                    ? "disabled:" + (u.reason() == null ? "unknown" : u.reason().wireName())
                    : "cooldown" + (u.reason() == null ? "" : " " + u.reason().wireName());
            String advice = u.reason() != null && u.reason().wireName().equals("billing")
                    ? "Top up credits (provider billing) or switch provider."
                    : "Wait for cooldown or switch provider.";
            out.add(new Finding(scope, Finding.Severity.NOTICE, u.profileId() + ": " + what + " ("
                    + Durations.remaining(u.remainingMs()) + ")" + (u.model() == null ? "" : " for " + u.model())
                    + " — " + advice, null));
        }
    }

    /**
     * Refreshing an OAuth profile that holds a refresh token and has a refresher; null for anything else (static
     * tokens need a new login or paste). A token that changed since the examination (another agent's refresh was
     * mirrored into this store, a gateway refreshed it) and is fresh now is not refreshed again.
     */
    private Finding.Repair oauthRefresh(Agents.Agent agent, LoadedStore loaded, String profileId) {
        if (!(loaded.store().profile(profileId) instanceof OAuthCredential examined) || examined.refresh() == null
                || !ctx.oauthRefresh().refreshable(examined.provider(), profileId)) {
            return null;
        }
        AuthStoreRepository repo = ctx.agents().store(agent);
        return new Finding.OAuthRefresh(profileId, "refresh the OAuth token now", () -> {
            if (repo.loadReadOnly().store().profile(profileId) instanceof OAuthCredential now
                    && !java.util.Objects.equals(now.access(), examined.access())
                    && ctx.oauthRefresh().freshness(now) == Freshness.FRESH) {
                return "already refreshed " + profileId + expiresIn(now);
            }
            try {
                return "refreshed " + profileId + expiresIn(ctx.oauthRefresh().refreshNow(repo, profileId));
            } catch (OAuthRefreshException e) {
                throw new Finding.RepairFailed(e.getMessage());
            }
        });
    }

    private String expiresIn(OAuthCredential c) {
        return c.expires() == null ? "" : " (expires in " + Durations.remaining(c.expires() - ctx.now()) + ")";
    }

    static String reauthHint(String id, String provider, CredentialType type) {
        if (id.equals(ClaudeCliCredentials.PROFILE_ID)) {
            return ClaudeCliRenewal.HINT;
        }
        if (type == CredentialType.TOKEN) {
            return "Paste a new one: `openclaw models auth paste-token --provider " + provider + " --profile-id " + id
                    + "`.";
        }
        if (type == CredentialType.API_KEY) {
            return "Fix the key or its ref: `openclaw models auth paste-api-key --provider " + provider
                    + " --profile-id " + id + "`.";
        }
        return "Log in to " + provider + " again, or use an API key instead: `openclaw models auth paste-api-key "
                + "--provider " + provider + "`.";
    }

    private void permissionFinding(String scope, Path path, boolean dir, List<Finding> out) {
        boolean ok = dir ? Permissions.isPrivateDir(path) : Permissions.isPrivateFile(path);
        if (ok) {
            return;
        }
        String wanted = dir ? "0700" : "0600";
        out.add(new Finding(scope, Finding.Severity.PROBLEM, path + " is readable or writable by other users",
                Finding.repair("chmod " + wanted + " " + path, () -> {
                    Permissions.restrict(path);
                    return "restricted " + path + " to " + wanted;
                })));
    }
}
