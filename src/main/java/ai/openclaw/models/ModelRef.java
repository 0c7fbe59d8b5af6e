package ai.openclaw.models;

import ai.openclaw.core.ProviderIds;
import java.util.Optional;

/**
 * A model reference {@code provider/model}. The split is at the first {@code /}; the model part may contain more
 * slashes ({@code openrouter/moonshotai/kimi-k2}).
 */
public record ModelRef(String provider, String model) {
    public static Optional<ModelRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash <= 0 || slash == t.length() - 1) {
            return Optional.empty();
        }
        String provider = ProviderIds.normalize(t.substring(0, slash));
        String model = t.substring(slash + 1).strip();
        if (provider.isEmpty() || model.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ModelRef(provider, model));
    }

    /** {@code provider/model}. */
    public String key() {
        return provider + "/" + model;
    }

    @Override
    public String toString() {
        return key();
    }
}
