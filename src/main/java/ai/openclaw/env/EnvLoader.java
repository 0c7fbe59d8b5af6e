package ai.openclaw.env;

import ai.openclaw.env.LayeredEnv.Source;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Builds the {@link LayeredEnv}. Layers, highest precedence first; a layer never overrides a variable an
 * earlier one already set to a non-blank value:
 * <ol>
 *   <li>the process environment;</li>
 *   <li>{@code <configDir>/.env} (see {@link Dotenv});</li>
 *   <li>the config {@code env} block: first {@code env.vars.<KEY>}, then {@code env.<KEY>} (the keys
 *       {@code vars} and {@code shellEnv} themselves excluded). Only literal strings count: a value holding a
 *       {@code ${VAR}} reference is left to config substitution instead of being exported unexpanded;</li>
 *   <li>the login shell, only when {@code env.shellEnv.enabled} is {@code true} or
 *       {@code OPENCLAW_LOAD_SHELL_ENV} is truthy ({@code 1}, {@code true}, {@code yes}, {@code on}) in the
 *       layers above. Timeout: {@code env.shellEnv.timeoutMs}, else {@code OPENCLAW_SHELL_ENV_TIMEOUT_MS},
 *       else {@value #DEFAULT_SHELL_TIMEOUT_MS} ms. The shell is {@code $SHELL}, else {@code /bin/sh}. Only
 *       missing variables accepted by {@link ShellImportFilter} are imported.</li>
 * </ol>
 * Problems (bad {@code .env} lines, a failed or timed-out shell, non-string {@code env} entries) become
 * {@link LayeredEnv#warnings()}; loading the environment never fails.
 */
public final class EnvLoader {
    public static final long DEFAULT_SHELL_TIMEOUT_MS = 15_000;
    static final String DOTENV_FILE = ".env";
    static final Path FALLBACK_SHELL = Path.of("/bin/sh");

    private static final Set<String> RESERVED_ENV_KEYS = Set.of("vars", "shellEnv");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{[A-Z_][A-Z0-9_]*}");

    private EnvLoader() {}

    /**
     * @param processEnv     the process environment
     * @param configDir      the folder holding the global {@code .env}
     * @param configEnvBlock the raw (unsubstituted) {@code env} node of the config; null or missing for none
     * @param shellRunner    runs the login shell when the import is enabled
     */
    public static LayeredEnv load(
            Map<String, String> processEnv, Path configDir, JsonNode configEnvBlock, ShellEnvRunner shellRunner) {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(shellRunner, "shellRunner");
        LayeredEnv.Builder env = LayeredEnv.builder(processEnv);

        Dotenv.Result dotenv = Dotenv.read(configDir.resolve(DOTENV_FILE));
        dotenv.warnings().forEach(env::warning);
        dotenv.values().forEach((name, value) -> env.offer(name, value, Source.DOTENV));

        JsonNode block = configEnvBlock == null || configEnvBlock.isMissingNode() || configEnvBlock.isNull()
                ? null
                : configEnvBlock;
        if (block != null && !block.isObject()) {
            env.warning("config env: expected an object; ignored");
            block = null;
        }
        if (block != null) {
            JsonNode vars = block.get("vars");
            if (vars != null && vars.isObject()) {
                offerConfigValues(env, vars, "env.vars");
            } else if (vars != null && !vars.isNull()) {
                env.warning("config env.vars: expected an object; ignored");
            }
            offerConfigValues(env, block, "env");
        }

        JsonNode shellEnv = block == null ? null : block.get("shellEnv");
        boolean enabled = (shellEnv != null && shellEnv.path("enabled").isBoolean() && shellEnv.path("enabled").booleanValue())
                || env.current("OPENCLAW_LOAD_SHELL_ENV").map(EnvLoader::isTruthy).orElse(false);
        env.shellEnvEnabled(enabled);
        if (enabled) {
            importFromShell(env, shellRunner, shellTimeout(shellEnv, env));
        }
        return env.build();
    }

    private static void offerConfigValues(LayeredEnv.Builder env, JsonNode object, String label) {
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String name = entry.getKey();
            if (label.equals("env") && RESERVED_ENV_KEYS.contains(name)) {
                continue;
            }
            JsonNode value = entry.getValue();
            if (!NAME.matcher(name).matches()) {
                env.warning("config " + label + "." + name + ": not a valid variable name; ignored");
            } else if (!value.isString()) {
                env.warning("config " + label + "." + name + ": expected a string; ignored");
            } else if (!REFERENCE.matcher(value.stringValue()).find()) {
                env.offer(name, value.stringValue(), Source.CONFIG);
            }
        }
    }

    private static Duration shellTimeout(JsonNode shellEnv, LayeredEnv.Builder env) {
        JsonNode configured = shellEnv == null ? null : shellEnv.get("timeoutMs");
        if (configured != null && configured.isNumber() && configured.asDouble() >= 1 && Double.isFinite(configured.asDouble())) {
            return Duration.ofMillis(configured.asLong());
        }
        return env.current("OPENCLAW_SHELL_ENV_TIMEOUT_MS")
                .flatMap(EnvLoader::positiveMillis)
                .orElse(Duration.ofMillis(DEFAULT_SHELL_TIMEOUT_MS));
    }

    private static Optional<Duration> positiveMillis(String text) {
        try {
            long ms = Long.parseLong(text.strip());
            return ms > 0 ? Optional.of(Duration.ofMillis(ms)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void importFromShell(LayeredEnv.Builder env, ShellEnvRunner runner, Duration timeout) {
        Path shell = env.current("SHELL").map(s -> Path.of(s.strip())).orElse(FALLBACK_SHELL);
        Map<String, String> captured;
        try {
            captured = runner.capture(shell, env.snapshot(), timeout);
        } catch (ShellEnvException e) {
            env.warning("shell env import skipped: " + e.getMessage());
            return;
        }
        captured.forEach((name, value) -> {
            if (ShellImportFilter.accepts(name) && value != null && !value.isBlank()) {
                env.offer(name, value, Source.SHELL);
            }
        });
    }

    static boolean isTruthy(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            default -> false;
        };
    }
}
