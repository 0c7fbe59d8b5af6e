package ai.openclaw.routing;

import ai.openclaw.testing.SettableClock;

import ai.openclaw.config.ConfigLoader;
import ai.openclaw.config.OpenClawConfig;
import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.ProfileMeta;
import ai.openclaw.env.LayeredEnv;
import ai.openclaw.fs.FileLockManager;
import ai.openclaw.json.Json;
import ai.openclaw.oauth.refresh.AgentStores;
import ai.openclaw.oauth.refresh.RefreshCoordinator;
import ai.openclaw.oauth.refresh.RefreshOptions;
import ai.openclaw.oauth.refresh.RefresherRegistry;
import ai.openclaw.paths.StatePaths;
import ai.openclaw.providers.ApiKind;
import ai.openclaw.providers.ProviderEndpoint;
import ai.openclaw.secrets.SecretRef;
import ai.openclaw.secrets.SecretResolver;
import ai.openclaw.secrets.SecretsConfig;
import ai.openclaw.store.AuthState;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.AuthStoreRepository;
import ai.openclaw.store.UsageStats;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * A real {@link RoutingContext} over a temp state directory: config parsed from JSON5 text, a hand-made environment,
 * real store files. By default {@link #store} reads the files on every call (a host that reloads at once);
 * {@link #freezeSnapshots()} makes it hand out what was on disk at that moment (a host that has not reloaded yet).
 */
final class RoutingFixture implements RoutingContext, AutoCloseable {
    static final long NOW = 1_750_000_000_000L;
    static final String MAIN = "main";

    final SettableClock clock = new SettableClock(NOW);
    final Path home;
    final Path stateDir;
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final List<Long> pauses = new CopyOnWriteArrayList<>();
    private final FileLockManager locks = new FileLockManager(Clock.systemUTC(), ProcessHandle.current().pid());
    private final Map<String, AuthStoreRepository> repositories = new ConcurrentHashMap<>();
    private final Map<String, String> envVars = new LinkedHashMap<>();
    private final Map<String, String> modelsJson = new ConcurrentHashMap<>();
    private final Set<String> localProviders = new HashSet<>();
    private final Set<String> unknownProviders = new HashSet<>();
    private final Map<String, AuthStore> frozen = new ConcurrentHashMap<>();
    private final List<Router> routers = new ArrayList<>();
    private volatile boolean freeze;
    private volatile String configText = "{}";
    private volatile OpenClawConfig config;
    private volatile LayeredEnv env;
    private volatile SecretResolver secrets;
    private volatile RefresherRegistry refreshers = RefresherRegistry.EMPTY;
    private volatile RefreshCoordinator oauthRefresh;

    RoutingFixture(Path root) {
        this.home = root.resolve("home");
        this.stateDir = home.resolve(".openclaw");
        rebuild();
    }

    RoutingFixture config(String json5) {
        configText = json5;
        rebuild();
        return this;
    }

    RoutingFixture env(String name, String value) {
        envVars.put(name, value);
        rebuild();
        return this;
    }

    /** {@code providers.<provider>.apiKey} of the main agent's models.json. */
    RoutingFixture modelsJsonKey(String provider, String apiKey) {
        modelsJson.put(provider, apiKey);
        return this;
    }

    RoutingFixture local(String provider) {
        localProviders.add(provider);
        return this;
    }

    RoutingFixture unknown(String provider) {
        unknownProviders.add(provider);
        return this;
    }

    private void rebuild() {
        env = LayeredEnv.ofProcess(Map.copyOf(envVars));
        StatePaths paths = StatePaths.resolve(Map.of(), home);
        config = ConfigLoader.parse(paths.configPath(), configText, env, paths);
        secrets = new SecretResolver(SecretsConfig.EMPTY, env.asMap(), home);
    }

    RoutingFixture profile(String id, Credential credential) {
        return profile(MAIN, id, credential);
    }

    RoutingFixture profile(String agentId, String id, Credential credential) {
        repository(agentId).update(s -> s.withProfile(id, credential));
        return this;
    }

    RoutingFixture state(UnaryOperator<AuthState> change) {
        repository(MAIN).update(s -> s.withStateChange(change));
        return this;
    }

    /** The token refreshers of this fixture's {@link #oauthRefresh()} (none by default). */
    RoutingFixture refreshers(RefresherRegistry registry) {
        this.refreshers = registry;
        this.oauthRefresh = null;
        return this;
    }

    /** From now on {@link #store} returns what is on disk now, until {@link #thaw()}. */
    RoutingFixture freezeSnapshots() {
        frozen.clear();
        freeze = true;
        return this;
    }

    RoutingFixture thaw() {
        freeze = false;
        frozen.clear();
        return this;
    }

    /** A router whose writer only writes on {@link Router#flush()} (its coalescing pause is an hour). */
    Router router() {
        return router(Duration.ofHours(1));
    }

    Router router(Duration coalesce) {
        Router r = new Router(this, coalesce, warnings::add, pauses::add);
        routers.add(r);
        return r;
    }

    AuthState stateOnDisk() {
        return stateOnDisk(MAIN);
    }

    AuthState stateOnDisk(String agentId) {
        return repository(agentId).loadReadOnly().store().state();
    }

    UsageStats statsOnDisk(String profileId) {
        return stateOnDisk().stats(profileId);
    }

    JsonNode stateFile() {
        return Json.read(repository(MAIN).statePath()).orElse(null);
    }

    static Credential key(String provider, String value) {
        return ApiKeyCredential.of(provider, Secret.of(value));
    }

    static Credential keyRef(String provider, String envVar) {
        return new ApiKeyCredential(provider, null, new SecretRef(SecretRef.Source.ENV, "default", envVar), Map.of(),
                ProfileMeta.EMPTY);
    }

    static Credential oauth(String provider, String access, Long expires) {
        return new OAuthCredential(provider, Secret.ofNullable(access), Secret.of("refresh-" + provider), null,
                expires, null, null, null, null, null, null, ProfileMeta.EMPTY);
    }

    // ---------------------------------------------------------------- RoutingContext

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public OpenClawConfig config() {
        return config;
    }

    @Override
    public LayeredEnv env() {
        return env;
    }

    @Override
    public String defaultAgentId() {
        return MAIN;
    }

    @Override
    public AuthStore store(String agentId) {
        if (freeze) {
            return frozen.computeIfAbsent(agentId, a -> repository(a).loadReadOnly().store());
        }
        return repository(agentId).loadReadOnly().store();
    }

    @Override
    public AuthStoreRepository repository(String agentId) {
        return repositories.computeIfAbsent(agentId, a -> new AuthStoreRepository(
                stateDir.resolve("agents").resolve(a).resolve("agent"), stateDir.resolve("credentials"), locks, clock,
                false));
    }

    @Override
    public Map<String, String> modelsJsonKeys(String agentId) {
        return MAIN.equals(agentId) ? Map.copyOf(modelsJson) : Map.of();
    }

    @Override
    public SecretResolver secrets() {
        return secrets;
    }

    @Override
    public Optional<ProviderEndpoint> endpoint(String provider) {
        if (unknownProviders.contains(provider)) {
            return Optional.empty();
        }
        boolean local = localProviders.contains(provider);
        return Optional.of(new ProviderEndpoint(provider, local ? "http://127.0.0.1:11434/v1"
                : "https://api." + provider + ".example/v1", ApiKind.OPENAI_COMPLETIONS, Map.of(), false,
                Duration.ofSeconds(30), local));
    }

    @Override
    public synchronized RefreshCoordinator oauthRefresh() {
        if (oauthRefresh == null) {
            AgentStores stores = new AgentStores() {
                @Override
                public AuthStoreRepository main() {
                    return repository(MAIN);
                }

                @Override
                public List<AuthStoreRepository> all() {
                    return List.copyOf(repositories.values());
                }
            };
            oauthRefresh = new RefreshCoordinator(locks, clock, stateDir, refreshers, stores, RefreshOptions.DEFAULTS,
                    warnings::add);
        }
        return oauthRefresh;
    }

    @Override
    public void close() {
        routers.forEach(Router::close);
    }
}
