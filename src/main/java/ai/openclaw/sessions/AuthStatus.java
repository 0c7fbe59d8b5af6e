package ai.openclaw.sessions;

import ai.openclaw.status.StatusReport;
import java.util.Map;
import java.util.Objects;

/**
 * An agent's credentials as {@code models status} reports them, plus the last profile that worked per provider
 * ({@code auth-state.json} {@code lastGood}), which the report does not carry.
 *
 * @param lastGood normalised provider id to profile id
 */
public record AuthStatus(StatusReport report, Map<String, String> lastGood) {
    public AuthStatus {
        Objects.requireNonNull(report, "report");
        lastGood = lastGood == null ? Map.of() : Map.copyOf(lastGood);
    }
}
