package ai.openclaw.config;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites of old config shapes. Loading reads the config as if migrated and reports a note per rewrite
 * ({@link OpenClawConfig#migrations()}); {@code doctor --fix} persists them with
 * {@code configWriter.update(path, ConfigMigrations::apply)}.
 *
 * <p>Current rewrite: the reserved Claude CLI profile {@code auth.profiles["anthropic:claude-cli"]} was
 * written with {@code mode: "token"} by early versions; it holds an OAuth credential, so it reads as
 * {@code oauth}.
 */
public final class ConfigMigrations {
    /** The reserved profile id of the Claude CLI credential. */
    public static final String CLAUDE_CLI_PROFILE_ID = "anthropic:claude-cli";

    private ConfigMigrations() {}

    /** One note per rewrite {@link #apply} would make to {@code root}; empty when up to date. */
    public static List<String> pending(JsonNode root) {
        List<String> notes = new ArrayList<>();
        if (claudeCliHasTokenMode(root)) {
            notes.add(claudeCliModePath() + ": " + AuthMode.TOKEN.wireName() + " → " + AuthMode.OAUTH.wireName());
        }
        return List.copyOf(notes);
    }

    /** Applies every pending rewrite to {@code root} in place and returns it. Keys it does not own are untouched. */
    public static ObjectNode apply(ObjectNode root) {
        if (claudeCliHasTokenMode(root)) {
            ((ObjectNode) root.get("auth").get("profiles").get(CLAUDE_CLI_PROFILE_ID))
                    .put("mode", AuthMode.OAUTH.wireName());
        }
        return root;
    }

    static JsonPath claudeCliModePath() {
        return JsonPath.of("auth", "profiles", CLAUDE_CLI_PROFILE_ID, "mode");
    }

    static boolean claudeCliHasTokenMode(JsonNode root) {
        JsonNode mode = root.path("auth").path("profiles").path(CLAUDE_CLI_PROFILE_ID).path("mode");
        return mode.isString() && mode.stringValue().equals(AuthMode.TOKEN.wireName());
    }
}
