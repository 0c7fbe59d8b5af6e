package ai.openclaw.credential;

/** The stored credential kinds of {@code auth-profiles.json}. */
public enum CredentialType {
    API_KEY("api_key"),
    TOKEN("token"),
    OAUTH("oauth");

    private final String wireName;

    CredentialType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Accepts the wire names plus the legacy alias {@code apiKey}; null for anything else. */
    public static CredentialType parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip()) {
            case "api_key", "apiKey" -> API_KEY;
            case "token" -> TOKEN;
            case "oauth" -> OAUTH;
            default -> null;
        };
    }
}
