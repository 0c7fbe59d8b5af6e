package ai.openclaw.gateway;

import ai.openclaw.app.Agents;
import ai.openclaw.app.AppContext;
import ai.openclaw.core.Secret;
import java.io.PrintWriter;
import java.security.SecureRandom;

/**
 * Starts the gateway: settles its settings (generating a token on the first start when none is configured),
 * refuses to listen beyond loopback without auth, starts the server and says how to use it.
 */
public final class Gateway implements AutoCloseable {
    /** How long a stop waits for in-flight requests. */
    public static final long DRAIN_MS = 30_000;

    private final GatewayServer server;
    private final GatewaySettings settings;
    private final Runnable onClose;

    private Gateway(GatewayServer server, GatewaySettings settings, Runnable onClose) {
        this.server = server;
        this.settings = settings;
        this.onClose = onClose;
    }

    /** Thrown when the gateway must not start; the message says how to fix it. */
    public static final class RefusedException extends RuntimeException {
        public RefusedException(String message) {
            super(message);
        }
    }

    /**
     * @param calls   the model-call endpoint implementation
     * @param onClose run after the server stopped (flush state writers)
     */
    public static Gateway start(AppContext ctx, GatewayRuntime runtime, Integer port, String bind,
                                ModelCalls calls, GatewayMetrics metrics, Runnable onClose, PrintWriter out)
            throws Exception {
        GatewaySettings settings = GatewaySettings.from(runtime.config().config().gatewayNode(),
                runtime.config().env(), port, bind);
        boolean generated = false;
        if (settings.mode() == GatewaySettings.AuthMode.UNSET) {
            Secret token = TokenBootstrap.generateAndSave(ctx, new SecureRandom());
            settings = settings.withSecret(GatewaySettings.AuthMode.TOKEN, token);
            generated = true;
        }
        if (!settings.loopbackOnly() && settings.mode() == GatewaySettings.AuthMode.NONE) {
            throw new RefusedException("Refusing to listen on " + settings.bindHost() + " without gateway auth: "
                    + "anyone on the network could spend your provider credentials. Set gateway.auth.mode to "
                    + "\"token\" with gateway.auth.token in " + ctx.paths().configPath()
                    + " (or export OPENCLAW_GATEWAY_TOKEN), or bind to loopback (--bind loopback).");
        }
        GatewayAuth auth = new GatewayAuth(settings.secret());
        BackgroundLines accessLines = new BackgroundLines(ctx.err());
        GatewayHandler handler = new GatewayHandler(runtime, auth, calls, metrics, new AccessLog(accessLines::add));
        GatewayServer server = new GatewayServer(settings.bindHost(), settings.port(), handler, DRAIN_MS);
        try {
            server.start();
        } catch (Exception | Error e) {
            accessLines.close();
            throw e;
        }
        Runnable closeAll = () -> {
            try {
                onClose.run();
            } finally {
                try {
                    accessLines.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Gateway gateway = new Gateway(server, settings.withSecret(settings.mode(), settings.secret()), closeAll);
        gateway.banner(ctx, runtime, generated, out);
        return gateway;
    }

    private void banner(AppContext ctx, GatewayRuntime runtime, boolean generated, PrintWriter out) {
        String base = "http://" + (settings.bindHost().equals("0.0.0.0") ? "127.0.0.1" : settings.bindHost()) + ":"
                + port();
        out.println("openclaw gateway listening on http://" + settings.bindHost() + ":" + port()
                + " (auth: " + settings.mode().wireName() + ")");
        String config = ctx.paths().configPath().toString();
        if (generated) {
            out.println("Generated a gateway token and saved it in " + config + " (gateway.auth.token).");
        }
        if (settings.mode() == GatewaySettings.AuthMode.TOKEN) {
            out.println("Read the token with: jq -r .gateway.auth.token " + config
                    + "   (or set OPENCLAW_GATEWAY_TOKEN)");
        }
        Agents.Agent agent = runtime.agent(null);
        int profiles = runtime.store(agent).profiles().size();
        if (profiles == 0) {
            out.println("No credentials stored for agent \"" + agent.id() + "\" yet. Add one with "
                    + "`openclaw models auth paste-api-key --provider <id>` (or paste-token), or put "
                    + "<PROVIDER>_API_KEY=... in " + ctx.paths().configDir().resolve(".env") + ".");
        } else {
            out.println("Agent \"" + agent.id() + "\": " + profiles + " stored profile" + (profiles == 1 ? "" : "s")
                    + "; `openclaw models status` shows them.");
        }
        String auth = settings.mode() == GatewaySettings.AuthMode.NONE ? ""
                : " -H \"Authorization: Bearer $(jq -r .gateway.auth.token " + config + ")\"";
        out.println("Try: curl -s " + base + "/v1/chat/completions" + auth
                + " -H 'content-type: application/json' -d '{\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}'");
        out.flush();
    }

    public int port() {
        return server.port();
    }

    public GatewaySettings settings() {
        return settings;
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            onClose.run();
        }
    }
}
