package ai.openclaw.providers;

import java.util.Optional;

/** The wire protocol of an upstream endpoint ({@code models.providers.<id>.api}). */
public enum ApiKind {
    /** OpenAI Chat Completions: {@code POST <baseUrl>/chat/completions}, baseUrl includes the version. */
    OPENAI_COMPLETIONS("openai-completions"),
    /** Anthropic Messages: {@code POST <baseUrl>/v1/messages}, baseUrl is the host. */
    ANTHROPIC_MESSAGES("anthropic-messages");

    private final String wireName;

    ApiKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ApiKind> parse(String value) {
        for (ApiKind k : values()) {
            if (k.wireName.equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
