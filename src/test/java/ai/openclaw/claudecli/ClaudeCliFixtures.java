package ai.openclaw.claudecli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Claude CLI credential files as Claude Code writes them, for tests. */
public final class ClaudeCliFixtures {
    public static final String ACCESS = "sk-ant-oat01-" + "A".repeat(60) + "-access";
    public static final String ACCESS_2 = "sk-ant-oat01-" + "B".repeat(60) + "-renewed";
    public static final String REFRESH = "sk-ant-ort01-" + "R".repeat(60) + "-refresh";
    public static final String REFRESH_2 = "sk-ant-ort01-" + "S".repeat(60) + "-rotated";

    private ClaudeCliFixtures() {}

    /** {@code {"claudeAiOauth": {...}}} with a refresh token (null: without one, a token-only login). */
    public static String credentialsJson(String access, String refresh, long expiresAt) {
        return "{\n  \"claudeAiOauth\": {\n    \"accessToken\": \"" + access + "\",\n"
                + (refresh == null ? "" : "    \"refreshToken\": \"" + refresh + "\",\n")
                + "    \"expiresAt\": " + expiresAt + ",\n    \"scopes\": [\"user:inference\", \"user:profile\"],\n"
                + "    \"subscriptionType\": \"max\"\n  },\n  \"mcpOAuth\": {}\n}\n";
    }

    /** Writes {@code <home>/.claude/.credentials.json} (0600, as Claude Code does). */
    public static Path writeCredentials(Path home, String json) {
        return write(home.resolve(".claude").resolve(".credentials.json"), json);
    }

    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An executable shell script that records its arguments, one per line, in {@code argvFile} and exits. */
    public static Path fakeClaude(Path binDir, Path argvFile, int exitCode) {
        Path script = write(binDir.resolve("claude"), "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + argvFile + "'\nexit "
                + exitCode + "\n");
        try {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script;
    }
}
