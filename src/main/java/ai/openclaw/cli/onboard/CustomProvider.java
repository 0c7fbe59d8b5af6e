package ai.openclaw.cli.onboard;

import ai.openclaw.core.ProviderIds;
import ai.openclaw.providers.ApiKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenAI- or Anthropic-compatible endpoint added as {@code models.providers.<id>}.
 *
 * @param id            provider id (normalized: lower-case letters, digits and {@code -})
 * @param baseUrl       http(s) base URL without a trailing slash
 * @param compatibility which wire protocol it speaks
 * @param modelId       the model to call there
 */
public record CustomProvider(String id, String baseUrl, Compatibility compatibility, String modelId) {
    /** {@code --custom-compatibility}. */
    public enum Compatibility {
        OPENAI("openai", ApiKind.OPENAI_COMPLETIONS, "OpenAI-compatible", "POST <baseUrl>/chat/completions"),
        ANTHROPIC("anthropic", ApiKind.ANTHROPIC_MESSAGES, "Anthropic-compatible", "POST <baseUrl>/v1/messages");

        private final String flagValue;
        private final ApiKind api;
        private final String label;
        private final String hint;

        Compatibility(String flagValue, ApiKind api, String label, String hint) {
            this.flagValue = flagValue;
            this.api = api;
            this.label = label;
            this.hint = hint;
        }

        public String flagValue() {
            return flagValue;
        }

        public ApiKind api() {
            return api;
        }

        public String label() {
            return label;
        }

        public String hint() {
            return hint;
        }

        /** {@code openai} (also the default when absent) or {@code anthropic}. */
        public static Compatibility parse(String raw) {
            if (raw == null || raw.isBlank()) {
                return OPENAI;
            }
            return switch (raw.strip().toLowerCase(Locale.ROOT)) {
                case "openai" -> OPENAI;
                case "anthropic" -> ANTHROPIC;
                default -> throw new OnboardException("Invalid --custom-compatibility (use \"openai\" or \"anthropic\").");
            };
        }
    }

    static final String ID_PROBLEM = "Custom provider ID must include letters, numbers, or hyphens.";

    public CustomProvider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(compatibility, "compatibility");
        Objects.requireNonNull(modelId, "modelId");
    }

    /** {@code <id>/<modelId>}. */
    public String modelRef() {
        return id + "/" + modelId;
    }

    /** From the non-interactive flags, with OpenClaw's messages. */
    static CustomProvider fromFlags(String baseUrl, String modelId, String providerId, String compatibility) {
        String url = baseUrl == null ? "" : baseUrl.strip();
        String model = modelId == null ? "" : modelId.strip();
        if (url.isEmpty() || model.isEmpty()) {
            throw new OnboardException("Auth choice \"custom-api-key\" requires a base URL and model ID.",
                    "Use --custom-base-url and --custom-model-id.");
        }
        Compatibility compat = Compatibility.parse(compatibility);
        baseUrlProblem(url).ifPresent(p -> {
            throw new OnboardException("Invalid --custom-base-url: " + p);
        });
        modelIdProblem(model).ifPresent(p -> {
            throw new OnboardException("Invalid --custom-model-id: " + p);
        });
        String id;
        if (providerId != null && !providerId.isBlank()) {
            id = normalizeId(providerId);
            if (id.isEmpty()) {
                throw new OnboardException(ID_PROBLEM);
            }
        } else {
            id = defaultId(url);
        }
        return new CustomProvider(id, normalizeBaseUrl(url), compat, model);
    }

    /**
     * Why a base URL cannot be used (not http(s), no host, credentials inside), or empty. The URL itself is not
     * repeated: it could hold a token.
     */
    static Optional<String> baseUrlProblem(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return Optional.of("expected an http:// or https:// URL, e.g. http://127.0.0.1:8000/v1");
            }
            if (uri.getRawUserInfo() != null) {
                return Optional.of("put the API key in --custom-api-key, not in the URL");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("expected an http:// or https:// URL, e.g. http://127.0.0.1:8000/v1");
        }
    }

    static Optional<String> modelIdProblem(String model) {
        String m = model.strip();
        if (m.isEmpty()) {
            return Optional.of("Required");
        }
        if (m.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.of("a model id has no spaces");
        }
        return Optional.empty();
    }

    /** The URL without trailing slashes. */
    static String normalizeBaseUrl(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /**
     * Lower-cased, each run of characters other than letters, digits and {@code -} turned into one {@code -}, trimmed
     * of {@code -}, then OpenClaw's provider aliases applied; empty when nothing is left.
     */
    static String normalizeId(String raw) {
        String id = (raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT))
                .replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("-{2,}", "-")
                .replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "" : ProviderIds.normalize(id);
    }

    /** {@code custom-<host>[-<port>]}, e.g. {@code custom-llm-example-com} for {@code https://llm.example.com/v1}. */
    static String defaultId(String baseUrl) {
        try {
            URI uri = new URI(baseUrl.strip());
            String host = uri.getHost() == null ? "" : uri.getHost();
            return normalizeId("custom-" + host + (uri.getPort() > 0 ? "-" + uri.getPort() : ""));
        } catch (URISyntaxException e) {
            return "custom";
        }
    }
}
