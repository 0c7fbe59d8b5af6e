package ai.openclaw.claudecli;

/** The one sentence that tells a person how to renew the Claude CLI's login, shared by every surface. */
public final class ClaudeCliRenewal {
    /** Shown when the Claude CLI's login (or the {@code anthropic:claude-cli} profile copied from it) expired. */
    public static final String HINT = "Run `claude` on the gateway host to renew the Claude CLI login (or "
            + "`claude auth login` if it asks you to log in again); OpenClaw picks up the new token by itself.";

    /** Shown when the Claude CLI has no login at all. */
    public static final String LOG_IN = "Run `claude` on the gateway host and log in (or `claude auth login`).";

    private ClaudeCliRenewal() {}
}
