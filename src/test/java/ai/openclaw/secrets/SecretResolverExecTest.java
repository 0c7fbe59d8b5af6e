package ai.openclaw.secrets;

import static ai.openclaw.secrets.SecretResolverEnvTest.message;
import static ai.openclaw.secrets.SecretsTestSupport.ENV_SECRET;
import static ai.openclaw.secrets.SecretsTestSupport.EXEC_SECRET;
import static ai.openclaw.secrets.SecretsTestSupport.OTHER_SECRET;
import static ai.openclaw.secrets.SecretsTestSupport.STDERR_SECRET;
import static ai.openclaw.secrets.SecretsTestSupport.config;
import static ai.openclaw.secrets.SecretsTestSupport.countLines;
import static ai.openclaw.secrets.SecretsTestSupport.q;
import static ai.openclaw.secrets.SecretsTestSupport.writeFile;
import static ai.openclaw.secrets.SecretsTestSupport.writeScript;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.core.Secret;
import ai.openclaw.secrets.SecretRef.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class SecretResolverExecTest {
    @TempDir
    Path dir;

    private static final String RESPONSE = "{\"protocolVersion\":1,\"values\":{\"openai\":\"" + EXEC_SECRET
            + "\",\"anthropic\":\"" + OTHER_SECRET + "\"}}";

    private SecretResolver resolver(Path command, String extra) {
        return resolver(command, extra, Map.of());
    }

    private SecretResolver resolver(Path command, String extra, Map<String, String> env) {
        return new SecretResolver(config("{\"providers\":{\"vault\":{\"source\":\"exec\",\"command\":" + q(command) + extra + "}}}", dir),
                env, dir);
    }

    private static SecretRef ref(String id) {
        return new SecretRef(Source.EXEC, "vault", id);
    }

    /** A provider that logs each run and its request, then prints {@code response}. */
    private Path provider(String response) throws IOException {
        return writeScript(dir.resolve("provider.sh"), """
                echo run >> runs.log
                cat > request.json
                printf '%%s' '%s'
                """.formatted(response));
    }

    @Test
    void resolveAll_asksOneProcessForAllIds_overProtocolV1() throws IOException {
        Path command = provider(RESPONSE);

        Map<SecretRef, Resolution> results = resolver(command, "").resolveAll(List.of(ref("openai"), ref("anthropic")));

        assertThat(results.get(ref("openai")).secret()).map(Secret::reveal).contains(EXEC_SECRET);
        assertThat(results.get(ref("anthropic")).secret()).map(Secret::reveal).contains(OTHER_SECRET);
        assertThat(countLines(dir.resolve("runs.log"))).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("request.json")))
                .isEqualTo("{\"protocolVersion\":1,\"provider\":\"vault\",\"ids\":[\"openai\",\"anthropic\"]}");
    }

    @Test
    void resolve_sameRefTwice_runsTheProviderOnce() throws IOException {
        SecretResolver resolver = resolver(provider(RESPONSE), "");

        resolver.resolve(ref("openai"));
        resolver.resolve(ref("openai"));

        assertThat(countLines(dir.resolve("runs.log"))).isEqualTo(1);
    }

    @Test
    void resolve_concurrentCallersForOneRef_shareOneRun() throws Exception {
        Path command = writeScript(dir.resolve("slow.sh"), """
                echo run >> runs.log
                cat > /dev/null
                sleep 0.3
                printf '%s' '""" + RESPONSE + "'");
        SecretResolver resolver = resolver(command, "");
        List<Callable<Resolution>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> resolver.resolve(ref("openai")));
        }

        List<Resolution> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (Future<Resolution> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
        }

        assertThat(results).allSatisfy(r -> assertThat(r.secret()).map(Secret::reveal).contains(EXEC_SECRET));
        assertThat(countLines(dir.resolve("runs.log"))).isEqualTo(1);
    }

    @Test
    void resolve_childGetsOnlyConfiguredEnvAndPassEnv_inCommandDirectory() throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path command = writeScript(bin.resolve("env.sh"), """
                cat > /dev/null
                env | sort > env.txt
                pwd > cwd.txt
                printf '{"protocolVersion":1,"values":{"openai":"%s"}}' "$PASSED"
                """);

        Resolution result = resolver(command, ",\"passEnv\":[\"PASSED\",\"ABSENT\"],\"env\":{\"FIXED\":\"f1\"}",
                Map.of("PASSED", ENV_SECRET, "NOT_PASSED", "np")).resolve(ref("openai"));

        assertThat(result.secret()).map(Secret::reveal).contains(ENV_SECRET);
        String childEnv = Files.readString(bin.resolve("env.txt"));
        assertThat(childEnv).contains("PASSED=" + ENV_SECRET).contains("FIXED=f1").doesNotContain("NOT_PASSED").doesNotContain("ABSENT");
        assertThat(Files.readString(bin.resolve("cwd.txt")).strip()).isEqualTo(bin.toRealPath().toString());
    }

    @Test
    void resolve_configuredEnvOverridesPassedEnv() throws IOException {
        Path command = writeScript(dir.resolve("p.sh"), """
                cat > /dev/null
                printf '{"protocolVersion":1,"values":{"openai":"%s"}}' "$TOKEN"
                """);

        assertThat(resolver(command, ",\"passEnv\":[\"TOKEN\"],\"env\":{\"TOKEN\":\"configured\"}",
                Map.of("TOKEN", "inherited")).resolve(ref("openai")).secret()).map(Secret::reveal).contains("configured");
    }

    @Test
    void resolve_argsArePassedVerbatimWithoutShell() throws IOException {
        Path command = writeScript(dir.resolve("args.sh"), """
                cat > /dev/null
                printf '%s\\n' "$@" > args.txt
                printf '{"protocolVersion":1,"values":{"openai":"v-1"}}'
                """);

        resolver(command, ",\"args\":[\"a b\",\"$HOME\",\";rm -rf\"]").resolve(ref("openai"));

        assertThat(Files.readAllLines(dir.resolve("args.txt"))).containsExactly("a b", "$HOME", ";rm -rf");
    }

    @Test
    void resolve_rawStdout_isTheValueWhenJsonOnlyIsFalse_forOneId() throws IOException {
        Path command = writeScript(dir.resolve("raw.sh"), "cat > /dev/null\necho '  " + EXEC_SECRET + "  '");

        assertThat(resolver(command, ",\"jsonOnly\":false").resolve(ref("openai")).secret())
                .map(Secret::reveal).contains(EXEC_SECRET);
    }

    @Test
    void resolve_jsonStringStdout_isTheValueWhenJsonOnlyIsFalse() throws IOException {
        Path command = writeScript(dir.resolve("str.sh"), "cat > /dev/null\necho '\"" + EXEC_SECRET + "\"'");

        assertThat(resolver(command, ",\"jsonOnly\":false").resolve(ref("openai")).secret())
                .map(Secret::reveal).contains(EXEC_SECRET);
    }

    @Test
    void resolve_garbageStdout_isInvalidJson_withoutEchoingIt() throws IOException {
        Path command = writeScript(dir.resolve("garbage.sh"), "cat > /dev/null\necho 'oops " + EXEC_SECRET + " {'");

        assertThat(message(resolver(command, "").resolve(ref("openai"))))
                .isEqualTo("Exec provider \"vault\" returned invalid JSON. (ref: exec:vault:openai)");
    }

    @Test
    void resolve_jsonWithTrailingGarbage_isInvalidJson() throws IOException {
        Path command = writeScript(dir.resolve("trailing.sh"), "cat > /dev/null\nprintf '%s' '" + RESPONSE + " x'");

        assertThat(message(resolver(command, "").resolve(ref("openai")))).startsWith("Exec provider \"vault\" returned invalid JSON.");
    }

    @Test
    void resolve_rawStdoutWithSeveralIds_isInvalidJson() throws IOException {
        Path command = writeScript(dir.resolve("raw.sh"), "cat > /dev/null\necho " + EXEC_SECRET);

        Map<SecretRef, Resolution> results = resolver(command, ",\"jsonOnly\":false").resolveAll(List.of(ref("a"), ref("b")));

        assertThat(results.values()).allSatisfy(r -> assertThat(message(r)).startsWith("Exec provider \"vault\" returned invalid JSON."));
    }

    @Test
    void resolve_hangingProvider_isKilledAtTimeout_withItsChildren() throws Exception {
        Path command = writeScript(dir.resolve("hang.sh"), """
                sleep 30 &
                echo $! > sleeper.pid
                wait
                """);

        String message = message(resolver(command, ",\"timeoutMs\":500").resolve(ref("openai")));

        assertThat(message).isEqualTo("Exec provider \"vault\" timed out after 500ms. (ref: exec:vault:openai)");
        long sleeper = Long.parseLong(Files.readString(dir.resolve("sleeper.pid")).strip());
        assertThat(awaitDead(sleeper)).as("the provider's child process was killed").isTrue();
    }

    @Test
    void resolve_silentProvider_hitsNoOutputTimeout() throws IOException {
        Path command = writeScript(dir.resolve("silent.sh"), "exec sleep 30");

        assertThat(message(resolver(command, ",\"timeoutMs\":20000,\"noOutputTimeoutMs\":300").resolve(ref("openai"))))
                .isEqualTo("Exec provider \"vault\" produced no output for 300ms. (ref: exec:vault:openai)");
    }

    @Test
    void resolve_outputOverLimit_isKilledAndReported() throws IOException {
        Path command = writeScript(dir.resolve("flood.sh"), "cat > /dev/null\nwhile :; do echo " + EXEC_SECRET + "; done");

        assertThat(message(resolver(command, ",\"maxOutputBytes\":4096").resolve(ref("openai"))))
                .isEqualTo("Exec provider \"vault\" output exceeded maxOutputBytes (4096). (ref: exec:vault:openai)");
    }

    @Test
    void resolve_stderrCountsTowardsOutputLimit() throws IOException {
        Path command = writeScript(dir.resolve("errflood.sh"), "while :; do echo " + STDERR_SECRET + " >&2; done");

        assertThat(message(resolver(command, ",\"maxOutputBytes\":4096").resolve(ref("openai"))))
                .startsWith("Exec provider \"vault\" output exceeded maxOutputBytes (4096).");
    }

    @Test
    void resolve_nonZeroExit_withSecretOnStderrAndStdout_revealsNothing() throws IOException {
        Path command = writeScript(dir.resolve("fail.sh"), """
                cat > /dev/null
                echo "token=%s" >&2
                echo '%s'
                exit 3
                """.formatted(STDERR_SECRET, RESPONSE));

        String message = message(resolver(command, "").resolve(ref("openai")));

        assertThat(message).startsWith("Exec provider \"vault\" exited with code 3 (stderr: ")
                .contains("bytes, not shown)").endsWith("(ref: exec:vault:openai)");
    }

    @Test
    void resolve_emptyStdout_fails() throws IOException {
        Path command = writeScript(dir.resolve("empty.sh"), "cat > /dev/null\necho '   '");

        assertThat(message(resolver(command, "").resolve(ref("openai"))))
                .isEqualTo("Exec provider \"vault\" returned empty stdout. (ref: exec:vault:openai)");
    }

    @Test
    void resolve_responseShapeErrors_areReportedPerRule() throws IOException {
        Map<String, String> cases = Map.of(
                "[1,2]", "Exec provider \"vault\" response must be an object.",
                "{\"protocolVersion\":2,\"values\":{}}", "Exec provider \"vault\" protocolVersion must be 1.",
                "{\"values\":{}}", "Exec provider \"vault\" protocolVersion must be 1.",
                "{\"protocolVersion\":1}", "Exec provider \"vault\" response missing \"values\".",
                "{\"protocolVersion\":1,\"values\":{\"other\":\"x\"}}", "Exec provider \"vault\" response missing id \"openai\".",
                "{\"protocolVersion\":1,\"values\":{\"openai\":7}}",
                "Secret reference \"exec:vault:openai\" resolved to a non-string or empty value.",
                "{\"protocolVersion\":1,\"values\":{\"openai\":\"\"}}",
                "Secret reference \"exec:vault:openai\" resolved to a non-string or empty value.");
        int n = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path command = writeScript(dir.resolve("shape" + n++ + ".sh"), "cat > /dev/null\nprintf '%s' '" + c.getKey() + "'");
            assertThat(message(resolver(command, "").resolve(ref("openai")))).as(c.getKey()).startsWith(c.getValue());
        }
    }

    @Test
    void resolve_perIdErrors_failOnlyThatId_withTruncatedProviderMessage() throws IOException {
        String longMessage = "denied " + "x".repeat(400);
        Path command = provider("{\"protocolVersion\":1,\"values\":{\"openai\":\"" + EXEC_SECRET + "\"},"
                + "\"errors\":{\"anthropic\":{\"message\":\"" + longMessage + "\"},\"google\":{}}}");

        Map<SecretRef, Resolution> results = resolver(command, "")
                .resolveAll(List.of(ref("openai"), ref("anthropic"), ref("google")));

        assertThat(results.get(ref("openai")).secret()).map(Secret::reveal).contains(EXEC_SECRET);
        String anthropic = message(results.get(ref("anthropic")));
        assertThat(anthropic).startsWith("Exec provider \"vault\" failed for id \"anthropic\" (denied xxx")
                .endsWith("…). (ref: exec:vault:anthropic)");
        assertThat(anthropic).hasSizeLessThan(longMessage.length());
        assertThat(message(results.get(ref("google"))))
                .isEqualTo("Exec provider \"vault\" failed for id \"google\". (ref: exec:vault:google)");
    }

    @Test
    void resolve_relativeOrMissingCommand_isRefused() {
        assertThat(message(resolver(dir.resolve("nope.sh"), "").resolve(ref("openai"))))
                .startsWith("secrets.providers.vault.command is not readable: " + dir.resolve("nope.sh"));
    }

    @Test
    void resolve_groupWritableCommand_isRefused_unlessAllowInsecurePath() throws IOException {
        Path command = writeFile(dir.resolve("p.sh"), "#!/bin/sh\ncat >/dev/null\nprintf '%s' '" + RESPONSE + "'\n", "rwxrwx---");

        assertThat(message(resolver(command, "").resolve(ref("openai"))))
                .startsWith("secrets.providers.vault.command permissions are too open: " + command);
        assertThat(resolver(command, ",\"allowInsecurePath\":true").resolve(ref("openai")).secret()).isPresent();
    }

    @Test
    void resolve_worldReadableCommand_isAccepted() throws IOException {
        Path command = writeFile(dir.resolve("p.sh"), "#!/bin/sh\ncat >/dev/null\nprintf '%s' '" + RESPONSE + "'\n", "rwxr-xr-x");

        assertThat(resolver(command, "").resolve(ref("openai")).secret()).isPresent();
    }

    @Test
    void resolve_commandOwnedBySomeoneElse_isRefused() throws IOException {
        Path command = provider(RESPONSE);
        SecretResolver resolver = new SecretResolver(
                config("{\"providers\":{\"vault\":{\"source\":\"exec\",\"command\":" + q(command) + "}}}", dir), Map.of(), dir, 4242);

        assertThat(message(resolver.resolve(ref("openai"))))
                .startsWith("secrets.providers.vault.command must be owned by the current user (uid=4242)");
    }

    @Test
    void resolve_symlinkCommand_isRefused_unlessAllowed_thenTargetIsChecked() throws IOException {
        Path target = provider(RESPONSE);
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);

        assertThat(message(resolver(link, "").resolve(ref("openai"))))
                .startsWith("secrets.providers.vault.command must not be a symlink: " + link);
        assertThat(resolver(link, ",\"allowSymlinkCommand\":true").resolve(ref("openai")).secret()).isPresent();

        Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(message(resolver(link, ",\"allowSymlinkCommand\":true").resolve(ref("openai"))))
                .startsWith("secrets.providers.vault.command permissions are too open: " + target.toRealPath());
    }

    @Test
    void resolve_trustedDirs_restrictWhereTheCommandMayLive() throws IOException {
        Path trusted = Files.createDirectory(dir.resolve("trusted"));
        Path command = provider(RESPONSE);

        assertThat(message(resolver(command, ",\"trustedDirs\":[" + q(trusted) + "]").resolve(ref("openai"))))
                .startsWith("secrets.providers.vault.command is outside trustedDirs: " + command);
        assertThat(resolver(command, ",\"trustedDirs\":[" + q(trusted) + "," + q(dir) + "]").resolve(ref("openai")).secret())
                .isPresent();
    }

    @Test
    void resolve_requestOverMaxBatchBytes_isNotSent() throws IOException {
        Path command = provider(RESPONSE);
        SecretResolver resolver = new SecretResolver(config("{\"resolution\":{\"maxBatchBytes\":40},"
                + "\"providers\":{\"vault\":{\"source\":\"exec\",\"command\":" + q(command) + "}}}", dir), Map.of(), dir);

        assertThat(message(resolver.resolve(ref("openai")))).startsWith("Exec provider \"vault\" request exceeded maxBatchBytes (40).");
        assertThat(countLines(dir.resolve("runs.log"))).isZero();
    }

    @Test
    void resolve_commandThatCannotStart_isReported() throws IOException {
        Path command = writeFile(dir.resolve("noexec.sh"), "#!/bin/sh\n", "rw-------");

        assertThat(message(resolver(command, "").resolve(ref("openai"))))
                .startsWith("Exec provider \"vault\" could not be started (");
    }

    @Test
    void resolve_invalidExecId_neverReachesTheProvider() throws IOException {
        Path command = provider(RESPONSE);

        assertThat(message(resolver(command, "").resolve(ref("../etc/passwd")))).contains("Exec secret reference id must match");
        assertThat(countLines(dir.resolve("runs.log"))).isZero();
    }

    private static boolean awaitDead(long pid) throws InterruptedException {
        // Killing is asynchronous; give the kernel a moment to reap. This bounds a wait, it measures nothing.
        for (int i = 0; i < 100; i++) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                Thread.sleep(50);
            } else {
                return true;
            }
        }
        return false;
    }
}
