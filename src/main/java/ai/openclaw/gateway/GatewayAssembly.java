package ai.openclaw.gateway;

import ai.openclaw.app.AppContext;
import ai.openclaw.clibackend.ClaudeCliRunner;
import ai.openclaw.models.ModelSelection;
import ai.openclaw.routing.ModelRequest;
import ai.openclaw.routing.ModelRequestParser;
import ai.openclaw.routing.ModelResolver;
import ai.openclaw.routing.ModelSelectionException;
import ai.openclaw.routing.Router;
import ai.openclaw.secrets.SecretResolver;
import ai.openclaw.sessions.ConfigAgentModels;
import ai.openclaw.sessions.DirectiveHandler;
import ai.openclaw.sessions.ModelChoice;
import ai.openclaw.sessions.ProviderEndpoints;
import ai.openclaw.sessions.SessionStores;
import ai.openclaw.sessions.StatusAuthOverview;
import ai.openclaw.upstream.UpstreamClient;
import ai.openclaw.upstream.UpstreamErrors;
import ai.openclaw.upstream.UpstreamRequestFactory;
import java.io.PrintWriter;

/** Wires the gateway's parts for one process: runtime, router, upstream client, sessions, metrics. */
public final class GatewayAssembly implements AutoCloseable {
    private final GatewayRuntime runtime;
    private final GatewayRoutingContext routing;
    private final Router router;
    private final UpstreamClient upstream;
    private final GatewayMetrics metrics;
    private final ModelCallService calls;
    private final CliCalls cli;
    private volatile FactoryCache factory;

    private record FactoryCache(SecretResolver secrets, UpstreamRequestFactory factory) {}
    private final java.util.concurrent.ScheduledExecutorService watcher =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "gateway-disconnect-watch");
                t.setDaemon(true);
                return t;
            });

    public GatewayAssembly(AppContext ctx, PrintWriter log) {
        this.runtime = new GatewayRuntime(ctx, log);
        this.routing = new GatewayRoutingContext(runtime);
        this.router = new Router(routing, w -> log.println("gateway: " + w));
        this.upstream = new UpstreamClient();
        this.metrics = new GatewayMetrics(this::activeCooldowns);
        SessionStores sessions = new SessionStores(ctx.paths().stateDir(), ctx.locks(), ctx.clock());
        ConfigAgentModels models = new ConfigAgentModels(() -> runtime.config().config());
        ProviderEndpoints endpoints = provider -> routing.endpoint(provider)
                .map(e -> new ProviderEndpoints.EndpointInfo(e.baseUrl(), e.api().wireName()));
        DirectiveHandler directives = new DirectiveHandler(sessions, models, (agentId, ref) -> {
            try {
                ModelRequest r = ModelRequestParser.parse(ref);
                ModelSelection selection = models.selection(agentId);
                return new ModelChoice.Selected(ModelResolver.resolve(r.model(), selection), r.profileId());
            } catch (ModelSelectionException e) {
                return new ModelChoice.Rejected(e.getMessage());
            }
        }, new StatusAuthOverview(ctx), endpoints);
        DisconnectWatch.Poller poller = new DisconnectWatch.Poller(watcher);
        this.cli = new CliCalls(runtime, new ClaudeCliRunner(ctx.paths().home()), sessions, metrics, poller, log);
        this.calls = new ModelCallService(runtime, router, upstream,
                this::requestFactory, new UpstreamErrors(ctx.clock()), sessions,
                directives, metrics, poller, cli);
    }

    /**
     * The request factory for the resolver in force. The factory holds nothing but the resolver, and the routing
     * context replaces the resolver when the config changes, so one factory serves every attempt until then.
     */
    private UpstreamRequestFactory requestFactory() {
        SecretResolver secrets = routing.secrets();
        FactoryCache c = factory;
        if (c == null || c.secrets() != secrets) {
            c = new FactoryCache(secrets, new UpstreamRequestFactory(secrets));
            factory = c;
        }
        return c.factory();
    }

    public GatewayRuntime runtime() {
        return runtime;
    }

    public ModelCalls calls() {
        return calls;
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    public Router router() {
        return router;
    }

    private int activeCooldowns() {
        try {
            // the router's view includes failures not yet written to auth-state.json
            var agent = runtime.agent(null);
            return ai.openclaw.auth.Cooldowns.active(router.store(agent.id()), runtime.context().now()).size();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Kills CLI runs still in progress, writes pending usage/cooldown state and closes the upstream pool. */
    @Override
    public void close() {
        try {
            cli.close();
            router.close();
        } finally {
            watcher.shutdownNow();
            upstream.close();
        }
    }
}
