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
