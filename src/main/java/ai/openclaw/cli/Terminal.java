package ai.openclaw.cli;

/**
 * Where interactive input comes from. Secrets are read with echo off on a terminal and from standard input
 * otherwise, never from argv.
 */
public interface Terminal {
    /** True when a person is at a terminal (prompts are allowed). */
    boolean interactive();

    /** Prompts with echo off on a terminal; reads standard input otherwise. Null at end of input. */
    char[] readSecret(String prompt);

    /** Prompts for a line of text on a terminal; reads a line of standard input otherwise. Null at end. */
    String readLine(String prompt);

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
