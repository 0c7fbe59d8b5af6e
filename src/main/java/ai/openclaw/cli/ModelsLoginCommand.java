package ai.openclaw.cli;

import ai.openclaw.app.AppContext;
import ai.openclaw.core.ProviderIds;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Log in to a provider and store its credential.",
                "anthropic --method cli: reuse the login of the Claude CLI (claude must be",
                "installed and logged in) as the profile anthropic:claude-cli; the Claude",
                "CLI keeps owning it, and `models status` / `doctor` re-read it."},
        footer = {"", "Example:", "  openclaw models auth login --provider anthropic --method cli --set-default"})
public final class ModelsLoginCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Mixin
    AgentOption agent;

    @Option(names = "--provider", required = true, paramLabel = "<id>", description = "Provider id, e.g. anthropic.")
    String provider;

    @Option(names = "--method", paramLabel = "<id>", description = "Login method (anthropic: cli).")
    String method;

    @Option(names = "--set-default",
            description = "Also make the login's model the default (anthropic: anthropic/claude-opus-4-6).")
    boolean setDefault;

    public ModelsLoginCommand(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return dispatch(ProviderIds.normalize(provider));
    }

    /** One line per provider's login flow; each flow lives in its own class. */
    private int dispatch(String normalizedProvider) {
        return switch (normalizedProvider) {
            case "anthropic" -> new ClaudeCliLogin(ctx).run(agent.value(), method, setDefault);
            default -> throw new UserError("Unknown provider \"" + provider.strip() + "\" for models auth login. "
                    + "Supported: anthropic (--method cli). For an API key use `openclaw models auth paste-api-key "
                    + "--provider <id>`.");
        };
    }
}
