package ai.openclaw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import ai.openclaw.fs.FileLockManager;
import ai.openclaw.json.MalformedFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWriterTest {
    @TempDir
    Path dir;

    private final ConfigWriter writer = new ConfigWriter(new FileLockManager(Clock.systemUTC(), ProcessHandle.current().pid()));

    private static final String ORIGINAL = """
            // my config
            {
              auth: { profiles: { "openai:me": { provider: "openai", mode: "api_key" } } },
              models: { providers: { openai: { apiKey: "${OPENAI_API_KEY}", baseUrl: "https://${HOST}/v1" } } },
              unknownTop: { keep: [1, 2] },
            }
            """;

    @Test
    void update_keepsUnknownKeysAndVariableText_writesBackupAndPrettyJson() throws Exception {
        Path config = dir.resolve("openclaw.json");
        Files.writeString(config, ORIGINAL);

        boolean written = writer.update(config, root -> {
            root.withObject("auth").withObject("profiles").putObject("anthropic:work")
                    .put("provider", "anthropic").put("mode", "token");
            return root;
        });

        assertThat(written).isTrue();
        String text = Files.readString(config);
        assertThat(text).contains("\"apiKey\": \"${OPENAI_API_KEY}\"")
                .contains("\"baseUrl\": \"https://${HOST}/v1\"")
                .contains("\"unknownTop\": {")
                .contains("\"anthropic:work\": {")
                .endsWith("}\n")
                .doesNotContain("// my config");
        assertThat(Json5.parse(config, text).root().at("/unknownTop/keep/1").intValue()).isEqualTo(2);
        Path backup = dir.resolve("openclaw.json.bak");
        assertThat(Files.readString(backup)).isEqualTo(ORIGINAL);
        assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(config)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void update_refusesMalformedFile_andLeavesItByteIdentical_withoutBackup() throws Exception {
        Path config = dir.resolve("openclaw.json");
        byte[] broken = "{\n  auth: { profiles: {\n  // truncated".getBytes();
        Files.write(config, broken);
        AtomicBoolean called = new AtomicBoolean();

        assertThatThrownBy(() -> writer.update(config, root -> {
            called.set(true);
            return root;
        })).isInstanceOf(MalformedFileException.class).hasMessageStartingWith(config.toString());

        assertThat(called).isFalse();
        assertThat(Files.readAllBytes(config)).isEqualTo(broken);
        assertThat(dir.resolve("openclaw.json.bak")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("openclaw.json");
        }
    }

    @Test
    void update_missingFile_isCreatedWithPrivateParentDir() throws Exception {
        Path config = dir.resolve("new-state/openclaw.json");

        writer.update(config, root -> root.put("a", 1));

        assertThat(Files.readString(config)).isEqualTo("{\n  \"a\": 1\n}\n");
        assertThat(Files.getPosixFilePermissions(config.getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(dir.resolve("new-state/openclaw.json.bak")).doesNotExist();
    }

    @Test
    void update_withoutChange_writesNothing_soCommentsSurvive() throws Exception {
        Path config = dir.resolve("openclaw.json");
        Files.writeString(config, ORIGINAL);

        boolean written = writer.update(config, root -> root);

        assertThat(written).isFalse();
        assertThat(Files.readString(config)).isEqualTo(ORIGINAL);
        assertThat(dir.resolve("openclaw.json.bak")).doesNotExist();
    }

    @Test
    void update_nonObjectRoot_isRefused() throws Exception {
        Path config = dir.resolve("openclaw.json");
        Files.writeString(config, "[1]");

        assertThatThrownBy(() -> writer.update(config, root -> root.put("a", 1))).isInstanceOf(ConfigException.class);
        assertThat(Files.readString(config)).isEqualTo("[1]");
    }

    @Test
    void update_whenTargetIsImmutable_failsAndKeepsTheFile() throws Exception {
        Path config = dir.resolve("openclaw.json");
        Files.writeString(config, "{a: 1}");
        // Root ignores permission bits; the immutable attribute stops even root from replacing entries.
        assumeThat(chattr("+i", dir)).isZero();
        try {
            assertThatThrownBy(() -> writer.update(config, root -> root.put("a", 2)))
                    .isInstanceOf(RuntimeException.class);
            assertThat(Files.readString(config)).isEqualTo("{a: 1}");
        } finally {
            chattr("-i", dir);
        }
    }

    @Test
    void update_migrationHelper_persistsClaudeCliModeFix() throws Exception {
        Path config = dir.resolve("openclaw.json");
        Files.writeString(config, "{auth: {profiles: {'anthropic:claude-cli': {provider: 'anthropic', mode: 'token'}}}}");

        writer.update(config, ConfigMigrations::apply);

        assertThat(Json5.parse(config, Files.readString(config)).root()
                .at("/auth/profiles/anthropic:claude-cli/mode").stringValue()).isEqualTo("oauth");
    }

    private static int chattr(String flag, Path path) throws Exception {
        try {
            Process p = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

}
