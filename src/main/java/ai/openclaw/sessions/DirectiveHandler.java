package ai.openclaw.sessions;

import ai.openclaw.core.ProviderIds;
import ai.openclaw.fs.FileWriteException;
import ai.openclaw.fs.LockTimeoutException;
import ai.openclaw.json.MalformedFileException;
import ai.openclaw.models.ModelRef;
import ai.openclaw.models.ModelSelection;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Executes a {@link Directive} for one agent and session and returns the reply text (the gateway wraps it in the
 * request's API format). Texts follow the reference (logins §5.3). A selection persists in the agent's
 * {@code sessions.json}; without a session key nothing can persist, which the reply says, while the informational
 * directives still answer. Problems with state files become replies that name the file, never stack traces.
 */
public final class DirectiveHandler {
    /** Appended to replies that cannot keep anything because the request named no session. */
    public static final String NO_SESSION = "no session: send x-openclaw-session-key to keep a selection";
    static final String PROFILE_WITHOUT_MODEL = "Auth profile override requires a model selection.";
    static final String BROWSE_HINT = "Browse: /models or /models <provider>";

    private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");
    /** A message that already points at the chat listing command (not at {@code GET /v1/models}). */
    private static final Pattern NAMES_MODELS_COMMAND = Pattern.compile("(?:^|\\s)/models\\b");

    private final SessionStores sessions;
    private final AgentModels models;
    private final ModelSelector selector;
    private final AuthOverview auth;
    private final ProviderEndpoints endpoints;

    public DirectiveHandler(SessionStores sessions, AgentModels models, ModelSelector selector, AuthOverview auth,
                            ProviderEndpoints endpoints) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.models = Objects.requireNonNull(models, "models");
        this.selector = Objects.requireNonNull(selector, "selector");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    }

    /**
     * @param agentId    the (valid) agent the request is for
     * @param sessionKey the request's session, or null when it named none
     * @return the reply text
     */
    public String handle(String agentId, String sessionKey, Directive directive) {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(directive, "directive");
        String key = sessionKey == null || sessionKey.isBlank() ? null : sessionKey;
        try {
            return switch (directive) {
                case Directive.ShowModel d -> showModel(agentId, key);
                case Directive.ShowStatus d -> showStatus(agentId, key);
                case Directive.ListModels d -> ModelListing.render(d, known(agentId, models.selection(agentId)));
                case Directive.SetModel d -> setModel(agentId, key, d.ref());
                case Directive.ResetSession d -> reset(agentId, key, d.newSession());
            };
        } catch (MalformedFileException e) {
            return "Could not read a state file: " + e.getMessage();
        } catch (FileWriteException | LockTimeoutException e) {
            return "Could not save the session: " + e.getMessage();
        }
    }

    private String showModel(String agentId, String key) {
        ModelSelection selection = models.selection(agentId);
        Optional<SessionEntry> entry = entry(agentId, key);
        Current current = current(entry, selection, known(agentId, selection));
        StringBuilder reply = new StringBuilder("Current: ").append(current.model().key());
        entry.filter(e -> e.authProfileOverride() != null).ifPresent(e -> reply.append("\nAuth profile: ")
                .append(e.authProfileOverride()).append(" (")
                .append(e.pinSource().orElse(PinSource.USER).wireName()).append(')'));
        if (key == null) {
            reply.append("\n(").append(NO_SESSION).append(')');
        }
        reply.append("\n\n").append(ModelListing.SWITCH_HINT)
                .append("\nBrowse: /models (providers) or /models <provider> (models)")
                .append("\nMore: /model status");
        return reply.toString();
    }

    private String showStatus(String agentId, String key) {
        ModelSelection selection = models.selection(agentId);
        KnownModels known = known(agentId, selection);
        Current current = current(entry(agentId, key), selection, known);
        return ModelStatusReply.render(agentId, current.model(), current.resetToDefault(),
                key == null ? "(" + NO_SESSION + ")" : null, selection, known, auth.status(agentId), endpoints);
    }

    private String setModel(String agentId, String key, String rawRef) {
        String ref = rawRef.strip();
        if (ref.startsWith("@")) {
            return PROFILE_WITHOUT_MODEL;
        }
        if (DIGITS.matcher(ref).matches()) {
            return "Numeric model selection is not supported in chat.\n\n" + BROWSE_HINT + "\n"
                    + ModelListing.SWITCH_HINT;
        }
        ModelSelection selection = models.selection(agentId);
        ModelChoice.Selected chosen;
        switch (selector.select(agentId, ref)) {
            case ModelChoice.Rejected r -> {
                return NAMES_MODELS_COMMAND.matcher(r.message()).find() ? r.message()
                        : r.message() + "\n\n" + BROWSE_HINT;
            }
            case ModelChoice.Selected s -> chosen = s;
        }
        String profileId = chosen.profileId();
        if (profileId != null) {
            Optional<String> owner = auth.profileProvider(agentId, profileId).map(ProviderIds::normalize);
            if (owner.isEmpty()) {
                return "Auth profile \"" + profileId + "\" not found.";
            }
            if (!owner.get().equals(ProviderIds.normalize(chosen.model().provider()))) {
                return "Auth profile \"" + profileId + "\" is for " + owner.get() + ", not "
                        + chosen.model().provider() + ".";
            }
        }
        boolean isDefault = chosen.model().equals(selection.primary());
        String label = ModelLabels.label(chosen.model(), ModelLabels.typedAlias(ref, profileId, selection.aliases()));
        if (key == null) {
            return "Model not changed (" + NO_SESSION + ").";
        }
        sessions.forAgent(agentId).update(key, e -> {
            SessionEntry next = isDefault ? e.withoutModel() : e.withModel(chosen.model());
            return profileId != null ? next.withUserPin(profileId) : next.withoutPin();
        });
        String reply = isDefault ? "Model reset to default (" + label + ")."
                : "Model set to " + label + " for this session.";
        return profileId == null ? reply : reply + " Auth profile set to " + profileId + ".";
    }

    private String reset(String agentId, String key, boolean newSession) {
        if (key == null) {
            return "Nothing to reset (" + NO_SESSION + ").";
        }
        sessions.forAgent(agentId).reset(key);
        return (newSession ? "New session" : "Session reset") + ": model and auth profile selection cleared. Current: "
                + models.selection(agentId).primary().key() + ".";
    }

    private Optional<SessionEntry> entry(String agentId, String key) {
        return key == null ? Optional.empty() : sessions.forAgent(agentId).get(key);
    }

    private KnownModels known(String agentId, ModelSelection selection) {
        return new KnownModels(selection, models.catalog(agentId));
    }

    /** The session's model when it is still allowed, else the default ({@code resetToDefault} when one was set). */
    private static Current current(Optional<SessionEntry> entry, ModelSelection selection, KnownModels known) {
        Optional<ModelRef> chosen = entry.flatMap(e -> e.selectedModel(selection.primary().provider()));
        if (chosen.isEmpty()) {
            return new Current(selection.primary(), false);
        }
        return known.isAllowed(chosen.get()) ? new Current(chosen.get(), false) : new Current(selection.primary(), true);
    }

    private record Current(ModelRef model, boolean resetToDefault) {}
}
