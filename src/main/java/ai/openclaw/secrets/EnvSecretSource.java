package ai.openclaw.secrets;

import ai.openclaw.secrets.SecretProviderConfig.EnvProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Resolves env refs from the injected environment, honouring the provider's allowlist. */
final class EnvSecretSource {
    private final Map<String, String> env;

    EnvSecretSource(Map<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    Map<String, IdResult> resolve(String alias, EnvProvider provider, List<String> ids) {
        Map<String, IdResult> results = new LinkedHashMap<>();
        for (String id : ids) {
            results.put(id, resolveOne(alias, provider, id));
        }
        return results;
    }

    private IdResult resolveOne(String alias, EnvProvider provider, String id) {
        if (provider.allowlist() != null && !provider.allowlist().contains(id)) {
            return new IdResult.Problem("Environment variable \"" + id + "\" is not allowlisted in secrets.providers."
                    + alias + ".allowlist.");
        }
        String value = env.get(id);
        if (value == null || value.isBlank()) {
            return new IdResult.Problem("Environment variable \"" + id + "\" is missing or empty.");
        }
        return new IdResult.Value(value);
    }
}
