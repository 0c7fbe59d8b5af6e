package ai.openclaw.secrets;

import ai.openclaw.secrets.SecretRef.Source;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One entry of {@code secrets.providers.<alias>}. Values are validated and defaulted by
 * {@link SecretsConfig#fromJson}; paths are absolute with {@code ~} already expanded.
 */
public sealed interface SecretProviderConfig {
    int DEFAULT_TIMEOUT_MS = 5_000;
    int MAX_TIMEOUT_MS = 120_000;
    int DEFAULT_MAX_BYTES = 1024 * 1024;
    int MAX_MAX_BYTES = 20 * 1024 * 1024;

    Source source();

    /**
     * Reads process environment variables.
     *
     * @param allowlist the only variable names this provider may read; {@code null} means any
     */
    record EnvProvider(List<String> allowlist) implements SecretProviderConfig {
        /** The provider used for the default env alias when none is configured. */
        public static final EnvProvider IMPLICIT = new EnvProvider(null);

        public EnvProvider {
            allowlist = allowlist == null ? null : List.copyOf(allowlist);
        }

        @Override
        public Source source() {
            return Source.ENV;
        }
    }

    enum FileMode {
        /** The file is a JSON object; ids are JSON pointers into it. */
        JSON("json"),
        /** The whole file (BOM and one trailing newline removed) is the value; the id must be {@code value}. */
        SINGLE_VALUE("singleValue");

        private final String wireName;

        FileMode(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** Reads one local file holding one or many secrets. */
    record FileProvider(Path path, FileMode mode, int timeoutMs, int maxBytes, boolean allowInsecurePath)
            implements SecretProviderConfig {
        public FileProvider {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(mode, "mode");
        }

        @Override
        public Source source() {
            return Source.FILE;
        }
    }

    /**
     * Runs a local program (no shell) that answers a JSON request on stdin with values on stdout.
     *
     * @param env variables set in the child, which otherwise gets an empty environment (values are
     *     configuration, possibly secret, so this record's {@code toString} lists only the names)
     * @param passEnv names copied from the parent environment into the child
     * @param trustedDirs when non-empty, the command (after symlink resolution) must lie inside one of them
     */
    record ExecProvider(
            Path command,
            List<String> args,
            int timeoutMs,
            int noOutputTimeoutMs,
            int maxOutputBytes,
            boolean jsonOnly,
            Map<String, String> env,
            List<String> passEnv,
            List<Path> trustedDirs,
            boolean allowInsecurePath,
            boolean allowSymlinkCommand)
            implements SecretProviderConfig {
        public ExecProvider {
            Objects.requireNonNull(command, "command");
            args = List.copyOf(args);
            env = Map.copyOf(env);
            passEnv = List.copyOf(passEnv);
            trustedDirs = List.copyOf(trustedDirs);
        }

        @Override
        public Source source() {
            return Source.EXEC;
        }

        @Override
        public String toString() {
            // args and env values may carry tokens (e.g. a vault token in env); show their shape only.
            return "ExecProvider[command=" + command + ", args=" + args.size() + " arg(s), timeoutMs=" + timeoutMs
                    + ", noOutputTimeoutMs=" + noOutputTimeoutMs + ", maxOutputBytes=" + maxOutputBytes
                    + ", jsonOnly=" + jsonOnly + ", env=" + new TreeSet<>(env.keySet())
                    + ", passEnv=" + passEnv + ", trustedDirs=" + trustedDirs
                    + ", allowInsecurePath=" + allowInsecurePath + ", allowSymlinkCommand=" + allowSymlinkCommand + "]";
        }
    }

    /**
     * An exec provider backed by a plugin integration ({@code pluginIntegration: {pluginId, integrationId}}).
     * Accepted so valid OpenClaw configs load; refs to it fail at resolution because plugins are not
     * supported here.
     */
    record PluginExecProvider(String pluginId, String integrationId) implements SecretProviderConfig {
        public PluginExecProvider {
            Objects.requireNonNull(pluginId, "pluginId");
            Objects.requireNonNull(integrationId, "integrationId");
        }

        @Override
        public Source source() {
            return Source.EXEC;
        }
    }
}
