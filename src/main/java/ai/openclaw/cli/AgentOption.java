package ai.openclaw.cli;

import picocli.CommandLine.Option;

/** {@code --agent <id>}: which agent's store a command works on (default: the configured default agent). */
public final class AgentOption {
    @Option(names = "--agent", paramLabel = "<id>", description = "Agent id (default: the configured default agent).")
    String agent;

    public String value() {
        return agent;
    }
}
