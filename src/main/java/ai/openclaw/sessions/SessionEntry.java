package ai.openclaw.sessions;

import ai.openclaw.core.ProviderIds;
import ai.openclaw.json.Json;
import ai.openclaw.models.ModelRef;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One session of {@code sessions.json}: the selection a {@code /model} directive (or routing) made for it.
 * Immutable; the {@code with…} methods copy. A field the file does not set, or sets with a type this code does not
 * expect, is null here; the wrong-typed value is kept in {@link #extra()} with every field this code does not know,
 * so that a save loses nothing.
 *
 * @param providerOverride                   provider of the selected model, or null for the agent's default
 * @param modelOverride                      model id of the selected model, or null for the agent's default
 * @param authProfileOverride                pinned auth profile id, or null
 * @param authProfileOverrideSource          {@code user} or {@code auto} as written (see {@link #pinSource()})
 * @param authProfileOverrideCompactionCount the session's compaction count when an auto pin was made
 * @param updatedAt                          epoch milliseconds of the last change
 * @param extra                              every other field, in file order (a copy on every access)
 */
public record SessionEntry(String providerOverride, String modelOverride, String authProfileOverride,
                           String authProfileOverrideSource, Integer authProfileOverrideCompactionCount,
                           Long updatedAt, ObjectNode extra) {
    static final String PROVIDER_OVERRIDE = "providerOverride";
    static final String MODEL_OVERRIDE = "modelOverride";
    static final String AUTH_PROFILE_OVERRIDE = "authProfileOverride";
    static final String AUTH_PROFILE_OVERRIDE_SOURCE = "authProfileOverrideSource";
    static final String AUTH_PROFILE_OVERRIDE_COMPACTION_COUNT = "authProfileOverrideCompactionCount";
    static final String UPDATED_AT = "updatedAt";
    /** The typed fields, in the order a new entry is written. */
    static final List<String> TYPED_FIELDS = List.of(PROVIDER_OVERRIDE, MODEL_OVERRIDE, AUTH_PROFILE_OVERRIDE,
            AUTH_PROFILE_OVERRIDE_SOURCE, AUTH_PROFILE_OVERRIDE_COMPACTION_COUNT, UPDATED_AT);

    static final String CLI_SESSION_IDS = "cliSessionIds";
    static final String CLI_SESSION_BINDINGS = "cliSessionBindings";
    static final String LEGACY_CLAUDE_CLI_SESSION_ID = "claudeCliSessionId";
    private static final String CLAUDE_CLI = "claude-cli";
    private static final List<String> CLI_SESSION_FIELDS = List.of(CLI_SESSION_IDS, CLI_SESSION_BINDINGS,
            LEGACY_CLAUDE_CLI_SESSION_ID);
    private static final List<String> MODEL_FIELDS = List.of(PROVIDER_OVERRIDE, MODEL_OVERRIDE);
    private static final List<String> PIN_FIELDS = List.of(AUTH_PROFILE_OVERRIDE, AUTH_PROFILE_OVERRIDE_SOURCE,
            AUTH_PROFILE_OVERRIDE_COMPACTION_COUNT);

    /** A session nothing was recorded for. */
    public static final SessionEntry EMPTY = new SessionEntry(null, null, null, null, null, null, null);

    public SessionEntry {
        providerOverride = blankToNull(providerOverride);
        modelOverride = blankToNull(modelOverride);
        authProfileOverride = blankToNull(authProfileOverride);
        authProfileOverrideSource = blankToNull(authProfileOverrideSource);
        ObjectNode kept = extra == null ? Json.object() : extra.deepCopy();
        // a typed value wins over a wrong-typed one of the same name
        dropIfSet(kept, PROVIDER_OVERRIDE, providerOverride);
        dropIfSet(kept, MODEL_OVERRIDE, modelOverride);
        dropIfSet(kept, AUTH_PROFILE_OVERRIDE, authProfileOverride);
        dropIfSet(kept, AUTH_PROFILE_OVERRIDE_SOURCE, authProfileOverrideSource);
        dropIfSet(kept, AUTH_PROFILE_OVERRIDE_COMPACTION_COUNT, authProfileOverrideCompactionCount);
        dropIfSet(kept, UPDATED_AT, updatedAt);
        extra = kept;
    }

    @Override
    public ObjectNode extra() {
        return extra.deepCopy();
    }

    /**
     * The model this session selected: {@code providerOverride/modelOverride}; without a provider, a
     * {@code provider/model} written into {@code modelOverride}, else a model of {@code defaultProvider}.
     */
    public Optional<ModelRef> selectedModel(String defaultProvider) {
        if (modelOverride == null) {
            return Optional.empty();
        }
        if (providerOverride != null) {
            return Optional.of(new ModelRef(ProviderIds.normalize(providerOverride), modelOverride));
        }
        return ModelRef.parse(modelOverride).or(() -> Optional.of(new ModelRef(defaultProvider, modelOverride)));
    }

    /**
     * Who pinned {@link #authProfileOverride()}; empty without a pin. Entries of older releases carry no source: a
     * compaction count means routing made the pin ({@code auto}), otherwise the user did.
     */
    public Optional<PinSource> pinSource() {
        if (authProfileOverride == null) {
            return Optional.empty();
        }
        Optional<PinSource> written = PinSource.parse(authProfileOverrideSource);
        if (written.isPresent()) {
            return written;
        }
        return Optional.of(authProfileOverrideCompactionCount != null ? PinSource.AUTO : PinSource.USER);
    }

    /** Whether a model or an auth profile is selected. */
    public boolean hasOverrides() {
        return modelOverride != null || providerOverride != null || authProfileOverride != null;
    }

    /** Selects {@code model} for the session. */
    public SessionEntry withModel(ModelRef model) {
        return new SessionEntry(model.provider(), model.model(), authProfileOverride, authProfileOverrideSource,
                authProfileOverrideCompactionCount, updatedAt, extra);
    }

    /** Back to the agent's default model. */
    public SessionEntry withoutModel() {
        return new SessionEntry(null, null, authProfileOverride, authProfileOverrideSource,
                authProfileOverrideCompactionCount, updatedAt, without(extra, MODEL_FIELDS));
    }

    /** A profile the user chose ({@code /model …@id}): source {@code user}, no compaction count. */
    public SessionEntry withUserPin(String profileId) {
        return new SessionEntry(providerOverride, modelOverride, profileId, PinSource.USER.wireName(), null,
                updatedAt, without(extra, List.of(AUTH_PROFILE_OVERRIDE_COMPACTION_COUNT)));
    }

    /** A profile routing chose at {@code compactionCount}: source {@code auto}. */
    public SessionEntry withAutoPin(String profileId, Integer compactionCount) {
        return new SessionEntry(providerOverride, modelOverride, profileId, PinSource.AUTO.wireName(),
                compactionCount, updatedAt, without(extra, compactionCount == null
                ? List.of(AUTH_PROFILE_OVERRIDE_COMPACTION_COUNT) : List.of()));
    }

    /** No pinned auth profile. */
    public SessionEntry withoutPin() {
        return new SessionEntry(providerOverride, modelOverride, null, null, null, updatedAt,
                without(extra, PIN_FIELDS));
    }

    /** What {@code /new} and {@code /reset} leave: neither a model nor an auth profile selected. */
    public SessionEntry withoutOverrides() {
        return withoutModel().withoutPin();
    }

    public SessionEntry withUpdatedAt(long epochMillis) {
        return new SessionEntry(providerOverride, modelOverride, authProfileOverride, authProfileOverrideSource,
                authProfileOverrideCompactionCount, epochMillis, extra);
    }

    /**
     * The session id a CLI backend gave this session ({@code cliSessionIds.<backend>}; for {@code claude-cli} also the
     * legacy {@code claudeCliSessionId}), to resume it on the next turn. Kept among {@link #extra()}: ids of other
     * backends and fields this code does not know stay as they are.
     */
    public Optional<String> cliSessionId(String backend) {
        JsonNode ids = extra.get(CLI_SESSION_IDS);
        JsonNode id = ids != null && ids.isObject() ? ids.get(backend) : null;
        if (id == null && CLAUDE_CLI.equals(backend)) {
            id = extra.get(LEGACY_CLAUDE_CLI_SESSION_ID);
        }
        return id != null && id.isString() && !id.stringValue().isBlank() ? Optional.of(id.stringValue().strip())
                : Optional.empty();
    }

    /** Remembers {@code sessionId} as the session of {@code backend} (and the legacy field for {@code claude-cli}). */
    public SessionEntry withCliSessionId(String backend, String sessionId) {
        ObjectNode copy = extra.deepCopy();
        JsonNode ids = copy.get(CLI_SESSION_IDS);
        ObjectNode target = ids instanceof ObjectNode o ? o : copy.putObject(CLI_SESSION_IDS);
        target.put(backend, sessionId);
        if (CLAUDE_CLI.equals(backend)) {
            copy.put(LEGACY_CLAUDE_CLI_SESSION_ID, sessionId);
        }
        return new SessionEntry(providerOverride, modelOverride, authProfileOverride, authProfileOverrideSource,
                authProfileOverrideCompactionCount, updatedAt, copy);
    }

    /** Forgets the session of {@code backend} (it could not be resumed). */
    public SessionEntry withoutCliSessionId(String backend) {
        ObjectNode copy = extra.deepCopy();
        if (copy.get(CLI_SESSION_IDS) instanceof ObjectNode ids) {
            ids.remove(backend);
            if (ids.isEmpty()) {
                copy.remove(CLI_SESSION_IDS);
            }
        }
        if (copy.get(CLI_SESSION_BINDINGS) instanceof ObjectNode bindings) {
            bindings.remove(backend);
            if (bindings.isEmpty()) {
                copy.remove(CLI_SESSION_BINDINGS);
            }
        }
        if (CLAUDE_CLI.equals(backend)) {
            copy.remove(LEGACY_CLAUDE_CLI_SESSION_ID);
        }
        return new SessionEntry(providerOverride, modelOverride, authProfileOverride, authProfileOverrideSource,
                authProfileOverrideCompactionCount, updatedAt, copy);
    }

    /** What {@code /new} and {@code /reset} do to CLI sessions: every backend starts a fresh one next turn. */
    public SessionEntry withoutCliSessionIds() {
        return new SessionEntry(providerOverride, modelOverride, authProfileOverride, authProfileOverrideSource,
                authProfileOverrideCompactionCount, updatedAt, without(extra, CLI_SESSION_FIELDS));
    }

    /** Field names of {@link #extra()} only: unknown fields may hold anything. */
    @Override
    public String toString() {
        return "SessionEntry[providerOverride=" + providerOverride + ", modelOverride=" + modelOverride
                + ", authProfileOverride=" + authProfileOverride + ", authProfileOverrideSource="
                + authProfileOverrideSource + ", authProfileOverrideCompactionCount="
                + authProfileOverrideCompactionCount + ", updatedAt=" + updatedAt + ", extra="
                + extra.propertyNames() + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void dropIfSet(ObjectNode extra, String name, Object typed) {
        if (typed != null) {
            extra.remove(name);
        }
    }

    private static ObjectNode without(ObjectNode extra, List<String> names) {
        ObjectNode copy = extra.deepCopy();
        names.forEach(copy::remove);
        return copy;
    }
}
