package ai.openclaw.cli;

import ai.openclaw.app.Agents;
import ai.openclaw.app.AppContext;
import ai.openclaw.cli.onboard.LoginLauncher;
import ai.openclaw.cli.onboard.LoginOutcome;
import java.util.List;

/**
 * Onboarding's logins, run exactly as {@code openclaw models auth login} runs them (same flow, same output, same
 * storage), for the agent being onboarded. A login that fails reports its error and leaves the rest of onboarding
 * in place; the outcome then names the command to run again.
 */
final class CommandLoginLauncher implements LoginLauncher {
    static final String CODEX_COMMAND = "openclaw models auth login --provider openai-codex";
    static final String CLAUDE_CLI_COMMAND = "openclaw models auth login --provider anthropic --method cli";

    private final AppContext ctx;

    CommandLoginLauncher(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public LoginOutcome codexBrowserLogin(Agents.Agent agent) {
        return run(agent, "openai-codex", null, CODEX_COMMAND);
    }

    @Override
    public LoginOutcome claudeCliLogin(Agents.Agent agent) {
        return run(agent, "anthropic", "cli", CLAUDE_CLI_COMMAND);
    }

    private LoginOutcome run(Agents.Agent agent, String provider, String method, String command) {
        ModelsLoginCommand login = new ModelsLoginCommand(ctx);
        login.agent = new AgentOption();
        login.agent.agent = agent.id();
        login.provider = provider;
        login.method = method;
        try {
            login.call();
        } catch (UserError e) {
            ctx.err().println("Error: " + e.getMessage());
            ctx.out().println("Run `" + command + "` to finish this login.");
            return LoginOutcome.pending(command);
        }
        return new LoginOutcome(true, command, login.storedProfileIds());
    }
}
