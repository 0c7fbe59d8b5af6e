package ai.openclaw.sessions;

/**
 * Resolves what a user typed after {@code /model} (or as {@code /<alias>}): {@code <alias-or-id>[@<profileId>]}. It
 * splits off the profile (logins §5.2), resolves aliases case-insensitively, applies the allowlist, and answers with
 * the model and the profile id, or with a message for the user. Routing implements it; whether the profile exists
 * is checked by {@link DirectiveHandler} itself so that its replies read exactly as the reference's.
 */
@FunctionalInterface
public interface ModelSelector {
    ModelChoice select(String agentId, String ref);
}
