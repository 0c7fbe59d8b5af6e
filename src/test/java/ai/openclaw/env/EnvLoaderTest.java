package ai.openclaw.env;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.env.LayeredEnv.Source;
import ai.openclaw.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class EnvLoaderTest {
    @TempDir
    Path dir;

    private static JsonNode json(String text) {
        return Json.parse(Path.of("test.json"), text);
    }

    /** Records calls and returns a fixed environment. */
    private static final class FakeShell implements ShellEnvRunner {
        final Map<String, String> output;
        final List<Duration> timeouts = new ArrayList<>();
        final List<Path> shells = new ArrayList<>();

        FakeShell(Map<String, String> output) {
            this.output = output;
        }

        @Override
        public Map<String, String> capture(Path shell, Map<String, String> environment, Duration timeout) {
            shells.add(shell);
            timeouts.add(timeout);
            return output;
        }
    }

    @Test
    void load_layersNeverOverride_processBeatsDotenvBeatsConfigBeatsShell() throws Exception {
        Files.writeString(dir.resolve(".env"), "P_API_KEY=dotenv\nD_API_KEY=dotenv\n");
        JsonNode block = json("""
                {"P_API_KEY": "config", "D_API_KEY": "config", "C_API_KEY": "config",
                 "shellEnv": {"enabled": true}}
                """);
        FakeShell shell = new FakeShell(Map.of(
                "P_API_KEY", "shell", "D_API_KEY", "shell", "C_API_KEY", "shell", "S_API_KEY", "shell"));

        LayeredEnv env = EnvLoader.load(Map.of("P_API_KEY", "process"), dir, block, shell);

        assertThat(env.get("P_API_KEY")).contains("process");
        assertThat(env.source("P_API_KEY")).isEqualTo(Source.PROCESS);
        assertThat(env.get("D_API_KEY")).contains("dotenv");
        assertThat(env.source("D_API_KEY")).isEqualTo(Source.DOTENV);
        assertThat(env.get("C_API_KEY")).contains("config");
        assertThat(env.source("C_API_KEY")).isEqualTo(Source.CONFIG);
        assertThat(env.get("S_API_KEY")).contains("shell");
        assertThat(env.source("S_API_KEY")).isEqualTo(Source.SHELL);
        assertThat(env.shellImportedKeys()).containsExactly("S_API_KEY");
        assertThat(env.label("S_API_KEY")).isEqualTo("shell env: S_API_KEY");
        assertThat(env.shellEnvEnabled()).isTrue();
    }

    @Test
    void load_configEnvBlock_readsVarsAndDirectKeys_skipsReservedKeysAndReferences() {
        JsonNode block = json("""
                {"vars": {"FROM_VARS": "v"}, "DIRECT": "d", "REF": "${OTHER}", "shellEnv": {"enabled": false},
                 "NUMBER": 5}
                """);

        LayeredEnv env = EnvLoader.load(Map.of(), dir, block, ShellEnvRunner.disabled());

        assertThat(env.get("FROM_VARS")).contains("v");
        assertThat(env.get("DIRECT")).contains("d");
        assertThat(env.get("REF")).isEmpty();
        assertThat(env.get("vars")).isEmpty();
        assertThat(env.get("shellEnv")).isEmpty();
        assertThat(env.get("NUMBER")).isEmpty();
        assertThat(env.warnings()).singleElement().asString().contains("env.NUMBER");
        assertThat(env.shellEnvEnabled()).isFalse();
    }

    @Test
    void load_blankProcessValue_isFilledByDotenv() throws Exception {
        Files.writeString(dir.resolve(".env"), "A=from-dotenv\n");

        LayeredEnv env = EnvLoader.load(Map.of("A", ""), dir, null, ShellEnvRunner.disabled());

        assertThat(env.get("A")).contains("from-dotenv");
        assertThat(env.source("A")).isEqualTo(Source.DOTENV);
    }

    @Test
    void load_dotenvWarnings_arePassedOn() throws Exception {
        Files.writeString(dir.resolve(".env"), "not a line\n");

        LayeredEnv env = EnvLoader.load(Map.of(), dir, null, ShellEnvRunner.disabled());

        assertThat(env.warnings()).singleElement().asString().startsWith(dir.resolve(".env") + ":1:");
    }

    @Test
    void load_shellImportIsOff_byDefault() {
        FakeShell shell = new FakeShell(Map.of("X_API_KEY", "s"));

        LayeredEnv env = EnvLoader.load(Map.of(), dir, null, shell);

        assertThat(shell.shells).isEmpty();
        assertThat(env.get("X_API_KEY")).isEmpty();
        assertThat(env.shellEnvEnabled()).isFalse();
    }

    @Test
    void load_shellImport_enabledByEnvVar_usesShellVar_andEnvTimeout() {
        FakeShell shell = new FakeShell(Map.of("X_API_KEY", "s", "PATH", "/evil", "OPENCLAW_LIVE_Y", "1"));

        LayeredEnv env = EnvLoader.load(Map.of("OPENCLAW_LOAD_SHELL_ENV", "1", "SHELL", "/bin/zsh",
                "OPENCLAW_SHELL_ENV_TIMEOUT_MS", "1234"), dir, null, shell);

        assertThat(shell.shells).containsExactly(Path.of("/bin/zsh"));
        assertThat(shell.timeouts).containsExactly(Duration.ofMillis(1234));
        assertThat(env.get("X_API_KEY")).contains("s");
        assertThat(env.get("OPENCLAW_LIVE_Y")).contains("1");
        assertThat(env.get("PATH")).isEmpty();
    }

    @Test
    void load_shellTimeout_configWinsOverEnv_defaultIs15s_andShellFallsBackToBinSh() {
        FakeShell configured = new FakeShell(Map.of());
        EnvLoader.load(Map.of("OPENCLAW_SHELL_ENV_TIMEOUT_MS", "1234"), dir,
                json("{\"shellEnv\": {\"enabled\": true, \"timeoutMs\": 500}}"), configured);
        FakeShell defaulted = new FakeShell(Map.of());
        EnvLoader.load(Map.of("OPENCLAW_LOAD_SHELL_ENV", "true", "OPENCLAW_SHELL_ENV_TIMEOUT_MS", "-5"), dir, null, defaulted);

        assertThat(configured.timeouts).containsExactly(Duration.ofMillis(500));
        assertThat(defaulted.timeouts).containsExactly(Duration.ofMillis(15_000));
        assertThat(defaulted.shells).containsExactly(Path.of("/bin/sh"));
    }

    @Test
    void load_shellFailure_becomesAWarning_andLoadingContinues() {
        ShellEnvRunner failing = (shell, environment, timeout) -> {
            throw new ShellEnvException("login shell /bin/x exited with status 3");
        };

        LayeredEnv env = EnvLoader.load(Map.of("OPENCLAW_LOAD_SHELL_ENV", "1", "A", "1"), dir, null, failing);

        assertThat(env.get("A")).contains("1");
        assertThat(env.shellEnvEnabled()).isTrue();
        assertThat(env.warnings()).singleElement().asString().contains("exited with status 3");
    }

    // ------------------------------------------------------------- real processes

    private Path script(String name, String body) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    @Test
    void load_realShellScript_importsOnlyMissingCredentialShapedKeys() throws Exception {
        // Stands in for a login shell: ignores "-l -c 'env -0'" and prints NUL-separated records.
        Path shell = script("fake-shell", """
                printf 'SHELLONLY_API_KEY=from-shell\\0PATH=/evil\\0PRESET_API_KEY=shell-value\\0'
                printf 'MULTI_TOKEN=line1\\nline2\\0ECHOED_API_KEY=%s\\0' "$INPUT_FOR_SHELL"
                """);
        Map<String, String> process = new HashMap<>(Map.of(
                "SHELL", shell.toString(), "PRESET_API_KEY", "process-value", "INPUT_FOR_SHELL", "seen",
                "PATH", "/usr/bin:/bin"));

        LayeredEnv env = EnvLoader.load(process, dir, json("{\"shellEnv\": {\"enabled\": true}}"), ShellEnvRunner.system());

        assertThat(env.warnings()).isEmpty();
        assertThat(env.get("SHELLONLY_API_KEY")).contains("from-shell");
        assertThat(env.get("MULTI_TOKEN")).contains("line1\nline2");
        assertThat(env.get("ECHOED_API_KEY")).contains("seen");
        assertThat(env.get("PRESET_API_KEY")).contains("process-value");
        assertThat(env.get("PATH")).contains("/usr/bin:/bin");
        assertThat(env.shellImportedKeys()).containsExactlyInAnyOrder("SHELLONLY_API_KEY", "MULTI_TOKEN", "ECHOED_API_KEY");
    }

    @Test
    void load_hangingShell_isKilledAtTheTimeout_withAWarning() throws Exception {
        Path childPid = dir.resolve("child.pid");
        Path shell = script("hanging-shell", "sleep 30 &\necho $! > '" + childPid + "'\nwait\n");

        long start = System.nanoTime();
        LayeredEnv env = EnvLoader.load(Map.of("SHELL", shell.toString(), "PATH", "/usr/bin:/bin"), dir,
                json("{\"shellEnv\": {\"enabled\": true, \"timeoutMs\": 300}}"), ShellEnvRunner.system());
        long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertThat(elapsedMs).isLessThan(5_000);
        assertThat(env.warnings()).singleElement().asString().contains("timed out after 300 ms");
        long pid = Long.parseLong(Files.readString(childPid).strip());
        // The grandchild (sleep) is killed too, not left running.
        boolean gone = ProcessHandle.of(pid).map(h -> h.onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                .handle((h2, err) -> err == null).join()).orElse(true);
        assertThat(gone).isTrue();
    }

    @Test
    void systemRunner_nonZeroExit_isAShellEnvException_withoutOutput() throws Exception {
        Path shell = script("failing-shell", "printf 'LEAK_API_KEY=sk-should-not-appear\\0'\nexit 7\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        ShellEnvRunner.system().capture(shell, Map.of(), Duration.ofSeconds(5)))
                .isInstanceOf(ShellEnvException.class)
                .hasMessageContaining("status 7")
                .hasMessageNotContaining("sk-should-not-appear");
    }

    @Test
    void systemRunner_missingShell_isAShellEnvException() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        ShellEnvRunner.system().capture(dir.resolve("no-such-shell"), Map.of(), Duration.ofSeconds(5)))
                .isInstanceOf(ShellEnvException.class)
                .hasMessageContaining("cannot start");
    }
}
