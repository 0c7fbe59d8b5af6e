package ai.openclaw.cli.prompt;

import java.util.Objects;

/**
 * One option of a {@link Prompter#select select}.
 *
 * @param label what the option is called
 * @param hint  a short explanation shown beside it, or null
 */
public record Choice(String label, String hint) {
    public Choice {
        Objects.requireNonNull(label, "label");
    }

    public static Choice of(String label) {
        return new Choice(label, null);
    }
}
