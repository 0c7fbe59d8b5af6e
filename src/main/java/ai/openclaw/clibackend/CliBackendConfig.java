package ai.openclaw.clibackend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How one CLI backend is run: {@code agents.defaults.cliBackends.<id>} merged over the built-in defaults
 * ({@link #claudeCliDefaults()}; merge rules in {@link CliBackendConfigReader}). Immutable.
 *
 * @param id                backend id, also the provider part of its model refs ({@code claude-cli/<model>})
 * @param command           the program: an absolute path, a path with {@code ~}, or a name looked up on {@code PATH}
 * @param args              arguments of a fresh run (after the command)
 * @param resumeArgs        arguments of a resumed run; {@value #SESSION_ID_PLACEHOLDER} is replaced by the session id
 * @param input             how the prompt reaches the program
 * @param maxPromptArgChars with {@link Input#ARG}: longer prompts go to stdin instead
 * @param modelArg          the flag before the model id, or null to pass no model
 * @param modelAliases      model id (lower case) → what the program calls it ({@code claude-sonnet-4-6 → sonnet})
 * @param sessionArg        the flag before a new session id ({@code --session-id}), or null
 * @param sessionArgs       replaces {@code sessionArg <id>} when not empty; each entry with the placeholder substituted
 * @param sessionMode       when a session id is passed
 * @param sessionIdFields   the event fields that may carry the program's session id, in order of preference
 * @param systemPromptArg   the flag before the system prompt, or null to drop system prompts
 * @param systemPromptWhen  on which turns the system prompt is passed
 * @param clearEnv          variables removed from the child's environment
 * @param env               variables set in the child's environment (over the gateway's); values may be secrets
 * @param timeout           a run is killed after this long
 * @param noOutputTimeout   a run is killed after printing nothing for this long
 * @param maxConcurrent     runs of this backend at the same time
 * @param maxQueued         requests that may wait for a run slot; more are refused with 429
 */
public record CliBackendConfig(String id, String command, List<String> args, List<String> resumeArgs, Input input,
                               int maxPromptArgChars, String modelArg, Map<String, String> modelAliases,
                               String sessionArg, List<String> sessionArgs, SessionMode sessionMode,
                               List<String> sessionIdFields, String systemPromptArg,
                               SystemPromptWhen systemPromptWhen, Set<String> clearEnv, Map<String, String> env,
                               Duration timeout, Duration noOutputTimeout, int maxConcurrent, int maxQueued) {
    /** The id of the Claude Code backend. */
    public static final String CLAUDE_CLI = "claude-cli";
    /** Stands for the session id in {@link #resumeArgs} and {@link #sessionArgs}. */
    public static final String SESSION_ID_PLACEHOLDER = "{sessionId}";

    /** How the prompt is handed over ({@code input}). */
    public enum Input {
        /** The last argument (stdin when longer than {@code maxPromptArgChars}). */
        ARG("arg"),
        /** Always on standard input. */
        STDIN("stdin");

        private final String wireName;

        Input(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** When a session id is passed ({@code sessionMode}). */
    public enum SessionMode {
        /** A new id for every fresh run, the stored one to resume. */
        ALWAYS("always"),
        /** Only to resume a stored session; fresh runs let the program choose. */
        EXISTING("existing"),
        /** Never: every run is fresh and nothing is stored. */
        NONE("none");

        private final String wireName;

        SessionMode(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** On which turns the system prompt is passed ({@code systemPromptWhen}). */
    public enum SystemPromptWhen {
        /** Fresh runs only: a resumed session already has it. */
        FIRST("first"),
        ALWAYS("always"),
        NEVER("never");

        private final String wireName;

        SystemPromptWhen(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** Era C/D arguments: stream-json output (needs {@code --verbose}), no permission prompts. */
    static final List<String> DEFAULT_ARGS = List.of("-p", "--output-format", "stream-json", "--verbose",
            "--permission-mode", "bypassPermissions");
    static final List<String> DEFAULT_SESSION_ID_FIELDS = List.of("session_id", "sessionId", "conversation_id",
            "conversationId");
    static final Set<String> DEFAULT_CLEAR_ENV = Set.of("ANTHROPIC_API_KEY", "ANTHROPIC_API_KEY_OLD");
    static final int DEFAULT_MAX_PROMPT_ARG_CHARS = 32 * 1024;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);
    static final Duration DEFAULT_NO_OUTPUT_TIMEOUT = Duration.ofSeconds(180);
    static final int DEFAULT_MAX_CONCURRENT = 1;
    static final int DEFAULT_MAX_QUEUED = 8;

    public CliBackendConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(command, "command");
        args = List.copyOf(args);
        resumeArgs = List.copyOf(resumeArgs);
        Objects.requireNonNull(input, "input");
        modelAliases = Collections.unmodifiableMap(new LinkedHashMap<>(modelAliases));
        sessionArgs = List.copyOf(sessionArgs);
        Objects.requireNonNull(sessionMode, "sessionMode");
        sessionIdFields = List.copyOf(sessionIdFields);
        Objects.requireNonNull(systemPromptWhen, "systemPromptWhen");
        clearEnv = Collections.unmodifiableSet(new LinkedHashSet<>(clearEnv));
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(noOutputTimeout, "noOutputTimeout");
        if (maxConcurrent < 1 || maxQueued < 0 || maxPromptArgChars < 1) {
            throw new IllegalArgumentException("maxConcurrent >= 1, maxQueued >= 0, maxPromptArgChars >= 1");
        }
    }

    /** The built-in {@code claude-cli} backend (logins §3.7, Era C/D arguments). */
    public static CliBackendConfig claudeCliDefaults() {
        return new CliBackendConfig(CLAUDE_CLI, "claude", DEFAULT_ARGS, resumeArgsFor(DEFAULT_ARGS), Input.ARG,
                DEFAULT_MAX_PROMPT_ARG_CHARS, "--model", claudeModelAliases(), "--session-id", List.of(),
                SessionMode.ALWAYS, DEFAULT_SESSION_ID_FIELDS, "--append-system-prompt", SystemPromptWhen.FIRST,
                DEFAULT_CLEAR_ENV, Map.of(), DEFAULT_TIMEOUT, DEFAULT_NO_OUTPUT_TIMEOUT, DEFAULT_MAX_CONCURRENT,
                DEFAULT_MAX_QUEUED);
    }

    /** {@code args} followed by {@code --resume {sessionId}}: the resume arguments unless configured. */
    static List<String> resumeArgsFor(List<String> args) {
        List<String> out = new ArrayList<>(args);
        out.add("--resume");
        out.add(SESSION_ID_PLACEHOLDER);
        return out;
    }

    /** The model id the program is given: its alias when there is one (case-insensitive), else the id itself. */
    public String cliModel(String modelId) {
        String alias = modelAliases.get(modelId.strip().toLowerCase(java.util.Locale.ROOT));
        return alias == null ? modelId.strip() : alias;
    }

    private static Map<String, String> claudeModelAliases() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : List.of("opus", "opus-4.6", "opus-4.5", "opus-4", "claude-opus-4-6", "claude-opus-4-5",
                "claude-opus-4")) {
            m.put(k, "opus");
        }
        for (String k : List.of("sonnet", "sonnet-4.6", "sonnet-4.5", "sonnet-4.1", "sonnet-4.0", "claude-sonnet-4-6",
                "claude-sonnet-4-5", "claude-sonnet-4-1", "claude-sonnet-4-0")) {
            m.put(k, "sonnet");
        }
        for (String k : List.of("haiku", "haiku-3.5", "claude-haiku-3-5")) {
            m.put(k, "haiku");
        }
        return m;
    }

    /** Names of {@link #env} only: its values may be secrets. */
    @Override
    public String toString() {
        return "CliBackendConfig[id=" + id + ", command=" + command + ", args=" + args + ", input=" + input.wireName()
                + ", sessionMode=" + sessionMode.wireName() + ", clearEnv=" + clearEnv + ", env=" + env.keySet()
                + ", timeout=" + timeout + ", noOutputTimeout=" + noOutputTimeout + ", maxConcurrent="
                + maxConcurrent + ", maxQueued=" + maxQueued + "]";
    }
}
