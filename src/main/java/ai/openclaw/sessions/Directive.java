package ai.openclaw.sessions;

/** A directive-only message, answered by {@link DirectiveHandler} instead of a model. */
public sealed interface Directive extends ParsedMessage {
    /** {@code /model}: the current model and how to change it. */
    record ShowModel() implements Directive {}

    /** {@code /model status}: current, default, agent, auth file, then endpoint and auth per provider. */
    record ShowStatus() implements Directive {}

    /**
     * {@code /models [provider] [page|all] [limit=N]} and {@code /model list}: providers with model counts, or one
     * provider's models a page at a time.
     *
     * @param provider normalised provider id, or null for the provider overview
     * @param page     1-based page
     * @param all      every model on one page
     * @param limit    models per page, 1 to {@value DirectiveParser#MAX_PAGE_SIZE}
     */
    record ListModels(String provider, int page, boolean all, int limit) implements Directive {}

    /**
     * {@code /model <ref>} or {@code /<alias>}: select a model, and with {@code @<profileId>} an auth profile, for the
     * session. {@code ref} is passed whole to the {@link ModelSelector}, which splits off the profile.
     */
    record SetModel(String ref) implements Directive {}

    /** {@code /new} ({@code newSession}) or {@code /reset}: clear the session's selection. */
    record ResetSession(boolean newSession) implements Directive {}
}
