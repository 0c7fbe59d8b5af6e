package ai.openclaw.cli.prompt;

import java.util.Optional;

/** Checks an answer; a problem is shown to the person, who is asked again. */
@FunctionalInterface
public interface Validator {
    /**
     * @param value the stripped answer (for a text prompt with a default, the default when nothing was typed)
     * @return what is wrong with it, in words that never repeat a secret value; empty when it is acceptable
     */
    Optional<String> problem(String value);

    /** Accepts anything, including an empty answer. */
    static Validator any() {
        return v -> Optional.empty();
    }

    /** Refuses an empty answer with "Required". */
    static Validator required() {
        return v -> v.isEmpty() ? Optional.of("Required") : Optional.empty();
    }

    /** This check after {@link #required()}. */
    default Validator afterRequired() {
        return v -> v.isEmpty() ? Optional.of("Required") : problem(v);
    }
}
