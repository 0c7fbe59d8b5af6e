package ai.openclaw.gateway;

import ai.openclaw.config.LoadedConfig;
import ai.openclaw.config.OpenClawConfig;
import ai.openclaw.env.LayeredEnv;
import ai.openclaw.providers.ProviderCatalog;
import ai.openclaw.providers.ProviderEndpoint;
import ai.openclaw.routing.RoutingContext;
import ai.openclaw.secrets.SecretResolver;
import ai.openclaw.secrets.SecretsConfig;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.AuthStoreRepository;
import java.time.Clock;
import java.util.Optional;

/**
 * Routing's view of the running gateway: the config in force and what is derived from it (provider catalog, one
 * SecretRef resolution pass per config, as OpenClaw resolves refs at startup and reload), and the agents' stores.
 * The {@code claude-cli} provider is a CLI backend ({@link CliCalls#endpoint}), whatever {@code models.providers}
 * says.
 */
final class GatewayRoutingContext implements RoutingContext {
    private final GatewayRuntime runtime;

    /** Everything derived from one loaded config, replaced as a whole when the config changes. */
    private record Derived(LoadedConfig loaded, ProviderCatalog catalog, SecretResolver secrets,
                           java.util.concurrent.ConcurrentHashMap<String, Optional<ProviderEndpoint>> endpoints) {}

    private volatile Derived derived;

    GatewayRoutingContext(GatewayRuntime runtime) {
        this.runtime = runtime;
    }

    private Derived derived() {
        LoadedConfig now = runtime.config();
        Derived d = derived;
        if (d == null || d.loaded() != now) {
            SecretsConfig secrets = SecretsConfig.fromJson(now.config().secretsNode(), runtime.context().paths().home());
            d = new Derived(now, new ProviderCatalog(now.config().models()),
                    new SecretResolver(secrets, now.env().asMap(), runtime.context().paths().home()),
                    new java.util.concurrent.ConcurrentHashMap<>());
            derived = d;
        }
        return d;
    }

    @Override
    public Clock clock() {
        return runtime.context().clock();
    }

    @Override
    public OpenClawConfig config() {
        return derived().loaded().config();
    }

    @Override
    public LayeredEnv env() {
        return derived().loaded().env();
    }

    @Override
    public String defaultAgentId() {
        return config().agents().defaultAgentId();
    }

    @Override
    public AuthStore store(String agentId) {
        return runtime.store(runtime.agent(agentId));
    }

    @Override
    public AuthStoreRepository repository(String agentId) {
        return runtime.repository(runtime.agent(agentId));
    }

    @Override
    public java.util.Map<String, String> modelsJsonKeys(String agentId) {
        return runtime.modelsJsonKeys(runtime.agent(agentId));
    }

    @Override
    public SecretResolver secrets() {
        return derived().secrets();
    }

    /** A CLI backend ({@code claude-cli}) first: its model refs are served by a local program, not over HTTP. */
    @Override
    public Optional<ProviderEndpoint> endpoint(String provider) {
        Derived d = derived();
        return d.endpoints().computeIfAbsent(provider, p -> CliCalls.endpoint(p).or(() -> d.catalog().endpoint(p)));
    }

    @Override
    public ai.openclaw.oauth.refresh.RefreshCoordinator oauthRefresh() {
        return runtime.context().oauthRefresh();
    }

    ProviderCatalog catalog() {
        return derived().catalog();
    }
}
