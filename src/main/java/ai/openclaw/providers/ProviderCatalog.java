package ai.openclaw.providers;

import ai.openclaw.config.ModelsConfig;
import ai.openclaw.config.ProviderConfig;
import ai.openclaw.config.SecretInput;
import ai.openclaw.core.ProviderIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where each provider is called: the built-in defaults of common providers merged with {@code models.providers.<id>}.
 *
 * <p><b>Base URL convention</b> (OpenClaw's): for {@link ApiKind#OPENAI_COMPLETIONS} the base URL includes the API
 * version ({@code https://api.openai.com/v1}) and the adapter appends {@code /chat/completions}; for
 * {@link ApiKind#ANTHROPIC_MESSAGES} it is the host ({@code https://api.anthropic.com}) and the adapter appends
 * {@code /v1/messages}. Trailing slashes are dropped.
 *
 * <p><b>Merge rules.</b>
 * <ul>
 *   <li>A configured field overrides the built-in one: {@code baseUrl}, {@code api}, {@code headers},
 *       {@code authHeader}, {@code timeoutSeconds}. Unset fields keep the built-in value.</li>
 *   <li>A configured provider that is not built in is added. Without {@code api} it is {@code openai-completions};
 *       without {@code baseUrl} it has no endpoint.</li>
 *   <li>{@code models.mode: "replace"} hides the built-in providers that {@code models.providers} does not mention;
 *       a configured provider still takes unset fields from its built-in entry.</li>
 *   <li>An {@code api} this gateway cannot speak ({@code openai-responses}, {@code google-generative-ai}, ...) leaves
 *       the provider without an endpoint; {@link #problem} says so.</li>
 *   <li>{@code local} is true when the base URL's host is loopback or private (see {@link LocalHosts}) and the
 *       provider has no {@code apiKey} configured: such endpoints are called without a credential.</li>
 *   <li>The timeout is {@code timeoutSeconds}, else {@link #DEFAULT_TIMEOUT}.</li>
 * </ul>
 *
 * <p>Provider ids are normalised with {@link ProviderIds#normalize}. Immutable and thread-safe.
 */
public final class ProviderCatalog {
    /** The request timeout of providers that do not set {@code timeoutSeconds}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    /** Built-in entries, in the order {@link #knownProviders()} lists them. */
    private static final List<Builtin> BUILTINS = List.of(
            new Builtin("openai", "https://api.openai.com/v1", ApiKind.OPENAI_COMPLETIONS),
            new Builtin("anthropic", "https://api.anthropic.com", ApiKind.ANTHROPIC_MESSAGES),
            new Builtin("openrouter", "https://openrouter.ai/api/v1", ApiKind.OPENAI_COMPLETIONS),
            new Builtin("groq", "https://api.groq.com/openai/v1", ApiKind.OPENAI_COMPLETIONS),
            new Builtin("mistral", "https://api.mistral.ai/v1", ApiKind.OPENAI_COMPLETIONS),
            new Builtin("deepseek", "https://api.deepseek.com/v1", ApiKind.OPENAI_COMPLETIONS),
            new Builtin("xai", "https://api.x.ai/v1", ApiKind.OPENAI_COMPLETIONS),
            new Builtin("together", "https://api.together.xyz/v1", ApiKind.OPENAI_COMPLETIONS),
            new Builtin("google", "https://generativelanguage.googleapis.com/v1beta/openai", ApiKind.OPENAI_COMPLETIONS),
            new Builtin("cerebras", "https://api.cerebras.ai/v1", ApiKind.OPENAI_COMPLETIONS),
            new Builtin("moonshot", "https://api.moonshot.ai/v1", ApiKind.OPENAI_COMPLETIONS),
            new Builtin("ollama", "http://127.0.0.1:11434/v1", ApiKind.OPENAI_COMPLETIONS),
            new Builtin("vllm", "http://127.0.0.1:8000/v1", ApiKind.OPENAI_COMPLETIONS),
            new Builtin("lmstudio", "http://127.0.0.1:1234/v1", ApiKind.OPENAI_COMPLETIONS));

    private static final Map<String, Builtin> BUILTIN_BY_ID = BUILTINS.stream()
            .collect(Collectors.toUnmodifiableMap(Builtin::id, b -> b));

    private final ModelsConfig models;

    public ProviderCatalog(ModelsConfig models) {
        this.models = Objects.requireNonNull(models, "models");
    }

    /** The built-in provider ids, in catalog order (independent of any config). */
    public static List<String> builtInProviders() {
        return BUILTINS.stream().map(Builtin::id).toList();
    }

    /**
     * Every provider id this catalog knows: the visible built-ins in catalog order, then the configured providers
     * that are not built in, in file order. A listed provider may still lack an endpoint (see {@link #problem}).
     */
    public List<String> knownProviders() {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        if (models.mode() == ModelsConfig.Mode.MERGE) {
            BUILTINS.forEach(b -> ids.add(b.id()));
        } else {
            BUILTINS.stream().map(Builtin::id).filter(models.providers()::containsKey).forEach(ids::add);
        }
        ids.addAll(models.providers().keySet());
        return List.copyOf(ids);
    }

    /** The endpoint of {@code provider}, or empty when it is unknown or cannot be called ({@link #problem}). */
    public Optional<ProviderEndpoint> endpoint(String provider) {
        return Optional.ofNullable(lookup(provider).endpoint());
    }

    /**
     * Why {@link #endpoint} is empty for {@code provider}, as a sentence that names the config key to fix; empty
     * when the provider has an endpoint.
     */
    public Optional<String> problem(String provider) {
        return Optional.ofNullable(lookup(provider).problem());
    }

    private Lookup lookup(String provider) {
        String id = ProviderIds.normalize(provider);
        ProviderConfig cfg = models.providers().get(id);
        Builtin builtin = BUILTIN_BY_ID.get(id);
        if (cfg == null && builtin != null && models.mode() == ModelsConfig.Mode.REPLACE) {
            return Lookup.missing("Provider \"" + id + "\" is built in, but models.mode is \"replace\" and "
                    + "models.providers does not configure it.");
        }
        if (cfg == null && builtin == null) {
            return Lookup.missing("Unknown provider \"" + id + "\": it is not built in and models.providers does "
                    + "not configure it (known: " + String.join(", ", knownProviders()) + ").");
        }
        String baseUrl = cfg != null && cfg.baseUrl() != null && !cfg.baseUrl().isBlank() ? cfg.baseUrl()
                : builtin != null ? builtin.baseUrl() : null;
        if (baseUrl == null) {
            return Lookup.missing("Provider \"" + id + "\" has no base URL: set models.providers." + id
                    + ".baseUrl.");
        }
        ApiKind api;
        if (cfg != null && cfg.api() != null) {
            Optional<ApiKind> parsed = ApiKind.parse(cfg.api().strip());
            if (parsed.isEmpty()) {
                return Lookup.missing("Provider \"" + id + "\" uses api \"" + cfg.api() + "\" (models.providers."
                        + id + ".api), which the gateway cannot call; supported: " + supportedApis() + ".");
            }
            api = parsed.get();
        } else {
            api = builtin != null ? builtin.api() : ApiKind.OPENAI_COMPLETIONS;
        }
        String base = trimTrailingSlashes(baseUrl.strip());
        Map<String, SecretInput> headers = cfg != null ? new LinkedHashMap<>(cfg.headers())
                : Map.of();
        boolean authHeader = cfg != null && Boolean.TRUE.equals(cfg.authHeader());
        Duration timeout = cfg != null && cfg.timeoutSeconds() != null
                ? Duration.ofSeconds(cfg.timeoutSeconds()) : DEFAULT_TIMEOUT;
        boolean local = LocalHosts.isLocalOrPrivate(base) && (cfg == null || cfg.apiKey() == null);
        return new Lookup(new ProviderEndpoint(id, base, api, headers, authHeader, timeout, local), null);
    }

    private static String supportedApis() {
        return Arrays.stream(ApiKind.values()).filter(ApiKind::http).map(ApiKind::wireName)
                .collect(Collectors.joining(", "));
    }

    private static String trimTrailingSlashes(String url) {
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '/') {
            end--;
        }
        return url.substring(0, end);
    }

    @Override
    public String toString() {
        List<String> ids = new ArrayList<>(knownProviders());
        return "ProviderCatalog[mode=" + models.mode().wireName() + ", providers=" + ids + "]";
    }

    private record Builtin(String id, String baseUrl, ApiKind api) {}

    private record Lookup(ProviderEndpoint endpoint, String problem) {
        static Lookup missing(String problem) {
            return new Lookup(null, problem);
        }
    }
}
