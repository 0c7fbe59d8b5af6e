package ai.openclaw.cli.onboard;

import ai.openclaw.app.Agents;

/**
 * The login flows onboarding hands over to: they run after the wizard's questions, with the terminal back in its
 * normal mode, and store what they obtain themselves. The command's implementation runs
 * {@code openclaw models auth login} in process.
 */
public interface LoginLauncher {
    /** The OpenAI Codex (ChatGPT) browser login: {@code openclaw models auth login --provider openai-codex}. */
    LoginOutcome codexBrowserLogin(Agents.Agent agent);

    /** The Claude CLI login: {@code openclaw models auth login --provider anthropic --method cli}. */
    LoginOutcome claudeCliLogin(Agents.Agent agent);
}
