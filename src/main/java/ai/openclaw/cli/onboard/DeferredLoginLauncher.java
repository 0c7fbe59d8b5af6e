package ai.openclaw.cli.onboard;

import ai.openclaw.app.Agents;
import java.io.PrintWriter;
import java.util.Objects;

/** Until the login flows are wired in: says which command finishes the login, and stores nothing. */
final class DeferredLoginLauncher implements LoginLauncher {
    static final String CODEX_COMMAND = "openclaw models auth login --provider openai-codex";
    static final String CLAUDE_CLI_COMMAND = "openclaw models auth login --provider anthropic --method cli";

    private final PrintWriter out;

    DeferredLoginLauncher(PrintWriter out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public LoginOutcome codexBrowserLogin(Agents.Agent agent) {
        return defer(CODEX_COMMAND, agent);
    }

    @Override
    public LoginOutcome claudeCliLogin(Agents.Agent agent) {
        return defer(CLAUDE_CLI_COMMAND, agent);
    }

    private LoginOutcome defer(String command, Agents.Agent agent) {
        out.println("Run `" + command + "` to finish this login.");
        return LoginOutcome.pending(command);
    }
}
