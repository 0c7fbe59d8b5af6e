package ai.openclaw.probe;

import ai.openclaw.app.Agents;
import ai.openclaw.app.AppContext;
import ai.openclaw.config.ModelsJsonFile;
import ai.openclaw.config.OpenClawConfig;
import ai.openclaw.env.LayeredEnv;
import ai.openclaw.providers.ProviderCatalog;
import ai.openclaw.routing.ProbeRoute;
import ai.openclaw.secrets.SecretResolver;
import ai.openclaw.secrets.SecretsConfig;
import ai.openclaw.status.StatusReport;
import ai.openclaw.store.AuthStore;
import ai.openclaw.upstream.UpstreamClient;
import ai.openclaw.upstream.UpstreamClientSettings;
import ai.openclaw.upstream.UpstreamErrors;
import ai.openclaw.upstream.UpstreamRequestFactory;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * {@code models status --probe}: plans the rows from a status report ({@link ProbeTargets}) and probes them
 * ({@link Prober}) over a private upstream client that lives as long as the run.
 */
public final class ProbeService {
    /** Connecting never takes longer than this, and never longer than the probe timeout. */
    private static final Duration MAX_CONNECT = Duration.ofSeconds(10);

    private final AppContext ctx;
    private final LongSupplier nanoTime;

    /** @param nanoTime a monotonic time source in nanoseconds, for latencies and the run's duration */
    public ProbeService(AppContext ctx, LongSupplier nanoTime) {
        this.ctx = ctx;
        this.nanoTime = nanoTime;
    }

    /**
     * @param report the status report of {@code agent}, built from {@code store}
     * @param store  the snapshot of the agent's store the report describes
     */
    public ProbeSummary run(Agents.Agent agent, StatusReport report, AuthStore store, ProbeOptions options,
                            Prober.Progress progress) {
        OpenClawConfig config = ctx.config();
        LayeredEnv env = ctx.loaded().env();
        ProbePlan plan = ProbeTargets.plan(report.providers(), report.models(), config.models(), env,
                ModelsJsonFile.read(agent.agentDir()).apiKeys(), options);
        SecretResolver secrets = new SecretResolver(SecretsConfig.fromJson(config.secretsNode(), ctx.paths().home()),
                env.asMap(), ctx.paths().home());
        ProviderCatalog catalog = new ProviderCatalog(config.models());
        ProbeRoute route = new ProbeRoute(new ProbeRoutingContext(ctx.clock(), config, env, agent.id(), store,
                secrets, catalog, ctx.agents().store(agent), ctx.oauthRefresh()));
        Duration timeout = Duration.ofMillis(options.timeoutMs());
        UpstreamClientSettings settings = UpstreamClientSettings.DEFAULTS
                .withConnectTimeout(timeout.compareTo(MAX_CONNECT) < 0 ? timeout : MAX_CONNECT)
                .withPool(UpstreamClientSettings.DEFAULTS.maxConnectionsPerRoute(),
                        UpstreamClientSettings.DEFAULTS.maxConnectionsTotal(), timeout);
        try (UpstreamClient client = new UpstreamClient(settings)) {
            ProbeCall call = new ProbeCall(client, new UpstreamRequestFactory(secrets), new UpstreamErrors(ctx.clock()),
                    timeout, options.maxTokens());
            return new Prober(route, call, catalog::problem, agent.id(), ctx.clock(), nanoTime)
                    .run(plan, options, progress);
        }
    }
}
