package ai.openclaw.clibackend;

import static ai.openclaw.testing.FakeClaude.assistant;
import static ai.openclaw.testing.FakeClaude.awaitFile;
import static ai.openclaw.testing.FakeClaude.err;
import static ai.openclaw.testing.FakeClaude.init;
import static ai.openclaw.testing.FakeClaude.out;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.openclaw.testing.FakeClaude;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The runner and its runs against a fake {@code claude} program: real processes, real pipes, real kills. */
@Timeout(60)
class ClaudeCliBackendTest {
    @TempDir
    Path dir;

    FakeClaude claude;
    ClaudeCliRunner runner;
    final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        claude = FakeClaude.create(dir.resolve("bin"));
        runner = new ClaudeCliRunner(dir);
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", dir.toString());
    }

    @AfterEach
    void tearDown() {
        runner.close();
    }

    CliBackendConfig config(String extra) {
        return CliBackendConfigReader.claudeCli(CliBackendConfigReaderTest.backend(
                "command: '" + claude.program() + "'" + (extra.isEmpty() ? "" : ", " + extra)));
    }

    CliRun start(CliBackendConfig config, ClaudeCliPrompt prompt) throws CliFailureException {
        return runner.start(new ClaudeCliRunner.Launch(config, "claude-sonnet-4-6",
                new ClaudeCliArgv.Session.Fresh("new-session"), prompt, env, dir.resolve("workspace")), () -> false);
    }

    CliRun start(CliBackendConfig config) throws CliFailureException {
        return start(config, new ClaudeCliPrompt("Hello", "Be brief."));
    }

    static List<CliEvent> drain(CliRun run) {
        List<CliEvent> events = new ArrayList<>();
        CliEvent e;
        do {
            e = run.next();
            events.add(e);
        } while (!e.terminal());
        return events;
    }

    static CliFailure failure(List<CliEvent> events) {
        assertThat(events.getLast()).as(events.toString()).isInstanceOf(CliEvent.Failed.class);
        return ((CliEvent.Failed) events.getLast()).failure();
    }

    @Test
    void run_passesTheAssembledArgv_inTheWorkspace_andReportsTextAndResult() throws Exception {
        List<CliEvent> events = drain(start(config("")));

        assertThat(claude.argv(1)).containsExactly("-p", "--output-format", "stream-json", "--verbose",
                "--permission-mode", "bypassPermissions", "--model", "sonnet", "--append-system-prompt", "Be brief.",
                "--session-id", "new-session", "Hello");
        assertThat(claude.cwd(1)).isEqualTo(dir.resolve("workspace").toRealPath().toString());
        assertThat(claude.stdin(1)).isEmpty();
        assertThat(events).contains(new CliEvent.Session(FakeClaude.SESSION), new CliEvent.Text("ok"));
        CliEvent.Finished f = (CliEvent.Finished) events.getLast();
        assertThat(f.sessionId()).isEqualTo(FakeClaude.SESSION);
        assertThat(f.usage().path("input_tokens").asLong()).isEqualTo(3);
        assertThat(runner.liveRuns()).isZero();
    }

    @Test
    void childEnvironment_hasClearEnvRemoved_andTheBackendEnvAdded() throws Exception {
        env.put("ANTHROPIC_API_KEY", "sk-ant-api03-must-not-reach-the-cli");
        env.put("ANTHROPIC_API_KEY_OLD", "sk-ant-api03-old");
        env.put("UNRELATED_SETTING", "kept");

        drain(start(config("env: {CLAUDE_CONFIG_DIR: '/srv/claude'}")));

        Map<String, String> childEnv = claude.env(1);
        assertThat(childEnv).doesNotContainKeys("ANTHROPIC_API_KEY", "ANTHROPIC_API_KEY_OLD");
        assertThat(childEnv).containsEntry("UNRELATED_SETTING", "kept").containsEntry("CLAUDE_CONFIG_DIR",
                "/srv/claude");
    }

    @Test
    void stdinInput_sendsThePromptOnStandardInput() throws Exception {
        drain(start(config("input: 'stdin'"), new ClaudeCliPrompt("secret plans\nline two", null)));

        assertThat(claude.stdin(1)).isEqualTo("secret plans\nline two");
        assertThat(claude.argv(1)).doesNotContain("secret plans\nline two");
    }

    @Test
    void nonZeroExitWithoutResult_isAFailureQuotingStderr() throws Exception {
        claude.scenario(err("Error: not logged in. Run claude login.") + "exit 3\n");

        CliFailure f = failure(drain(start(config(""))));

        assertThat(f.kind()).isEqualTo(CliFailure.Kind.EXIT);
        assertThat(f.message()).contains("status 3").contains("not logged in");
    }

    @Test
    void errorResult_isAFailureEvenWithExitZero() throws Exception {
        claude.scenario(out(init("s")) + out(FakeClaude.errorResult("Credit balance is too low")));

        CliFailure f = failure(drain(start(config(""))));

        assertThat(f.kind()).isEqualTo(CliFailure.Kind.ERROR_RESULT);
        assertThat(f.message()).contains("Credit balance is too low");
    }

    @Test
    void outputWithoutAnyStreamJson_isANoResultFailureQuotingTheFirstLine() throws Exception {
        claude.scenario("echo 'Usage: claude [options]'\necho 'more help'\n");

        CliFailure f = failure(drain(start(config(""))));

        assertThat(f.kind()).isEqualTo(CliFailure.Kind.NO_RESULT);
        assertThat(f.message()).contains("2 lines that are not stream-json").contains("Usage: claude [options]")
                .contains("--output-format stream-json");
    }

    @Test
    void timeout_killsTheProcessAndItsChildren() throws Exception {
        claude.scenario("sleep 60 & echo $! > \"$d/child.$n\"\n" + out(init("s")) + "wait\n");

        CliRun run = start(config("timeoutSeconds: 1"));
        long pid = claude.awaitPid(1);
        long child = claude.awaitRecorded("child", 1);
        CliFailure f = failure(drain(run));

        assertThat(f.kind()).isEqualTo(CliFailure.Kind.TIMEOUT);
        assertThat(f.message()).contains("1 s").contains("timeoutSeconds");
        assertThat(FakeClaude.awaitGone(pid)).as("the CLI process is gone").isTrue();
        assertThat(FakeClaude.awaitGone(child)).as("its child is gone").isTrue();
    }

    @Test
    void silence_isStoppedByTheNoOutputWatchdog() throws Exception {
        claude.scenario(out(init("s")) + "sleep 60\n");

        CliRun run = start(config("noOutputTimeoutSeconds: 1"));
        long pid = claude.awaitPid(1);
        CliFailure f = failure(drain(run));

        assertThat(f.kind()).isEqualTo(CliFailure.Kind.NO_OUTPUT);
        assertThat(FakeClaude.awaitGone(pid)).isTrue();
    }

    @Test
    void cancel_killsTheProcessTree() throws Exception {
        claude.scenario("sleep 60 & echo $! > \"$d/child.$n\"\n" + out(assistant("m", "partial")) + "wait\n");

        CliRun run = start(config(""));
        assertThat(run.next()).isInstanceOf(CliEvent.Session.class);
        assertThat(run.next()).isEqualTo(new CliEvent.Text("partial"));
        long pid = claude.pid(1);
        long child = claude.awaitRecorded("child", 1);
        run.cancel();

        assertThat(failure(drain(run)).kind()).isEqualTo(CliFailure.Kind.CANCELLED);
        assertThat(FakeClaude.awaitGone(pid)).isTrue();
        assertThat(FakeClaude.awaitGone(child)).isTrue();
    }

    @Test
    void backgroundJobHoldingStdout_doesNotHoldTheAnswer() throws Exception {
        // a tool the CLI ran left a background job that inherited stdout: the run ends when the CLI exits
        claude.scenario("sleep 30 & echo $! > \"$d/child.$n\"\n" + FakeClaude.ok("done", 1, 1));

        List<CliEvent> events = drain(start(config("timeoutSeconds: 25")));

        assertThat(events.getLast()).isInstanceOf(CliEvent.Finished.class);
        ProcessHandle.of(claude.recorded("child", 1)).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void shutdown_killsLiveRuns_andRefusesNewOnes() throws Exception {
        claude.scenario(out(init("s")) + "sleep 60\n");
        CliRun run = start(config(""));
        long pid = claude.awaitPid(1);

        runner.close();

        assertThat(failure(drain(run)).kind()).isEqualTo(CliFailure.Kind.SHUTDOWN);
        assertThat(FakeClaude.awaitGone(pid)).isTrue();
        CliFailureException refused = catchThrowableOfType(CliFailureException.class, () -> start(config("")));
        assertThat(refused.failure().kind()).isEqualTo(CliFailure.Kind.SHUTDOWN);
    }

    @Test
    void missingProgram_isNotFoundNamingTheConfigKey() {
        CliBackendConfig c = CliBackendConfigReader.claudeCli(CliBackendConfigReaderTest.backend(
                "command: 'claude-that-is-not-installed'"));

        CliFailureException e = catchThrowableOfType(CliFailureException.class, () -> start(c));

        assertThat(e.failure().kind()).isEqualTo(CliFailure.Kind.NOT_FOUND);
        assertThat(e.failure().message()).contains("\"claude-that-is-not-installed\" was not found on PATH")
                .contains("agents.defaults.cliBackends[\"claude-cli\"].command");
    }

    @Test
    void programOnThePathOfTheChildEnvironment_isFound() throws Exception {
        env.put("PATH", claude.dir() + ":" + System.getenv("PATH"));
        CliBackendConfig c = CliBackendConfigReader.claudeCli(CliBackendConfigReaderTest.backend("command: 'claude'"));

        assertThat(drain(start(c)).getLast()).isInstanceOf(CliEvent.Finished.class);
    }

    @Test
    void nonExecutableProgram_isNotFound() throws Exception {
        Path plain = dir.resolve("plain-file");
        Files.writeString(plain, "#!/bin/sh\n");
        Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-------"));
        CliBackendConfig c = CliBackendConfigReader.claudeCli(CliBackendConfigReaderTest.backend(
                "command: '" + plain + "'"));

        CliFailureException e = catchThrowableOfType(CliFailureException.class, () -> start(c));

        assertThat(e.failure().message()).contains("does not exist or is not executable");
    }

    @Test
    void busyBackend_withoutQueue_refusesTheSecondRun() throws Exception {
        claude.scenario(out(init("s")) + awaitFile("go") + FakeClaude.ok("done", 1, 1));
        CliBackendConfig c = config("maxConcurrent: 1, maxQueued: 0");
        CliRun first = start(c);
        claude.awaitPid(1);

        CliFailureException e = catchThrowableOfType(CliFailureException.class, () -> start(c));

        assertThat(e.failure().kind()).isEqualTo(CliFailure.Kind.BUSY);
        assertThat(e.failure().message()).contains("1 run in progress").contains("maxConcurrent = 1");
        claude.release("go");
        assertThat(drain(first).getLast()).isInstanceOf(CliEvent.Finished.class);
        assertThat(claude.runs()).isEqualTo(1);
    }

    @Test
    void busyBackend_withQueue_startsTheWaitingRunWhenTheFirstEnds() throws Exception {
        claude.scenario("if [ -e \"$d/running\" ]; then echo overlap >> \"$d/overlaps\"; fi\n"
                + "touch \"$d/running\"\n" + out(init("s")) + awaitFile("go") + "rm \"$d/running\"\n"
                + FakeClaude.ok("done", 1, 1));
        CliBackendConfig c = config("maxConcurrent: 1, maxQueued: 1");
        CliRun first = start(c);
        claude.awaitPid(1);
        CompletableFuture<CliRun> second = CompletableFuture.supplyAsync(() -> {
            try {
                return start(c);
            } catch (CliFailureException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(claude.runs()).as("the second run waits for a slot").isEqualTo(1);
        claude.release("go");
        assertThat(drain(first).getLast()).isInstanceOf(CliEvent.Finished.class);
        assertThat(drain(second.get()).getLast()).isInstanceOf(CliEvent.Finished.class);
        assertThat(claude.runs()).isEqualTo(2);
        assertThat(claude.dir().resolve("overlaps")).doesNotExist();
    }

    @Test
    void callerLeavingWhileQueued_stopsWaiting() throws Exception {
        claude.scenario(out(init("s")) + awaitFile("go") + FakeClaude.ok("done", 1, 1));
        CliBackendConfig c = config("maxConcurrent: 1, maxQueued: 1");
        CliRun first = start(c);
        claude.awaitPid(1);

        CliFailureException e = catchThrowableOfType(CliFailureException.class, () -> runner.start(
                new ClaudeCliRunner.Launch(c, "sonnet", new ClaudeCliArgv.Session.None(),
                        new ClaudeCliPrompt("Hi", null), env, dir.resolve("workspace")), () -> true));

        assertThat(e.failure().kind()).isEqualTo(CliFailure.Kind.CANCELLED);
        claude.release("go");
        drain(first);
        assertThat(claude.runs()).isEqualTo(1);
    }
}
