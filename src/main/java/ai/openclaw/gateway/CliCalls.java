package ai.openclaw.gateway;

import ai.openclaw.app.Agents;
import ai.openclaw.clibackend.AnthropicAnswer;
import ai.openclaw.clibackend.ClaudeCliArgv;
import ai.openclaw.clibackend.ClaudeCliPrompt;
import ai.openclaw.clibackend.ClaudeCliRunner;
import ai.openclaw.clibackend.CliBackendConfig;
import ai.openclaw.clibackend.CliBackendConfigReader;
import ai.openclaw.clibackend.CliEvent;
import ai.openclaw.clibackend.CliFailure;
import ai.openclaw.clibackend.CliFailureException;
import ai.openclaw.clibackend.CliRun;
import ai.openclaw.config.OpenClawConfig;
import ai.openclaw.providers.ApiKind;
import ai.openclaw.providers.ProviderEndpoint;
import ai.openclaw.routing.Attempt;
import ai.openclaw.routing.AttemptResult;
import ai.openclaw.routing.NoRouteException;
import ai.openclaw.routing.UpstreamFailure;
import ai.openclaw.sessions.SessionEntry;
import ai.openclaw.sessions.SessionStores;
import ai.openclaw.translate.AnthropicToOpenAiStream;
import ai.openclaw.translate.ErrorBodies;
import ai.openclaw.translate.ResponseTranslator;
import ai.openclaw.translate.SseEvent;
import ai.openclaw.translate.SseWriter;
import ai.openclaw.translate.StreamTranslator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Model calls served by the {@code claude-cli} backend: the routing context gives the provider a
 * {@link ApiKind#CLI_BACKEND} endpoint ({@link #endpoint}), so the router plans and orders it like any provider
 * (fallbacks included), and {@link ModelCallService} hands its attempts to a {@link Call} of this class.
 *
 * <ul>
 *   <li><b>Attempt</b>: the prompt is built from the request (what cannot be expressed is a 400 naming the field),
 *       the CLI is started ({@link ClaudeCliRunner}) and read until the answer is certain: for a stream the first
 *       text (or the end), otherwise the whole run. A failure before that point is a failed attempt, so a configured
 *       fallback model is tried next, exactly as for an HTTP upstream.</li>
 *   <li><b>Answer</b>: built in Anthropic Messages shape ({@link AnthropicAnswer}) and, for OpenAI clients, passed
 *       through the existing Anthropic → OpenAI translators; streams are written event by event as the CLI prints.
 *       A failure after the first byte becomes an error event in the client's format.</li>
 *   <li><b>Errors</b> when the CLI was the only thing tried: its own status and message ({@link CliFailure.Kind}:
 *       503 not installed, 429 busy, 504 timeout, 502 failed run); otherwise the router's verdict over every
 *       candidate, quoting the CLI's message.</li>
 *   <li><b>Sessions</b>: with a session key, the CLI's session id is stored in the agent's {@code sessions.json}
 *       ({@code cliSessionIds}) after a successful run, and resumed on the next turn. A resume the CLI rejects
 *       (its session is gone) is retried once as a fresh run with the whole conversation, and the stale id is
 *       dropped.</li>
 *   <li><b>Process lifetime</b>: a client that goes away (disconnect watch, failed write) cancels the run, which kills
 *       the CLI and its descendants; {@link #close()} kills every run when the gateway stops.</li>
 * </ul>
 * Thread-safe; one instance per gateway.
 */
final class CliCalls implements AutoCloseable {
    /** The endpoint of the {@code claude-cli} provider; the base URL is a label only. */
    static final ProviderEndpoint CLAUDE_CLI_ENDPOINT = new ProviderEndpoint(CliBackendConfig.CLAUDE_CLI,
            "cli:" + CliBackendConfig.CLAUDE_CLI, ApiKind.CLI_BACKEND, Map.of(), false,
            CliBackendConfig.claudeCliDefaults().timeout(), true);
    /** What the Claude CLI says when it cannot resume a session ("No conversation found with session ID: ..."). */
    private static final Pattern SESSION_GONE = Pattern.compile(
            "(?i)no conversation found|session (?:id )?(?:not found|does not exist)|invalid session");

    private final GatewayRuntime runtime;
    private final ClaudeCliRunner runner;
    private final SessionStores sessions;
    private final GatewayMetrics metrics;
    private final DisconnectWatch.Poller watcher;
    private final Supplier<String> newSessionIds;
    private final PrintWriter log;
    private volatile ConfigCache cache;

    private record ConfigCache(OpenClawConfig config, CliBackendConfig backend) {}

    CliCalls(GatewayRuntime runtime, ClaudeCliRunner runner, SessionStores sessions, GatewayMetrics metrics,
             DisconnectWatch.Poller watcher, PrintWriter log) {
        this(runtime, runner, sessions, metrics, watcher, log, () -> UUID.randomUUID().toString());
    }

    CliCalls(GatewayRuntime runtime, ClaudeCliRunner runner, SessionStores sessions, GatewayMetrics metrics,
             DisconnectWatch.Poller watcher, PrintWriter log, Supplier<String> newSessionIds) {
        this.runtime = runtime;
        this.runner = runner;
        this.sessions = sessions;
        this.metrics = metrics;
        this.watcher = watcher;
        this.log = log;
        this.newSessionIds = newSessionIds;
    }

    /** The endpoint of a CLI backend provider; empty for every other provider. */
    static Optional<ProviderEndpoint> endpoint(String provider) {
        return CliBackendConfig.CLAUDE_CLI.equals(provider) ? Optional.of(CLAUDE_CLI_ENDPOINT) : Optional.empty();
    }

    /** The backend's settings for the config in force (parsed once per config). */
    private CliBackendConfig backend() {
        OpenClawConfig config = runtime.config().config();
        ConfigCache c = cache;
        if (c == null || c.config() != config) {
            c = new ConfigCache(config, CliBackendConfigReader.claudeCli(config));
            cache = c;
        }
        return c.backend();
    }

    /** The attempts and the answer of one model call. */
    Call call(ClientChannel ex, ApiFormat format, ObjectNode body, boolean stream, Agents.Agent agent,
              String sessionKey, SessionEntry session) {
        return new Call(ex, format, body, stream, agent, sessionKey, session);
    }

    /** A CLI run that served: the events read while deciding (replayed first), then the rest of the run. */
    record CliAnswer(CliBackendConfig config, CliRun run, List<CliEvent> pending) implements ModelCallService.Answer {
        CliAnswer {
            pending = List.copyOf(pending);
        }
    }

    /** Kills the process tree of every run in progress. */
    @Override
    public void close() {
        runner.close();
    }

    /** One model call's use of the backend. Confined to the request's thread. */
    final class Call {
        private final ClientChannel ex;
        private final ApiFormat format;
        private final ObjectNode body;
        private final boolean stream;
        private final Agents.Agent agent;
        private final String sessionKey;
        private final SessionEntry session;
        private int failures;
        private CliFailure lastFailure;

        private Call(ClientChannel ex, ApiFormat format, ObjectNode body, boolean stream, Agents.Agent agent,
                     String sessionKey, SessionEntry session) {
            this.ex = ex;
            this.format = format;
            this.body = body;
            this.stream = stream;
            this.agent = agent;
            this.sessionKey = sessionKey;
            this.session = session == null ? SessionEntry.EMPTY : session;
        }

        /**
         * Runs the CLI for {@code attempt}.
         *
         * @throws ai.openclaw.clibackend.UnsupportedRequestException the request cannot be expressed as a prompt
         * @throws ai.openclaw.config.ConfigException                 the backend's settings are invalid
         * @throws ModelCallService.ClientGoneException               the client went away meanwhile
         */
        AttemptResult<ModelCallService.Answer> attempt(Attempt attempt) {
            CliBackendConfig config = backend();
            String stored = sessionKey == null || config.sessionMode() == CliBackendConfig.SessionMode.NONE ? null
                    : session.cliSessionId(config.id()).orElse(null);
            long start = System.nanoTime();
            Outcome outcome = run(config, attempt, stored);
            if (outcome.failure() != null && stored != null && !outcome.sawText()
                    && (outcome.failure().kind() == CliFailure.Kind.ERROR_RESULT
                    || outcome.failure().kind() == CliFailure.Kind.EXIT)
                    && SESSION_GONE.matcher(outcome.failure().message()).find()) {
                // the CLI no longer knows the stored session (its store was cleared, another machine...): forget it
                // and start over with the whole conversation
                forgetSession(config, stored);
                outcome = run(config, attempt, null);
            }
            if (outcome.failure() != null) {
                failures++;
                lastFailure = outcome.failure();
                return new AttemptResult.Failed<>(upstreamFailure(outcome.failure()));
            }
            metrics.upstreamLatency(attempt.model().provider(), Duration.ofNanos(System.nanoTime() - start));
            return new AttemptResult.Served<>(outcome.answer());
        }

        private record Outcome(CliAnswer answer, CliFailure failure, boolean sawText) {}

        private Outcome run(CliBackendConfig config, Attempt attempt, String resumeId) {
            ClaudeCliArgv.Session cliSession = resumeId != null ? new ClaudeCliArgv.Session.Resume(resumeId)
                    : config.sessionMode() == CliBackendConfig.SessionMode.ALWAYS
                    ? new ClaudeCliArgv.Session.Fresh(newSessionIds.get()) : new ClaudeCliArgv.Session.None();
            ClaudeCliPrompt prompt = ClaudeCliPrompt.of(body, format == ApiFormat.OPENAI
                    ? ClaudeCliPrompt.Dialect.OPENAI : ClaudeCliPrompt.Dialect.ANTHROPIC, resumeId != null);
            ClaudeCliRunner.Launch launch = new ClaudeCliRunner.Launch(config, attempt.model().model(), cliSession,
                    prompt, runtime.config().env().asMap(), workingDir());
            AtomicBoolean gone = new AtomicBoolean();
            AtomicReference<CliRun> started = new AtomicReference<>();
            try (ClientChannel.Watch watch = ex.watchDisconnect(watcher, () -> {
                gone.set(true);
                CliRun r = started.get();
                if (r != null) {
                    r.cancel();
                }
            })) {
                CliRun run;
                try {
                    run = runner.start(launch, gone::get);
                } catch (CliFailureException e) {
                    if (e.failure().kind() == CliFailure.Kind.CANCELLED) {
                        throw new ModelCallService.ClientGoneException();
                    }
                    return new Outcome(null, e.failure(), false);
                }
                started.set(run);
                if (gone.get()) {
                    run.cancel();
                }
                try {
                    List<CliEvent> pending = new ArrayList<>();
                    boolean sawText = false;
                    while (true) {
                        CliEvent e = run.next();
                        if (e instanceof CliEvent.Failed f) {
                            if (f.failure().kind() == CliFailure.Kind.CANCELLED) {
                                throw new ModelCallService.ClientGoneException();
                            }
                            return new Outcome(null, f.failure(), sawText);
                        }
                        pending.add(e);
                        sawText |= e instanceof CliEvent.Text;
                        if (e instanceof CliEvent.Finished || stream && e instanceof CliEvent.Text) {
                            break;
                        }
                    }
                    if (watch.sawPipelinedData()) {
                        ex.setHeader("connection", "close");
                    }
                    return new Outcome(new CliAnswer(config, run, pending), null, sawText);
                } catch (RuntimeException e) {
                    run.close();
                    throw e;
                }
            }
        }

        /**
         * Whether the answer to a request nothing served should be the CLI's own failure: it was the only attempt
         * made (a fallback that was tried gets the router's verdict over all candidates).
         */
        boolean answersAlone(NoRouteException e) {
            return failures == 1 && lastFailure != null && !"context_overflow".equals(e.reason())
                    && e.attempts().stream().filter(a -> a.outcome().equals("failed")).count() == 1;
        }

        /** Sends the CLI's failure: its status, code and message, in the client's format. */
        void sendFailure() throws IOException {
            int status = lastFailure.kind().status();
            ex.sendJson(status, format.errorBody(status, lastFailure.kind().code(), lastFailure.message()));
        }

        /** Writes a served run's answer (the rest of the run for a stream) and stores the CLI's session id. */
        void relay(CliAnswer answer, String clientModel, long created) throws IOException {
            String id = (format == ApiFormat.OPENAI ? "chatcmpl-" : "msg_") + UUID.randomUUID().toString()
                    .replace("-", "");
            try (CliRun run = answer.run()) {
                if (stream) {
                    stream(answer, run, id, clientModel, created);
                } else {
                    whole(answer, id, clientModel, created);
                }
            }
        }

        private void whole(CliAnswer answer, String id, String clientModel, long created) throws IOException {
            StringBuilder text = new StringBuilder();
            CliEvent.Finished finished = null;
            for (CliEvent e : answer.pending()) {
                if (e instanceof CliEvent.Text t) {
                    text.append(t.text());
                } else if (e instanceof CliEvent.Finished f) {
                    finished = f;
                }
            }
            if (finished == null) {
                throw new IllegalStateException("a whole answer is served only after the run finished");
            }
            if (text.isEmpty() && finished.resultText() != null) {
                text.append(finished.resultText());
            }
            remember(answer.config(), finished.sessionId());
            ObjectNode message = AnthropicAnswer.message(id, clientModel, text.toString(), finished.stopReason(),
                    finished.usage());
            ex.sendJson(200, format == ApiFormat.ANTHROPIC ? message
                    : ResponseTranslator.toOpenAiResponse(message, clientModel, created));
        }

        private void stream(CliAnswer answer, CliRun run, String id, String clientModel, long created)
                throws IOException {
            AnthropicAnswer shape = new AnthropicAnswer(id, clientModel);
            StreamTranslator toOpenAi = format == ApiFormat.OPENAI ? new AnthropicToOpenAiStream(clientModel, created,
                    AnthropicToOpenAiStream.includeUsageRequested(body)) : null;
            ex.startStream(200, "text/event-stream");
            // the CLI may stay silent for long between messages: watch the client so that leaving kills it at once
            try (ClientChannel.Watch watch = ex.watchDisconnect(watcher, run::cancel)) {
                write(run, toOpenAi, shape.start());
                boolean wroteText = false;
                int replayed = 0;
                while (true) {
                    CliEvent e = replayed < answer.pending().size() ? answer.pending().get(replayed++) : run.next();
                    switch (e) {
                        case CliEvent.Session s -> {
                            // stored with the result
                        }
                        case CliEvent.Text t -> {
                            write(run, toOpenAi, shape.text(t.text()));
                            wroteText = true;
                        }
                        case CliEvent.Finished f -> {
                            if (!wroteText && f.resultText() != null) {
                                write(run, toOpenAi, shape.text(f.resultText()));
                            }
                            // stored before the last events: a client may send its next turn as soon as it has them
                            remember(answer.config(), f.sessionId());
                            write(run, toOpenAi, shape.finish(f.stopReason(), f.usage()));
                            ex.endStream();
                            return;
                        }
                        case CliEvent.Failed f -> {
                            if (f.failure().kind() == CliFailure.Kind.CANCELLED) {
                                throw new ModelCallService.ClientGoneException();
                            }
                            writeClient(run, SseWriter.bytes(streamError(f.failure())));
                            ex.endStream();
                            return;
                        }
                    }
                }
            }
        }

        private SseEvent streamError(CliFailure failure) {
            int status = failure.kind().status();
            return format == ApiFormat.OPENAI
                    ? ErrorBodies.openAiStreamError(status, failure.kind().code(), failure.message())
                    : ErrorBodies.anthropicStreamError(ErrorBodies.anthropicType(status), failure.message());
        }

        private void write(CliRun run, StreamTranslator toOpenAi, List<SseEvent> events) throws IOException {
            for (SseEvent e : events) {
                if (toOpenAi == null) {
                    writeClient(run, SseWriter.bytes(e));
                } else {
                    for (SseEvent out : toOpenAi.onEvent(e)) {
                        writeClient(run, SseWriter.bytes(out));
                    }
                }
            }
        }

        /** A write that fails means the client left: kill the CLI and stop. */
        private void writeClient(CliRun run, byte[] bytes) throws IOException {
            try {
                ex.write(bytes);
            } catch (IOException e) {
                run.cancel();
                throw e;
            }
        }

        /** Stores the CLI's session id for the next turn (a failure to store is logged, the answer still goes out). */
        private void remember(CliBackendConfig config, String cliSessionId) {
            if (sessionKey == null || cliSessionId == null
                    || config.sessionMode() == CliBackendConfig.SessionMode.NONE) {
                return;
            }
            try {
                sessions.forAgent(agent.id()).update(sessionKey, e -> e.withCliSessionId(config.id(), cliSessionId));
            } catch (RuntimeException e) {
                log.println("gateway: could not store the " + config.id() + " session id of a session of agent \""
                        + agent.id() + "\": " + e.getMessage());
            }
        }

        private void forgetSession(CliBackendConfig config, String stale) {
            try {
                sessions.forAgent(agent.id()).update(sessionKey, e -> stale.equals(e.cliSessionId(config.id())
                        .orElse(null)) ? e.withoutCliSessionId(config.id()) : e);
            } catch (RuntimeException e) {
                log.println("gateway: could not drop a stale " + config.id() + " session id of agent \"" + agent.id()
                        + "\": " + e.getMessage());
            }
        }

        /**
         * The agent's workspace when configured, else OpenClaw's default: {@code <stateDir>/workspace} for the
         * default agent, {@code <stateDir>/workspace-<id>} for the others. Never the state directory itself: the
         * CLI may read and write files where it runs, and the credential stores live there.
         */
        private Path workingDir() {
            if (agent.workspace() != null) {
                return agent.workspace();
            }
            Path state = runtime.context().paths().stateDir();
            return agent.isDefault() ? state.resolve("workspace") : state.resolve("workspace-" + agent.id());
        }
    }

    /**
     * The routing view of a failed run. Runs that ended with an error keep status 0 so that the router classifies
     * their message (rate limits, login problems, a prompt too long for the context); timeouts are transport timeouts;
     * a busy backend is a 429; a program that is missing or cannot start is a 503.
     */
    static UpstreamFailure upstreamFailure(CliFailure f) {
        return switch (f.kind()) {
            case BUSY -> new UpstreamFailure(429, f.kind().code(), f.message(), null, null);
            case TIMEOUT, NO_OUTPUT -> new UpstreamFailure(0, f.kind().code(), f.message(), null, "timeout");
            case NOT_FOUND, START_FAILED, SHUTDOWN -> new UpstreamFailure(503, f.kind().code(), f.message(), null,
                    null);
            case EXIT, ERROR_RESULT, NO_RESULT, OUTPUT_TOO_LARGE, CANCELLED -> new UpstreamFailure(0, f.kind().code(),
                    f.message(), null, null);
        };
    }
}
