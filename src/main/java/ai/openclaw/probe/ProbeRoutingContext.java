package ai.openclaw.probe;

import ai.openclaw.config.OpenClawConfig;
import ai.openclaw.env.LayeredEnv;
import ai.openclaw.providers.ProviderCatalog;
import ai.openclaw.providers.ProviderEndpoint;
import ai.openclaw.routing.RoutingContext;
import ai.openclaw.secrets.SecretResolver;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.AuthStoreRepository;
import ai.openclaw.oauth.refresh.RefreshCoordinator;
import java.time.Clock;
import java.util.Optional;

/**
 * Routing's view of one {@code models status --probe} run: the config, environment and store snapshot the status
 * report was built from. It has no repository: probes record nothing, and asking for one is a bug.
 */
final class ProbeRoutingContext implements RoutingContext {
    private final Clock clock;
    private final OpenClawConfig config;
    private final LayeredEnv env;
    private final String agentId;
    private final AuthStore store;
    private final SecretResolver secrets;
    private final ProviderCatalog catalog;
    private final AuthStoreRepository repository;
    private final RefreshCoordinator oauthRefresh;

    /**
     * @param repository   the agent's store on disk: used only to refresh an OAuth token the probe is about to send
     *                     (a probe records no usage or cooldown)
     * @param oauthRefresh the process's refresh coordinator
     */
    ProbeRoutingContext(Clock clock, OpenClawConfig config, LayeredEnv env, String agentId, AuthStore store,
                        SecretResolver secrets, ProviderCatalog catalog, AuthStoreRepository repository,
                        RefreshCoordinator oauthRefresh) {
        this.repository = repository;
        this.oauthRefresh = oauthRefresh;
        this.clock = clock;
        this.config = config;
        this.env = env;
        this.agentId = agentId;
        this.store = store;
        this.secrets = secrets;
        this.catalog = catalog;
    }

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
        return agentId;
    }

    @Override
    public AuthStore store(String agent) {
        if (!agentId.equals(agent)) {
            throw new IllegalArgumentException("this probe run examines agent " + agentId + ", not " + agent);
        }
        return store;
    }

    @Override
    public AuthStoreRepository repository(String agent) {
        if (!agentId.equals(agent)) {
            throw new IllegalArgumentException("this probe run examines agent " + agentId + ", not " + agent);
        }
        return repository;
    }

    @Override
    public RefreshCoordinator oauthRefresh() {
        return oauthRefresh;
    }

    @Override
    public SecretResolver secrets() {
        return secrets;
    }

    @Override
    public Optional<ProviderEndpoint> endpoint(String provider) {
        return catalog.endpoint(provider);
    }
}
