package ai.openclaw.clibackend;

import ai.openclaw.fs.FileWriteException;
import ai.openclaw.fs.Permissions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Starts Claude CLI runs: finds the program, waits for a run slot, starts the process without a shell and hands it to
 * a {@link CliRun}.
 *
 * <ul>
 *   <li><b>Program</b>: {@code command} looked up in the {@code PATH} of the child's environment
 *       ({@link CommandLocator}); missing → {@link CliFailure.Kind#NOT_FOUND} naming the config key, before any
 *       waiting.</li>
 *   <li><b>Environment</b>: the gateway's layered environment, minus {@code clearEnv} (by default
 *       {@code ANTHROPIC_API_KEY}, {@code ANTHROPIC_API_KEY_OLD}: the CLI must use its own login, not bill an API key
 *       the gateway happens to hold), plus the backend's {@code env}.</li>
 *   <li><b>Working directory</b>: given by the caller (the agent's workspace); created 0700 when missing.</li>
 *   <li><b>Concurrency</b>: at most {@code maxConcurrent} runs of a backend at once; up to {@code maxQueued} more wait
 *       (at most {@code timeoutSeconds}, and only while the caller is there), others are refused with
 *       {@link CliFailure.Kind#BUSY}.</li>
 *   <li><b>Shutdown</b>: {@link #close()} kills every live run's process tree and refuses new runs.</li>
 * </ul>
 * Thread-safe; one instance per process.
 */
public final class ClaudeCliRunner implements AutoCloseable {
    private final Path home;
    private final Map<String, ConcurrencyGate> gates = new ConcurrentHashMap<>();
    private final Set<CliRun> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** @param home the user's home directory, for a {@code command} starting with {@code ~/} */
    public ClaudeCliRunner(Path home) {
        this.home = Objects.requireNonNull(home, "home");
    }

    /**
     * What one run needs.
     *
     * @param modelId    the model part of the request's ref, mapped by {@code modelAliases}
     * @param session    fresh, resumed, or no session id
     * @param baseEnv    the gateway's environment (values may be secrets: they go to the child only)
     * @param workingDir the directory the CLI runs in
     */
    public record Launch(CliBackendConfig config, String modelId, ClaudeCliArgv.Session session,
                         ClaudeCliPrompt prompt, Map<String, String> baseEnv, Path workingDir) {
        public Launch {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(prompt, "prompt");
            baseEnv = Map.copyOf(baseEnv);
            Objects.requireNonNull(workingDir, "workingDir");
        }

        @Override
        public String toString() {
            return "Launch[" + config.id() + ", model=" + modelId + ", session=" + session + ", dir=" + workingDir
                    + "]";
        }
    }

    /**
     * Starts a run, first waiting for a slot when the backend is busy.
     *
     * @param cancelled polled while waiting for a slot: true (the caller went away) stops waiting
     * @throws CliFailureException the program is missing or cannot start, no slot is free, the caller left while
     *                             waiting ({@link CliFailure.Kind#CANCELLED}), or the gateway is stopping
     */
    public CliRun start(Launch launch, BooleanSupplier cancelled) throws CliFailureException {
        CliBackendConfig config = launch.config();
        Map<String, String> env = childEnv(launch.baseEnv(), config);
        Path program = CommandLocator.locate(config.command(), env, home)
                .orElseThrow(() -> new CliFailureException(notFound(config)));
        ClaudeCliArgv argv = ClaudeCliArgv.build(config, program.toString(), launch.modelId(), launch.session(),
                launch.prompt());
        refuseWhenClosed();
        ConcurrencyGate gate = gates.computeIfAbsent(config.id(), id -> new ConcurrencyGate());
        ConcurrencyGate.Permit permit;
        try {
            permit = gate.acquire(config.maxConcurrent(), config.maxQueued(), config.timeout().toNanos(), cancelled);
        } catch (ConcurrencyGate.RefusedException e) {
            throw new CliFailureException(refused(config, e));
        }
        try {
            refuseWhenClosed();
            try {
                Permissions.ensurePrivateDir(launch.workingDir());
            } catch (FileWriteException e) {
                throw new CliFailureException(new CliFailure(CliFailure.Kind.START_FAILED,
                        "The Claude CLI cannot run in " + launch.workingDir() + ": " + e.getMessage()));
            }
            ProcessBuilder builder = new ProcessBuilder(argv.argv()).directory(launch.workingDir().toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new CliFailureException(new CliFailure(CliFailure.Kind.START_FAILED, "The Claude CLI ("
                        + program + ") could not be started: " + startFailure(e) + ". Check "
                        + CliBackendConfigReader.pathOf(config.id()).key("command") + "."));
            }
            CliRun run = CliRun.supervise(process, config, argv.stdin(), ended -> {
                permit.release();
                live.remove(ended);
            });
            live.add(run);
            if (run.ended()) {
                live.remove(run); // it ended before it was added
            }
            if (closed) {
                run.shutdown();
            }
            return run;
        } catch (CliFailureException | RuntimeException e) {
            permit.release();
            throw e;
        }
    }

    /** The child's environment: {@code baseEnv} without {@code clearEnv}, with the backend's {@code env} on top. */
    static Map<String, String> childEnv(Map<String, String> baseEnv, CliBackendConfig config) {
        Map<String, String> env = new LinkedHashMap<>(baseEnv);
        config.clearEnv().forEach(env::remove);
        env.putAll(config.env());
        return env;
    }

    /** Runs in progress (tests). */
    int liveRuns() {
        return live.size();
    }

    /** Kills every live run's process tree; new runs are refused. */
    @Override
    public void close() {
        closed = true;
        List<CliRun> runs = new ArrayList<>(live);
        runs.forEach(CliRun::shutdown);
    }

    private void refuseWhenClosed() throws CliFailureException {
        if (closed) {
            throw new CliFailureException(new CliFailure(CliFailure.Kind.SHUTDOWN,
                    "The gateway is stopping; no new Claude CLI runs are started."));
        }
    }

    private static CliFailure notFound(CliBackendConfig config) {
        String key = CliBackendConfigReader.pathOf(config.id()).key("command").toString();
        String where = config.command().contains("/") || config.command().startsWith("~")
                ? "\"" + config.command() + "\" does not exist or is not executable"
                : "\"" + config.command() + "\" was not found on PATH";
        return new CliFailure(CliFailure.Kind.NOT_FOUND, "The " + config.id() + " backend cannot run the Claude CLI: "
                + where + ". Install Claude Code and log in (`claude`), or set " + key
                + " to the program's absolute path.");
    }

    private static CliFailure refused(CliBackendConfig config, ConcurrencyGate.RefusedException e) {
        String key = CliBackendConfigReader.pathOf(config.id()).toString();
        return switch (e.refusal()) {
            case CANCELLED -> new CliFailure(CliFailure.Kind.CANCELLED, "The caller disconnected while waiting.");
            case QUEUE_FULL -> new CliFailure(CliFailure.Kind.BUSY, "The " + config.id() + " backend is busy: "
                    + e.running() + " run" + (e.running() == 1 ? "" : "s") + " in progress and " + e.waiting()
                    + " waiting (" + key + ".maxConcurrent = " + config.maxConcurrent() + ", maxQueued = "
                    + config.maxQueued() + "). Retry later.");
            case WAITED_TOO_LONG -> new CliFailure(CliFailure.Kind.BUSY, "The " + config.id() + " backend stayed "
                    + "busy for " + config.timeout().toSeconds() + " s (" + key + ".maxConcurrent = "
                    + config.maxConcurrent() + "). Retry later.");
        };
    }

    /** The JDK message is "Cannot run program ... : error=N, Reason"; keep the reason only. */
    private static String startFailure(IOException e) {
        String message = Optional.ofNullable(e.getMessage()).orElse("");
        int at = message.lastIndexOf("error=");
        return at >= 0 ? message.substring(at) : e.getClass().getSimpleName();
    }
}
