package ai.openclaw.cli;

import ai.openclaw.cli.prompt.LineInput;
import ai.openclaw.cli.prompt.RawConsole;
import java.util.Optional;

/**
 * Where interactive input comes from. Secrets are read with echo off on a terminal and from standard input
 * otherwise, never from argv.
 */
public interface Terminal extends LineInput {
    /** True when a person is at a terminal (prompts are allowed). */
    boolean interactive();

    /** Prompts with echo off on a terminal; reads standard input otherwise. Null at end of input. */
    @Override
    char[] readSecret(String prompt);

    /** Prompts for a line of text on a terminal; reads a line of standard input otherwise. Null at end. */
    @Override
    String readLine(String prompt);

    /**
     * The terminal for key-by-key prompts (arrow-key menus, masked entry), when standard input and output are a
     * terminal that can be switched to raw mode. Empty otherwise: prompts are then read line by line.
     */
    default Optional<RawConsole> rawConsole() {
        return Optional.empty();
    }

    /** Asks a yes/no question on a terminal; returns {@code defaultYes} when not interactive. */
    default boolean confirm(String question, boolean defaultYes) {
        if (!interactive()) {
            return defaultYes;
        }
        String answer = readLine(question + (defaultYes ? " [Y/n] " : " [y/N] "));
        if (answer == null || answer.isBlank()) {
            return defaultYes;
        }
        return answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y");
    }
}
