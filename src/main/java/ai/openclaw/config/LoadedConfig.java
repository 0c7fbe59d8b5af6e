package ai.openclaw.config;

import ai.openclaw.env.LayeredEnv;
import java.util.Objects;

/**
 * The config together with the environment it was resolved against.
 *
 * @param config the typed config
 * @param env    process env, global {@code .env}, config {@code env} block and shell import, layered
 */
public record LoadedConfig(OpenClawConfig config, LayeredEnv env) {
    public LoadedConfig {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(env, "env");
    }
}
