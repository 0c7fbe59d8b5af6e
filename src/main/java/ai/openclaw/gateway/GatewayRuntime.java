package ai.openclaw.gateway;

import ai.openclaw.app.Agents;
import ai.openclaw.app.AppContext;
import ai.openclaw.config.LoadedConfig;
import ai.openclaw.config.ModelsJsonFile;
import ai.openclaw.json.MalformedFileException;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.AuthStoreRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the running gateway reads from disk, kept current without a restart: the config (with its {@code .env}) and
 * every agent's store. Files are re-checked at most every {@link #RECHECK_MS} ms by modification time and size;
 * a config that no longer parses is reported once and the last good one stays in force.
 */
public final class GatewayRuntime {
    static final long RECHECK_MS = 500;

    private final AppContext ctx;
    private final java.io.PrintWriter log;
    private volatile FileStamp configStamp;
    private volatile long configCheckedAt;
    private volatile String lastConfigError;
    private final Map<Path, CachedStore> stores = new ConcurrentHashMap<>();

    private record FileStamp(long mtime, long size) {
        static FileStamp of(Path p) {
            try {
                return new FileStamp(Files.getLastModifiedTime(p).toMillis(), Files.size(p));
            } catch (IOException e) {
                return new FileStamp(-1, -1);
            }
        }
    }

    private record CachedStore(FileStamp profiles, FileStamp state, AuthStore store, long checkedAt) {}

    private record CachedKeys(FileStamp file, Map<String, String> keys, long checkedAt) {}

    private final Map<Path, CachedKeys> modelsJsonKeys = new ConcurrentHashMap<>();

    public GatewayRuntime(AppContext ctx, java.io.PrintWriter log) {
        this.ctx = ctx;
        this.log = log;
        this.configStamp = configFilesStamp();
        this.configCheckedAt = ctx.now();
    }

    public AppContext context() {
        return ctx;
    }

    /** The config in force, reloaded first when its file (or {@code .env}) changed. */
    public LoadedConfig config() {
        long now = ctx.now();
        if (now - configCheckedAt >= RECHECK_MS) {
            configCheckedAt = now;
            FileStamp stamp = configFilesStamp();
            if (!stamp.equals(configStamp)) {
                reloadConfig(stamp);
            }
        }
        return ctx.loaded();
    }

    private synchronized void reloadConfig(FileStamp stamp) {
        if (stamp.equals(configStamp)) {
            return;
        }
        LoadedConfig lastGood = ctx.loaded();
        ctx.configChanged();
        try {
            ctx.loaded();
            configStamp = stamp;
            lastConfigError = null;
            log.println("gateway: config reloaded from " + lastGood.config().path());
        } catch (RuntimeException e) {
            ctx.useLoaded(lastGood);
            configStamp = stamp;
            String message = e.getMessage();
            if (!message.equals(lastConfigError)) {
                log.println("gateway: new config rejected, keeping the last good one: " + message);
            }
            lastConfigError = message;
        }
    }

    /** Both the config and the global .env take part: a daemon's keys may live in either. */
    private FileStamp configFilesStamp() {
        FileStamp c = FileStamp.of(ctx.paths().configPath());
        FileStamp e = FileStamp.of(ctx.paths().configDir().resolve(".env"));
        return new FileStamp(c.mtime() * 31 + e.mtime(), c.size() * 31 + e.size());
    }

    public Optional<String> configError() {
        return Optional.ofNullable(lastConfigError);
    }

    /**
     * The agent a request targets. Resolutions are cached per loaded config (a new agent arrives with a config change
     * written by {@code agents add}); unknown ids are not cached, so an agent directory created later is found.
     */
    public Agents.Agent agent(String requested) {
        LoadedConfig loaded = config();
        AgentCache cache = agentCache;
        if (cache == null || cache.config() != loaded) {
            cache = new AgentCache(loaded, new ConcurrentHashMap<>());
            agentCache = cache;
        }
        String key = requested == null ? "" : requested;
        Agents.Agent hit = cache.agents().get(key);
        if (hit != null) {
            return hit;
        }
        Agents.Agent resolved = ctx.agents().resolve(requested);
        cache.agents().put(key, resolved);
        return resolved;
    }

    private record AgentCache(LoadedConfig config, Map<String, Agents.Agent> agents) {}

    private volatile AgentCache agentCache;
    /** The store repository of each agent directory (see {@link #repository}). */
    private final ConcurrentHashMap<Path, AuthStoreRepository> repositories = new ConcurrentHashMap<>();

    public AuthStoreRepository repository(Agents.Agent agent) {
        Path dir = agent.agentDir();
        if (dir == null) {
            return ctx.agents().store(agent);
        }
        // a repository is immutable and depends only on the agent's directory and this process's fixed settings;
        // building one resolved several paths on every request. Known agents only (others are rejected), so small.
        return repositories.computeIfAbsent(dir, d -> ctx.agents().store(agent));
    }

    /**
     * The agent's store as on disk now (cached while both files are unchanged). A store that stops parsing keeps the
     * last good copy in force (the CLI reports the file; the gateway must not lose its credentials over it).
     */
    public AuthStore store(Agents.Agent agent) {
        AuthStoreRepository repo = repository(agent);
        Path key = repo.profilesPath();
        long now = ctx.now();
        CachedStore cached = stores.get(key);
        if (cached != null && now - cached.checkedAt() < RECHECK_MS) {
            return cached.store();
        }
        FileStamp p = FileStamp.of(repo.profilesPath());
        FileStamp s = FileStamp.of(repo.statePath());
        if (cached != null && cached.profiles().equals(p) && cached.state().equals(s)) {
            stores.put(key, new CachedStore(p, s, cached.store(), now));
            return cached.store();
        }
        try {
            AuthStore fresh = repo.loadReadOnly().store();
            stores.put(key, new CachedStore(p, s, fresh, now));
            return fresh;
        } catch (MalformedFileException e) {
            log.println("gateway: keeping the last readable copy of a store: " + e.getMessage());
            AuthStore last = cached == null ? AuthStore.EMPTY : cached.store();
            stores.put(key, new CachedStore(p, s, last, now));
            return last;
        }
    }

    /**
     * The {@code apiKey} values of the agent's {@code models.json} by provider (cached while the file is unchanged).
     * A file that stops parsing keeps the last good keys, like a store.
     */
    public Map<String, String> modelsJsonKeys(Agents.Agent agent) {
        Path file = agent.agentDir().resolve(ModelsJsonFile.FILE_NAME);
        long now = ctx.now();
        CachedKeys cached = modelsJsonKeys.get(file);
        if (cached != null && now - cached.checkedAt() < RECHECK_MS) {
            return cached.keys();
        }
        FileStamp stamp = FileStamp.of(file);
        Map<String, String> keys;
        if (cached != null && cached.file().equals(stamp)) {
            keys = cached.keys();
        } else {
            try {
                keys = Map.copyOf(ModelsJsonFile.read(agent.agentDir()).apiKeys());
            } catch (MalformedFileException | ai.openclaw.config.ConfigException e) {
                log.println("gateway: keeping the last readable models.json keys: " + e.getMessage());
                keys = cached == null ? Map.of() : cached.keys();
            }
        }
        modelsJsonKeys.put(file, new CachedKeys(stamp, keys, now));
        return keys;
    }
}
