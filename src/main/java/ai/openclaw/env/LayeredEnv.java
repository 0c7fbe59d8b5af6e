package ai.openclaw.env;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The effective environment: the process environment plus the variables the loader layered on top of it,
 * each remembering which layer supplied it.
 *
 * <p>A layer never overrides a variable an earlier layer already set to a non-blank value; a blank value
 * counts as unset, both for layering and for {@link #get}. Immutable; {@link #toString()} lists counts only.
 */
public final class LayeredEnv {
    /** Which layer supplied a variable. */
    public enum Source {
        /** The environment the process was started with. */
        PROCESS,
        /** The global {@code .env} in the config dir. */
        DOTENV,
        /** The {@code env} block of the config file. */
        CONFIG,
        /** Imported from the user's login shell. */
        SHELL
    }

    private final Map<String, String> values;
    private final Map<String, Source> sources;
    private final List<String> shellImportedKeys;
    private final boolean shellEnvEnabled;
    private final List<String> warnings;

    private LayeredEnv(Builder builder) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(builder.values));
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(builder.sources));
        this.shellImportedKeys = List.copyOf(builder.shellImportedKeys);
        this.shellEnvEnabled = builder.shellEnvEnabled;
        this.warnings = List.copyOf(builder.warnings);
    }

    /** The process environment alone, with no further layers. */
    public static LayeredEnv ofProcess(Map<String, String> processEnv) {
        return builder(processEnv).build();
    }

    /** A builder seeded with the process environment. */
    public static Builder builder(Map<String, String> processEnv) {
        return new Builder(processEnv);
    }

    /** The value of {@code name}; empty when unset, empty or blank. */
    public Optional<String> get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Whether {@link #get} would return a value. */
    public boolean has(String name) {
        return get(name).isPresent();
    }

    /**
     * The layer that supplied {@code name}, or {@code null} when the variable is unset or blank (callers
     * normally ask only after {@link #get} found a value).
     */
    public Source source(String name) {
        return has(name) ? sources.get(name) : null;
    }

    /** How a credential read from {@code name} is labelled: {@code shell env: NAME} or {@code env: NAME}. */
    public String label(String name) {
        return (source(name) == Source.SHELL ? "shell env: " : "env: ") + name;
    }

    /** Every variable, including blank process variables, in insertion order. */
    public Map<String, String> asMap() {
        return values;
    }

    /** Variables the login-shell import added, in the order they were added. */
    public List<String> shellImportedKeys() {
        return shellImportedKeys;
    }

    /** Whether the login-shell import was switched on (whether or not it succeeded). */
    public boolean shellEnvEnabled() {
        return shellEnvEnabled;
    }

    /** Problems met while loading ({@code .env} lines skipped, shell import failures); never values. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        Map<Source, Integer> counts = new LinkedHashMap<>();
        sources.values().forEach(s -> counts.merge(s, 1, Integer::sum));
        return "LayeredEnv[" + counts + ", shellEnvEnabled=" + shellEnvEnabled + ", warnings=" + warnings.size() + "]";
    }

    /** Collects layers in precedence order: earlier offers win. */
    public static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Map<String, Source> sources = new LinkedHashMap<>();
        private final List<String> shellImportedKeys = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private boolean shellEnvEnabled;

        private Builder(Map<String, String> processEnv) {
            Objects.requireNonNull(processEnv, "processEnv").forEach((name, value) -> {
                if (name != null && value != null) {
                    values.put(name, value);
                    sources.put(name, Source.PROCESS);
                }
            });
        }

        /**
         * Sets {@code name} from {@code source} unless it already has a non-blank value.
         *
         * @return whether the value was taken
         */
        public boolean offer(String name, String value, Source source) {
            Objects.requireNonNull(source, "source");
            if (name == null || value == null || isSet(name)) {
                return false;
            }
            // Keep insertion order stable: a blank process entry is replaced in place.
            values.put(name, value);
            sources.put(name, source);
            if (source == Source.SHELL) {
                shellImportedKeys.add(name);
            }
            return true;
        }

        /** Whether {@code name} already has a non-blank value. */
        public boolean isSet(String name) {
            String current = values.get(name);
            return current != null && !current.isBlank();
        }

        /** The current non-blank value of {@code name}, if any. */
        public Optional<String> current(String name) {
            return isSet(name) ? Optional.of(values.get(name)) : Optional.empty();
        }

        /** A snapshot of the variables set so far (for a child process environment). */
        public Map<String, String> snapshot() {
            return Map.copyOf(values);
        }

        public Builder shellEnvEnabled(boolean enabled) {
            this.shellEnvEnabled = enabled;
            return this;
        }

        public Builder warning(String warning) {
            warnings.add(Objects.requireNonNull(warning, "warning"));
            return this;
        }

        public LayeredEnv build() {
            return new LayeredEnv(this);
        }
    }
}
