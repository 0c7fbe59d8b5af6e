package ai.openclaw.config;

import ai.openclaw.core.ProviderIds;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code models} block.
 *
 * @param mode      how configured providers combine with the built-in catalog
 * @param providers {@code models.providers}, keyed by normalised provider id, in file order
 */
public record ModelsConfig(Mode mode, Map<String, ProviderConfig> providers) {
    public static final ModelsConfig EMPTY = new ModelsConfig(Mode.MERGE, Map.of());

    /** {@code models.mode}. */
    public enum Mode {
        MERGE("merge"),
        REPLACE("replace");

        private final String wireName;

        Mode(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Optional<Mode> fromWireName(String value) {
            for (Mode mode : values()) {
                if (mode.wireName.equals(value)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    public ModelsConfig {
        Objects.requireNonNull(mode, "mode");
        providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
    }

    /** The provider configured as {@code id} (normalised before lookup). */
    public Optional<ProviderConfig> provider(String id) {
        return Optional.ofNullable(providers.get(ProviderIds.normalize(id)));
    }
}
