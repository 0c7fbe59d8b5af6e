package ai.openclaw.cli.prompt;

/** Line-at-a-time input: a console in its normal (cooked) mode, or standard input. */
public interface LineInput {
    /** Prompts for a line of text (the prompt may go unseen when input is not a terminal). Null at end of input. */
    String readLine(String prompt);

    /** Prompts with echo off on a terminal; reads a line of standard input otherwise. Null at end of input. */
    char[] readSecret(String prompt);
}
