package ai.openclaw.anthropic;

import java.util.Locale;

/**
 * Anthropic answers a subscription credential (a setup-token or a Claude login) used outside Claude Code with
 * "This credential is only authorized for use with Claude Code and cannot be used for other API requests." (logins
 * §3.4). That is an authentication failure of this credential (another profile may well work), and the person
 * needs to know the two ways out, which {@link #EXPLANATION} names.
 */
public final class ClaudeCodeOnly {
    private static final String MARKER = "only authorized for use with claude code";

    /** Appended to the error a caller sees; names no credential value. */
    public static final String EXPLANATION = "Anthropic accepts this credential (a Claude subscription setup-token "
            + "or login) only from Claude Code. Either add an Anthropic API key "
            + "(`openclaw models auth paste-api-key --provider anthropic`) or use the Claude CLI backend "
            + "(`claude-cli/<model>` models, e.g. claude-cli/claude-opus-4-6).";

    private ClaudeCodeOnly() {}

    /** True when an upstream error message is Anthropic's "only authorized for use with Claude Code". */
    public static boolean matches(String upstreamMessage) {
        return upstreamMessage != null && upstreamMessage.toLowerCase(Locale.ROOT).contains(MARKER);
    }
}
