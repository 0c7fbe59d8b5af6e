package ai.openclaw.providers;

import java.util.Optional;

/** The wire protocol of an upstream endpoint ({@code models.providers.<id>.api}). */
public enum ApiKind {
    /** OpenAI Chat Completions: {@code POST <baseUrl>/chat/completions}, baseUrl includes the version. */
    OPENAI_COMPLETIONS("openai-completions"),
    /** Anthropic Messages: {@code POST <baseUrl>/v1/messages}, baseUrl is the host. */
    ANTHROPIC_MESSAGES("anthropic-messages"),
    /**
     * A local program run per call ({@code agents.defaults.cliBackends}, e.g. {@code claude-cli}), not an HTTP
     * endpoint. Never read from {@code models.providers.<id>.api}: {@link #parse} knows only the HTTP kinds.
     */
    CLI_BACKEND("cli-backend");

    private final String wireName;

    ApiKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether this kind is called over HTTP (every kind but {@link #CLI_BACKEND}). */
    public boolean http() {
        return this != CLI_BACKEND;
    }

    /** The HTTP kind of a {@code models.providers.<id>.api} value. */
    public static Optional<ApiKind> parse(String value) {
        for (ApiKind k : values()) {
            if (k.http() && k.wireName.equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
