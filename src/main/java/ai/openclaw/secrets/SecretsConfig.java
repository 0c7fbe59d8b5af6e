package ai.openclaw.secrets;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The {@code secrets} block of {@code openclaw.json}: default aliases, configured providers and the limits
 * of one resolution pass. Immutable; {@link #EMPTY} stands for a config without the block.
 */
public record SecretsConfig(
        SecretDefaults defaults, Map<String, SecretProviderConfig> providers, ResolutionLimits resolution) {
    public static final SecretsConfig EMPTY = new SecretsConfig(SecretDefaults.NONE, Map.of(), ResolutionLimits.DEFAULTS);

    public SecretsConfig {
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(resolution, "resolution");
        providers = Map.copyOf(providers);
    }

    /**
     * Parses the {@code secrets} node of the config.
     *
     * @param secretsNode the node; {@code null}, missing or JSON null give {@link #EMPTY}
     * @param home the directory {@code ~} expands to in provider paths
     * @throws IllegalArgumentException naming the JSON path of the first problem, e.g.
     *     {@code secrets.providers.vault.command: must be an absolute path}; never quoting a value
     */
    public static SecretsConfig fromJson(JsonNode secretsNode, Path home) {
        return new SecretsConfigParser(home).parse(secretsNode);
    }

    /** The configured provider for {@code alias}, if any. */
    public Optional<SecretProviderConfig> provider(String alias) {
        return Optional.ofNullable(providers.get(alias));
    }

    /** The ref with its provider filled in from {@link #defaults} when it names none. */
    public SecretRef normalize(SecretRef ref) {
        return ref.hasExplicitProvider() ? ref : ref.withProvider(defaults.aliasFor(ref.source()));
    }
}
