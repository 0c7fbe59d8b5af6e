package ai.openclaw.config;

import java.util.Arrays;
import java.util.Optional;

/** {@code models.providers.<id>.auth}: how requests to the provider authenticate. */
public enum ProviderAuth {
    API_KEY("api-key"),
    AWS_SDK("aws-sdk"),
    OAUTH("oauth"),
    TOKEN("token");

    private final String wireName;

    ProviderAuth(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ProviderAuth> fromWireName(String value) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(value)).findFirst();
    }
}
