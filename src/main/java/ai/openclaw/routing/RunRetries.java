package ai.openclaw.routing;

/**
 * The cap on attempts in one request (store-and-selection §6.4 "run loop cap"):
 * {@code min(max, max(min, base + perProfile × max(1, candidates)))}. Every attempt here moves to another credential
 * or model, so the cap only matters for very long candidate lists; it keeps one request from calling a provider
 * hundreds of times.
 */
record RunRetries(int base, int perProfile, int min, int max) {
    static final RunRetries DEFAULT = new RunRetries(24, 8, 32, 160);
    /** Candidates left untried because the cap was reached are listed with this reason. */
    static final String RETRY_LIMIT = "retry_limit";

    /** The cap for a request whose first model has {@code candidates} candidates. */
    int maxAttempts(int candidates) {
        return Math.min(max, Math.max(min, base + perProfile * Math.max(1, candidates)));
    }
}
