package ai.openclaw.secrets;

import ai.openclaw.json.Json;
import ai.openclaw.secrets.SecretProviderConfig.ExecProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resolves exec refs: one process run per provider per batch, asked for all ids at once over the v1
 * protocol. The child sees only the configured {@code env} and the {@code passEnv} names; its stderr is
 * counted but never read into a message, since helpers often print tokens there when they fail.
 */
final class ExecSecretSource {
    private final Map<String, String> parentEnv;
    private final SecurePathCheck pathCheck;
    private final ExecRunner runner;

    ExecSecretSource(Map<String, String> parentEnv, SecurePathCheck pathCheck, ExecRunner runner) {
        this.parentEnv = Objects.requireNonNull(parentEnv, "parentEnv");
        this.pathCheck = pathCheck;
        this.runner = runner;
    }

    Map<String, IdResult> resolve(String alias, ExecProvider provider, List<String> ids, int maxBatchBytes)
            throws ResolutionFailure {
        String prefix = "Exec provider \"" + alias + "\"";
        Path command = pathCheck.verify(provider.command(), "secrets.providers." + alias + ".command",
                new SecurePathCheck.Policy(provider.trustedDirs(), provider.allowInsecurePath(), true,
                        provider.allowSymlinkCommand()));
        byte[] request = request(alias, ids);
        if (request.length > maxBatchBytes) {
            throw new ResolutionFailure(prefix + " request exceeded maxBatchBytes (" + maxBatchBytes + ").");
        }
        Path workingDir = command.getParent();
        ExecRunner.Outcome outcome = runner.run(new ExecRunner.Request(command, provider.args(), workingDir,
                childEnv(provider), request, provider.timeoutMs(), provider.noOutputTimeoutMs(),
                provider.maxOutputBytes()));
        return switch (outcome) {
            case ExecRunner.Outcome.TimedOut t ->
                    throw new ResolutionFailure(prefix + " timed out after " + provider.timeoutMs() + "ms.");
            case ExecRunner.Outcome.NoOutput n ->
                    throw new ResolutionFailure(prefix + " produced no output for " + provider.noOutputTimeoutMs() + "ms.");
            case ExecRunner.Outcome.OutputTooLarge o ->
                    throw new ResolutionFailure(prefix + " output exceeded maxOutputBytes (" + provider.maxOutputBytes() + ").");
            case ExecRunner.Outcome.StartFailed f ->
                    throw new ResolutionFailure(prefix + " could not be started (" + f.reason() + ").");
            case ExecRunner.Outcome.Interrupted i -> throw new ResolutionFailure(prefix + " was interrupted.");
            case ExecRunner.Outcome.Exited exited -> interpret(alias, provider, ids, exited);
        };
    }

    private static Map<String, IdResult> interpret(String alias, ExecProvider provider, List<String> ids,
            ExecRunner.Outcome.Exited exited) throws ResolutionFailure {
        byte[] stdout = exited.stdout();
        try {
            if (exited.code() != 0) {
                throw new ResolutionFailure("Exec provider \"" + alias + "\" exited with code " + exited.code()
                        + stderrNote(exited.stderrBytes()) + ".");
            }
            return ExecResponseParser.parse(alias, ids, new String(stdout, StandardCharsets.UTF_8), provider.jsonOnly());
        } finally {
            Arrays.fill(stdout, (byte) 0);
        }
    }

    private static String stderrNote(long bytes) {
        return bytes == 0 ? "" : " (stderr: " + bytes + " bytes, not shown)";
    }

    private static byte[] request(String alias, List<String> ids) {
        ObjectNode request = Json.object();
        request.put("protocolVersion", 1);
        request.put("provider", alias);
        ArrayNode array = request.putArray("ids");
        ids.forEach(array::add);
        return Json.compact(request).getBytes(StandardCharsets.UTF_8);
    }

    /** passEnv first, then the configured env, so an explicit setting wins over an inherited one. */
    private Map<String, String> childEnv(ExecProvider provider) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : provider.passEnv()) {
            String value = parentEnv.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        env.putAll(provider.env());
        return env;
    }
}
