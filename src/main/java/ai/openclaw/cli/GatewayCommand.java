package ai.openclaw.cli;

import ai.openclaw.app.AppContext;
import ai.openclaw.gateway.Gateway;
import ai.openclaw.gateway.GatewayAssembly;
import ai.openclaw.gateway.HeapHousekeeping;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = {"Run the gateway: serves model calls (OpenAI- and Anthropic-compatible HTTP APIs) with the",
                "agents' stored credentials. Stops gracefully on SIGTERM/Ctrl-C (in-flight requests are drained)."},
        footer = {"", "Endpoints: POST /v1/chat/completions, POST /v1/messages, GET /v1/models, GET /health, GET /metrics",
                "Example: openclaw gateway --port 18789 --bind loopback"})
public final class GatewayCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Parameters(arity = "0..1", paramLabel = "run", description = "Optional verb `run` (the default).")
    String verb;

    @Option(names = "--port", paramLabel = "<n>", description = "Port (default: gateway.port or 18789).")
    Integer port;

    @Option(names = "--bind", paramLabel = "loopback|lan|<address>",
            description = "Address to listen on (default: gateway.bind or loopback).")
    String bind;

    public GatewayCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (verb != null && !verb.equals("run")) {
            throw new UserError("Unknown gateway verb \"" + verb + "\"; use `openclaw gateway` or `openclaw gateway run`.");
        }
        GatewayAssembly parts = new GatewayAssembly(ctx, ctx.err());
        Gateway gateway;
        try {
            gateway = Gateway.start(ctx, parts.runtime(), port, bind, parts.calls(), parts.metrics(), parts::close,
                    ctx.out());
        } catch (Gateway.RefusedException e) {
            parts.close();
            throw new UserError(e.getMessage());
        }
        AutoCloseable housekeeping = HeapHousekeeping.startDaemon(ctx.clock());
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            ctx.err().println("gateway: stopping (draining in-flight requests)");
            try (housekeeping) {
                gateway.close();
            } catch (Exception e) {
                ctx.err().println("gateway: stop failed: " + e.getClass().getSimpleName());
            }
            stopped.countDown();
        }, "gateway-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        gateway.join();
        stopped.await();
        return 0;
    }
}
