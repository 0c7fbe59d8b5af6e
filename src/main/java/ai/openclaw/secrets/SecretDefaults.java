package ai.openclaw.secrets;

import ai.openclaw.secrets.SecretRef.Source;
import java.util.Objects;

/**
 * {@code secrets.defaults}: the provider alias a ref without one resolves against, per source.
 * Each defaults to {@value SecretRef#DEFAULT_PROVIDER_ALIAS}.
 */
public record SecretDefaults(String env, String file, String exec) {
    public static final SecretDefaults NONE = new SecretDefaults(
            SecretRef.DEFAULT_PROVIDER_ALIAS, SecretRef.DEFAULT_PROVIDER_ALIAS, SecretRef.DEFAULT_PROVIDER_ALIAS);

    public SecretDefaults {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(exec, "exec");
    }

    public String aliasFor(Source source) {
        return switch (source) {
            case ENV -> env;
            case FILE -> file;
            case EXEC -> exec;
        };
    }
}
