package ai.openclaw.probe;

import ai.openclaw.config.OpenClawConfig;
import ai.openclaw.env.LayeredEnv;
import ai.openclaw.providers.ProviderCatalog;
import ai.openclaw.providers.ProviderEndpoint;
import ai.openclaw.routing.RoutingContext;
import ai.openclaw.secrets.SecretResolver;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.AuthStoreRepository;
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

    ProbeRoutingContext(Clock clock, OpenClawConfig config, LayeredEnv env, String agentId, AuthStore store,
                        SecretResolver secrets, ProviderCatalog catalog) {
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
        throw new UnsupportedOperationException("probes record nothing: no repository");
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
