package ai.openclaw.claudecli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaudeCliLocatorTest {
    @TempDir
    Path dir;

    private Path file(String relative, String mode) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        return p;
    }

    @Test
    void claudeIsFoundOnPath_firstExecutableWins() throws IOException {
        file("a/claude", "rw-------");
        Path b = file("b/claude", "rwx------");
        file("c/claude", "rwx------");
        String path = dir.resolve("a") + ":" + dir.resolve("missing") + "::" + dir.resolve("b") + ":" + dir.resolve("c");
        assertThat(ClaudeCliLocator.locate(path, null)).contains(b);
    }

    @Test
    void nothingOnPath_orNoPath_isNotFound() throws IOException {
        file("bin/other", "rwx------");
        assertThat(ClaudeCliLocator.locate(dir.resolve("bin").toString(), null)).isEmpty();
        assertThat(ClaudeCliLocator.locate(null, null)).isEmpty();
    }

    @Test
    void aDirectoryNamedClaude_isNotTheProgram() throws IOException {
        Files.createDirectories(dir.resolve("bin/claude"));
        assertThat(ClaudeCliLocator.locate(dir.resolve("bin").toString(), null)).isEmpty();
    }

    @Test
    void theConfiguredCommand_winsOverPath() throws IOException {
        file("path/claude", "rwx------");
        Path configured = file("opt/claude-code/bin/claude", "rwx------");
        assertThat(ClaudeCliLocator.locate(dir.resolve("path").toString(), configured.toString())).contains(configured);
    }

    @Test
    void aConfiguredBareName_isLookedUpOnPath() throws IOException {
        Path named = file("bin/claude-beta", "rwx------");
        assertThat(ClaudeCliLocator.locate(dir.resolve("bin").toString(), "claude-beta")).contains(named);
    }

    @Test
    void aConfiguredPathThatIsNotExecutable_isNotFound_evenIfPathHasClaude() throws IOException {
        file("path/claude", "rwx------");
        Path configured = file("opt/claude", "rw-------");
        assertThat(ClaudeCliLocator.locate(dir.resolve("path").toString(), configured.toString())).isEmpty();
        assertThat(ClaudeCliLocator.notFoundMessage(configured.toString()))
                .contains("agents.defaults.cliBackends.claude-cli.command is \"" + configured + "\"")
                .contains("not an executable file");
    }

    @Test
    void theNotFoundMessage_saysWhereItLookedAndWhatToDo() {
        assertThat(ClaudeCliLocator.notFoundMessage(null)).isEqualTo("Claude CLI not found on PATH (or "
                + "agents.defaults.cliBackends.claude-cli.command). Install Claude Code "
                + "(https://docs.anthropic.com/claude-code) and run `claude` to log in.");
    }
}
