package ai.openclaw.sessions;

import ai.openclaw.app.AppContext;
import ai.openclaw.env.ShellEnvRunner;
import ai.openclaw.models.ModelRef;
import ai.openclaw.models.ModelSelection;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real home directory with a config, an agent store with secrets and the real adapters
 * ({@link ConfigAgentModels}, {@link StatusAuthOverview}); only routing's {@link ModelSelector} and the provider
 * catalog's {@link ProviderEndpoints} are stand-ins.
 */
final class DirectiveFixture {
    static final long NOW = 1_760_000_000_000L;
    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;

    static final String WORK_KEY = "sk-ant-api03-WORKSECRETmiddlepartXYZ-12345678";
    static final String BACKUP_TOKEN = "sk-ant-oat01-BACKUPSECRETmiddle-87654321";
    static final String OAUTH_ACCESS = "acc-SECRET-access-token-value-0001";
    static final String OAUTH_REFRESH = "ref-SECRET-refresh-token-value-0002";
    static final String OPENAI_KEY = "sk-proj-OPENAISECRETvalue-abcdefgh";
    static final String GROQ_KEY = "gsk_LIVESECRETgroqvalue12345678";
    static final List<String> SECRETS = List.of(WORK_KEY, BACKUP_TOKEN, OAUTH_ACCESS, OAUTH_REFRESH, OPENAI_KEY,
            GROQ_KEY);

    static final String CONFIG = """
            {
              agents: { defaults: {
                model: { primary: "anthropic/claude-opus-4-6", fallbacks: ["openai/gpt-4o"] },
                models: {
                  "anthropic/claude-opus-4-6": { alias: "Opus" },
                  "anthropic/claude-sonnet-4-5": { alias: "Sonnet" },
                  "openai/gpt-4o": {},
                  "openai/gpt-4o-mini": {},
                  "groq/llama-3.3-70b": {},
                  "mistral/mistral-large-latest": {},
                },
              } },
              models: { providers: { openai: {
                baseUrl: "https://api.openai.com/v1", api: "openai-completions",
                models: [{ id: "gpt-4o" }, { id: "o3" }],
              } } },
            }
            """;

    final Path home;
    final Path agentDir;
    final Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
    final AppContext ctx;
    final SessionStores sessions;
    final ConfigAgentModels models;
    final List<String> selectorCalls = new ArrayList<>();
    final DirectiveHandler handler;

    DirectiveFixture(Path dir) {
        home = dir.resolve("home");
        Path stateDir = home.resolve(".openclaw");
        agentDir = stateDir.resolve("agents/main/agent");
        write(stateDir.resolve("openclaw.json"), CONFIG);
        write(agentDir.resolve("auth-profiles.json"), """
                {"version": 1, "profiles": {
                  "anthropic:work": {"type": "api_key", "provider": "anthropic", "key": "%s"},
                  "anthropic:backup": {"type": "token", "provider": "anthropic", "token": "%s", "expires": %d},
                  "anthropic:me": {"type": "oauth", "provider": "anthropic", "access": "%s", "refresh": "%s",
                                   "expires": %d, "email": "me@example.com"},
                  "openai:default": {"type": "api_key", "provider": "openai", "key": "%s"}
                }}
                """.formatted(WORK_KEY, BACKUP_TOKEN, NOW + 72 * HOUR, OAUTH_ACCESS, OAUTH_REFRESH, NOW + 2 * HOUR,
                OPENAI_KEY));
        write(agentDir.resolve("auth-state.json"), """
                {"version": 1, "lastGood": {"anthropic": "anthropic:work"},
                 "usageStats": {"anthropic:backup": {"cooldownUntil": %d, "cooldownReason": "rate_limit"}}}
                """.formatted(NOW + 5 * MINUTE));
        ctx = new AppContext(Map.of("GROQ_API_KEY", GROQ_KEY), home, clock, ProcessHandle.current().pid(),
                ShellEnvRunner.disabled(), null, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        sessions = new SessionStores(stateDir, ctx.locks(), clock);
        models = new ConfigAgentModels(ctx::config);
        ProviderEndpoints endpoints = p -> p.equals("openai")
                ? Optional.of(new ProviderEndpoints.EndpointInfo("https://api.openai.com/v1", "openai-completions"))
                : Optional.empty();
        handler = new DirectiveHandler(sessions, models, this::select, new StatusAuthOverview(ctx), endpoints);
    }

    Path sessionsFile() {
        return home.resolve(".openclaw/agents/main/sessions/sessions.json");
    }

    Path authFile() {
        return agentDir.resolve("auth-profiles.json");
    }

    /** Parses {@code text} as the gateway does and runs the directive it must be. */
    String send(String sessionKey, String text) {
        ParsedMessage parsed = DirectiveParser.parse(text, models.selection("main").aliases().keySet());
        if (!(parsed instanceof Directive d)) {
            throw new AssertionError("not a directive: " + text + " -> " + parsed);
        }
        return handler.handle("main", sessionKey, d);
    }

    Optional<SessionEntry> session(String key) {
        return sessions.forAgent("main").get(key);
    }

    /** What routing will do: split off the profile after the last '/', resolve aliases, apply the allowlist. */
    private ModelChoice select(String agentId, String ref) {
        selectorCalls.add(ref);
        int at = ref.indexOf('@', ref.lastIndexOf('/') + 1);
        String model = at > 0 ? ref.substring(0, at) : ref;
        String profile = at > 0 ? ref.substring(at + 1) : null;
        ModelSelection selection = models.selection(agentId);
        Optional<ModelRef> resolved = ModelSelection.resolveRef(model, selection.aliases(),
                selection.primary().provider());
        if (resolved.isEmpty()) {
            return new ModelChoice.Rejected("Invalid model reference \"" + model + "\".");
        }
        if (!selection.allowed().contains(resolved.get().key())) {
            return new ModelChoice.Rejected("Model \"" + resolved.get().key() + "\" is not allowed.");
        }
        return new ModelChoice.Selected(resolved.get(), profile);
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
