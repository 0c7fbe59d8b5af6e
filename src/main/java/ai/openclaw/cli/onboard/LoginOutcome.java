package ai.openclaw.cli.onboard;

import java.util.List;
import java.util.Objects;

/**
 * How a handed-over login ended.
 *
 * @param completed  true when credentials were stored; false when the person still has to run {@code command}
 * @param command    the command that performs (or finishes) this login
 * @param profileIds the profiles the login stored (empty when not completed)
 */
public record LoginOutcome(boolean completed, String command, List<String> profileIds) {
    public LoginOutcome {
        Objects.requireNonNull(command, "command");
        profileIds = List.copyOf(profileIds);
    }

    public static LoginOutcome pending(String command) {
        return new LoginOutcome(false, command, List.of());
    }
}
