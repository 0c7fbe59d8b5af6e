package ai.openclaw.sessions;

import java.util.Optional;

/** What the directives need to know about an agent's credentials. */
public interface AuthOverview {
    /** The normalised provider of the agent's stored profile {@code profileId}; empty when it does not exist. */
    Optional<String> profileProvider(String agentId, String profileId);

    /** The agent's credential report for {@code /model status} (may resolve secret refs: only called for it). */
    AuthStatus status(String agentId);
}
