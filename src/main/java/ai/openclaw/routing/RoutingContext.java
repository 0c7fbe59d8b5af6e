package ai.openclaw.routing;

import ai.openclaw.config.OpenClawConfig;
import ai.openclaw.env.LayeredEnv;
import ai.openclaw.oauth.refresh.RefreshCoordinator;
import ai.openclaw.providers.ProviderEndpoint;
import ai.openclaw.secrets.SecretResolver;
import ai.openclaw.store.AuthStore;
import ai.openclaw.store.AuthStoreRepository;
import java.time.Clock;
import java.util.Optional;

/**
 * What the router reads from its host (the gateway, or the one-shot {@code openclaw agent} command). Every method
 * returns the current value: the host reloads config, environment and stores when they change and keeps the last
 * good ones when a reload fails. Implementations must be thread-safe and cheap to call (they are called on every
 * request).
 */
public interface RoutingContext {
    Clock clock();

    /** The config in force (the last one that loaded without error). */
    OpenClawConfig config();

    /** The layered environment that goes with {@link #config()}. */
    LayeredEnv env();

    /** The agent requests without an agent id go to. */
    String defaultAgentId();

    /**
     * The agent's credential store as last read from disk. May lag behind writes this router made: the router keeps
     * its own recent changes on top of it until the snapshot catches up.
     */
    AuthStore store(String agentId);

    /** The agent's store on disk; failures and successes are written through it (locked read-modify-write). */
    AuthStoreRepository repository(String agentId);

    /** Resolves SecretRefs of profiles ({@code keyRef}, {@code tokenRef}, shorthands) and of the config. */
    SecretResolver secrets();

    /**
     * The {@code apiKey} values of the agent's generated {@code models.json} by normalised provider id (keys or
     * markers); empty when there is none. Hosts that do not read models.json keep the default.
     */
    default java.util.Map<String, String> modelsJsonKeys(String agentId) {
        return java.util.Map.of();
    }

    /** Where and how to call {@code provider} (normalised id); empty when the provider is unknown. */
    Optional<ProviderEndpoint> endpoint(String provider);

    /**
     * Makes OAuth profiles usable: refreshes an access token that is expired or about to expire, coordinated with
     * every other thread and process sharing the state directory. One instance per process.
     */
    RefreshCoordinator oauthRefresh();
}
