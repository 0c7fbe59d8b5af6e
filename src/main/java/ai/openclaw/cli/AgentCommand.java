package ai.openclaw.cli;

import ai.openclaw.app.AppContext;
import ai.openclaw.gateway.GatewayAssembly;
import ai.openclaw.gateway.OneShot;
import ai.openclaw.json.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(name = "agent", mixinStandardHelpOptions = true,
        description = {"Send one message through the gateway's routing (credential choice, rotation, fallbacks),",
                "in process, and stream the answer to stdout. On failure the reasons of every candidate are printed",
                "and the exit status is 1."},
        footer = {"", "Example: openclaw agent --message 'Say hi' --model anthropic/claude-opus-4-6"})
public final class AgentCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "<text>", description = "The message to send.")
    String message;

    @Option(names = "--model", paramLabel = "<ref>",
            description = "provider/model or alias, optionally @<profileId> (default: the agent's model).")
    String model;

    @Option(names = "--agent", paramLabel = "<id>", description = "Agent id (default: the default agent).")
    String agent;

    @Option(names = "--session-key", paramLabel = "<key>", description = "Session whose /model selection applies.")
    String sessionKey;

    @Option(names = "--json", description = "Print the whole answer (OpenAI chat.completion JSON) instead of text.")
    boolean json;

    public AgentCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        try (GatewayAssembly parts = new GatewayAssembly(ctx, ctx.err())) {
            OneShot.Result r = OneShot.run(parts.calls(), agent, sessionKey, model, message, !json, ctx.out());
            if (json && r.response() != null) {
                ctx.out().print(Json.pretty(r.response()));
            }
            if (r.status() == 200) {
                if (!json) {
                    ctx.err().println("(" + r.model() + " via " + r.credential() + ")");
                }
                return 0;
            }
            ctx.err().println("Error " + r.status() + ": " + (r.errorMessage() == null ? "no answer" : r.errorMessage()));
            JsonNode attempts = r.response() == null ? null : r.response().path("error").path("attempts");
            if (attempts != null && attempts.isArray()) {
                for (JsonNode a : attempts) {
                    ctx.err().println("- " + a.path("model").asString("") + " " + a.path("credential").asString("")
                            + ": " + a.path("outcome").asString("") + (a.has("reason") ? " (" + a.path("reason")
                            .asString("") + ")" : "") + (a.has("remainingMs") ? " cooldown "
                            + ai.openclaw.core.Durations.remaining(a.path("remainingMs").asLong()) : ""));
                }
            }
            return 1;
        }
    }
}
