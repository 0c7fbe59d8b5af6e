package ai.openclaw.config;

import java.util.Arrays;
import java.util.Optional;

/** {@code auth.profiles.<id>.mode}: which kind of credential the profile is meant to use. */
public enum AuthMode {
    API_KEY("api_key"),
    TOKEN("token"),
    OAUTH("oauth"),
    AWS_SDK("aws-sdk");

    private final String wireName;

    AuthMode(String wireName) {
        this.wireName = wireName;
    }

    /** The spelling used in the config file. */
    public String wireName() {
        return wireName;
    }

    /** The mode spelled exactly {@code value}; empty for anything else. */
    public static Optional<AuthMode> fromWireName(String value) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(value)).findFirst();
    }
}
