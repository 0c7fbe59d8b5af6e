package ai.openclaw.config;

import ai.openclaw.env.EnvLoader;
import ai.openclaw.env.LayeredEnv;
import ai.openclaw.env.ShellEnvRunner;
import ai.openclaw.paths.StatePaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads {@code openclaw.json}: parse the raw JSON5, build the {@link LayeredEnv} from the raw {@code env}
 * block, substitute {@code ${VAR}} in a copy, and build the typed view.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    /**
     * Loads the config at {@link StatePaths#configPath()}; a missing file gives an empty config.
     *
     * @throws ai.openclaw.json.MalformedFileException when the file cannot be read or is not valid JSON5
     * @throws ConfigException                         when a value has the wrong type or a {@code ${VAR}} is missing
     */
    public static LoadedConfig load(StatePaths paths, Map<String, String> processEnv, ShellEnvRunner shellRunner) {
        Path file = paths.configPath();
        Optional<String> text = Json5.readText(file);
        if (text.isEmpty()) {
            LayeredEnv env = EnvLoader.load(processEnv, paths.configDir(), null, shellRunner);
            return new LoadedConfig(OpenClawConfig.empty(file), env);
        }
        ParsedDocument raw = Json5.parse(file, text.get());
        LayeredEnv env = EnvLoader.load(processEnv, paths.configDir(), raw.root().get("env"), shellRunner);
        return new LoadedConfig(build(raw, env, paths), env);
    }

    /**
     * Builds a config from text, against an environment the caller already has (tests, tools that
     * validate a file before installing it).
     */
    public static OpenClawConfig parse(Path path, String text, LayeredEnv env, StatePaths paths) {
        return build(Json5.parse(path, text), env, paths);
    }

    static OpenClawConfig build(ParsedDocument raw, LayeredEnv env, StatePaths paths) {
        ObjectNode resolved = EnvSubstitution.apply(raw, env);
        ConfigParser parser = new ConfigParser(new ParsedDocument(raw.path(), resolved, raw.sourceMap()), paths);
        List<String> migrations = new ArrayList<>();
        AuthConfig auth = parser.auth(migrations);
        return new OpenClawConfig(raw.path(), true, (ObjectNode) raw.root(), resolved, raw.sourceMap(),
                auth, parser.models(), parser.agents(), migrations);
    }
}
