package ai.openclaw.oauth;

/**
 * Where a login reads the redirect URL or code a person pastes: a terminal prompt, or standard input when there is
 * no terminal (so scripts and tests can complete a login). Implementations must tolerate being called from a
 * thread of the login's own, and a read that is never answered (the browser callback may win the race).
 */
public interface PasteInput {
    /** True when a person is at a terminal: blank answers are re-asked and end of input means they gave up. */
    boolean interactive();

    /** Shows {@code prompt} (on a terminal) and returns the next line, or null at end of input. */
    String readLine(String prompt);
}
