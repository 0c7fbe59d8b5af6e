package ai.openclaw.doctor;

/**
 * One thing {@code openclaw doctor} noticed.
 *
 * @param scope    what it is about: {@code config}, {@code state}, or {@code agent <id>}
 * @param severity how much it matters
 * @param message  what is wrong (names files and profile ids, never secret values)
 * @param repair   what {@code --fix} does about it, or null when a person has to act
 */
public record Finding(String scope, Severity severity, String message, Repair repair) {
    public enum Severity {
        /** Needs action: something does not work or is unsafe. */
        PROBLEM,
        /** Worth knowing, nothing is broken yet (expiring tokens, cooldowns). */
        NOTICE
    }

    /** A repair {@code --fix} can apply; {@link #apply()} returns a line describing what was done. */
    public interface Repair {
        String description();

        String apply();
    }

    /** A repair that failed for a reason it explains; the message is written for the user and holds no secret. */
    public static final class RepairFailed extends RuntimeException {
        public RepairFailed(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Refreshing an OAuth token calls the provider, unlike the file repairs: it is asked for separately on a
     * terminal ("Refresh expiring OAuth tokens now?") and never done with {@code --non-interactive} (L§4.7).
     * {@link #apply()} throws {@link RepairFailed} with the refresh's message (what failed, how to recover) when the
     * refresh fails.
     */
    public record OAuthRefresh(String profileId, String description, java.util.function.Supplier<String> action)
            implements Repair {
        @Override
        public String apply() {
            return action.get();
        }
    }

    public static Repair repair(String description, java.util.function.Supplier<String> action) {
        return new Repair() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public String apply() {
                return action.get();
            }
        };
    }
}
