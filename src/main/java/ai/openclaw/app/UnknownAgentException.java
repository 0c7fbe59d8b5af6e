package ai.openclaw.app;

import java.util.List;

/** {@code --agent} named an agent that is neither configured nor present in the state directory. */
public final class UnknownAgentException extends RuntimeException {
    public UnknownAgentException(String id, List<String> known) {
        super("Unknown agent \"" + id + "\". Known agents: " + String.join(", ", known)
                + ". Add one with `openclaw agents add " + id + "`.");
    }
}
