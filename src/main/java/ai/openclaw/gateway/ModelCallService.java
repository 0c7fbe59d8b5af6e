package ai.openclaw.gateway;

import ai.openclaw.app.Agents;
import ai.openclaw.app.UnknownAgentException;
import ai.openclaw.clibackend.UnsupportedRequestException;
import ai.openclaw.config.ConfigException;
import ai.openclaw.json.Json;
import ai.openclaw.json.MalformedFileException;
import ai.openclaw.providers.ApiKind;
import ai.openclaw.routing.Attempt;
import ai.openclaw.routing.AttemptRecord;
import ai.openclaw.routing.AttemptResult;
import ai.openclaw.routing.ModelSelectionException;
import ai.openclaw.routing.NoRouteException;
import ai.openclaw.routing.RoutePlan;
import ai.openclaw.routing.RouteRequest;
import ai.openclaw.routing.RouteResult;
import ai.openclaw.routing.Router;
import ai.openclaw.routing.SessionPin;
import ai.openclaw.sessions.Directive;
import ai.openclaw.sessions.DirectiveHandler;
import ai.openclaw.sessions.DirectiveParser;
import ai.openclaw.sessions.ParsedMessage;
import ai.openclaw.sessions.PinSource;
import ai.openclaw.sessions.SessionEntry;
import ai.openclaw.sessions.SessionStores;
import ai.openclaw.translate.RequestTranslator;
import ai.openclaw.translate.TranslationException;
import ai.openclaw.upstream.UpstreamCall;
import ai.openclaw.upstream.UpstreamErrors;
import ai.openclaw.upstream.UpstreamHeaders;
import ai.openclaw.upstream.UpstreamRequest;
import ai.openclaw.upstream.UpstreamRequestException;
import ai.openclaw.upstream.UpstreamResponse;
import ai.openclaw.upstream.UpstreamTransport;
import ai.openclaw.upstream.UpstreamTransportException;
import ai.openclaw.upstream.UpstreamRequestFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/chat/completions} and {@code POST /v1/messages}: validate, answer {@code /model} directives
 * locally, plan the route (model, pins, fallbacks), try candidates until one upstream answers 2xx (every rotation and
 * fallback happens before the first byte reaches the client), then relay the answer in the caller's format. Models
 * of a CLI backend ({@code claude-cli/...}) are attempted and answered by {@link CliCalls}.
 */
public final class ModelCallService implements ModelCalls {
    /** Request body values that mean "the agent's default (or the session's) model". */
    private static final Set<String> DEFAULT_MODEL_NAMES = Set.of("", "default", "openclaw", "auto");
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final GatewayRuntime runtime;
    private final Router router;
    private final UpstreamTransport transport;
    private final Supplier<UpstreamRequestFactory> requests;
    private final UpstreamErrors errors;
    private final SessionStores sessions;
    private final DirectiveHandler directives;
    private final GatewayMetrics metrics;
    private final DisconnectWatch.Poller watcher;
    private final CliCalls cli;

    ModelCallService(GatewayRuntime runtime, Router router, UpstreamTransport transport,
                     Supplier<UpstreamRequestFactory> requests, UpstreamErrors errors, SessionStores sessions,
                     DirectiveHandler directives, GatewayMetrics metrics,
                     DisconnectWatch.Poller watcher, CliCalls cli) {
        this.runtime = runtime;
        this.router = router;
        this.transport = transport;
        this.requests = requests;
        this.errors = errors;
        this.sessions = sessions;
        this.directives = directives;
        this.metrics = metrics;
        this.watcher = watcher;
        this.cli = cli;
    }

    @Override
    public void handle(ClientChannel ex, ApiFormat format, RequestLog log) throws IOException {
        ObjectNode body;
        try {
            body = parse(ex.body());
            RequestValidator.validate(body, format);
        } catch (Exchange.BodyTooLargeException e) {
            ex.sendJson(413, format.errorBody(413, "request_too_large", e.getMessage()));
            return;
        } catch (RequestValidator.InvalidRequest e) {
            ex.sendJson(400, format.errorBody(400, "invalid_request", e.getMessage()));
            return;
        }
        boolean stream = body.path("stream").asBoolean(false);
        long nowSeconds = runtime.context().clock().millis() / 1000;
        CliCalls.Call cliCall = null;
        try {
            Agents.Agent agent = runtime.agent(ex.header("x-openclaw-agent-id"));
            log.agent(agent.id());
            String sessionKey = sessionKey(ex, body, format);
            String requestedModel = requestedModel(body);

            String lastUserText = RequestValidator.lastUserText(body);
            // every directive starts with '/': text without one is plain, so the parser's regexes (and the alias
            // list) are skipped for the common request
            ParsedMessage parsed = lastUserText == null || lastUserText.indexOf('/') < 0 ? null
                    : DirectiveParser.parse(lastUserText, runtime.config().config().agents().modelAliases().values()
                            .stream().filter(a -> a != null).toList());
            if (parsed instanceof Directive d) {
                String reply = directives.handle(agent.id(), sessionKey, d);
                log.model("openclaw/directive");
                LocalReply.send(ex, format, stream, requestedModel == null ? "openclaw" : requestedModel, reply,
                        nowSeconds);
                return;
            }
            if (parsed instanceof ParsedMessage.Inline inline) {
                replaceLastUserText(body, inline.text());
                requestedModel = inline.modelHint();
            }
            SessionEntry session = sessionKey == null ? null
                    : sessions.forAgent(agent.id()).get(sessionKey).orElse(null);
            SessionPin pin = session == null ? null : pin(session);
            RoutePlan plan = router.plan(new RouteRequest(agent.id(), requestedModel, pin));
            String clientModel = body.path("model").asString(plan.requested().model().key());
            CliCalls.Call cliAttempts = cli.call(ex, format, body, stream, agent, sessionKey, session);
            cliCall = cliAttempts;
            RouteResult<Answer> result = router.execute(plan, attempt -> attempt.endpoint().api() == ApiKind.CLI_BACKEND
                    ? cliAttempts.attempt(attempt) : attempt(ex, format, body, stream, attempt));
            record(log, result.attempts());
            Attempt served = result.served();
            log.model(served.model().key());
            log.credential(served.credential().source().label());
            if (result.value() instanceof CliCalls.CliAnswer answer) {
                // no credential of ours: the CLI used its own login
                log.credential("cli:" + served.model().provider());
                cliAttempts.relay(answer, clientModel, nowSeconds);
                return;
            }
            Served http = (Served) result.value();
            log.upstreamStatus(http.response().status());
            Relay relay = new Relay(ex, format, http, clientModel, nowSeconds, body);
            if (stream) {
                // an upstream may stay silent mid-stream for long: keep watching the client, so that its leaving
                // cancels the upstream at once rather than at the next upstream event
                try (ClientChannel.Watch watch = ex.watchDisconnect(watcher, http.call()::abort)) {
                    relay.run();
                }
            } else {
                relay.run();
            }
        } catch (ClientGoneException e) {
            log.attempts("client_disconnected");
        } catch (NoRouteException e) {
            record(log, e.attempts());
            if (cliCall != null && cliCall.answersAlone(e)) {
                cliCall.sendFailure();
            } else {
                noRoute(ex, format, e);
            }
        } catch (ModelSelectionException e) {
            ex.sendJson(e.status(), format.errorBody(e.status(), e.code(), e.getMessage()));
        } catch (UnknownAgentException e) {
            ex.sendJson(404, format.errorBody(404, "agent_not_found", e.getMessage()));
        } catch (UnsupportedRequestException e) {
            ex.sendJson(400, format.errorBody(400, "unsupported_request", e.getMessage()));
        } catch (ConfigException e) {
            ex.sendJson(500, format.errorBody(500, "config_invalid", e.getMessage()));
        } catch (TranslationException e) {
            ex.sendJson(400, format.errorBody(400, "untranslatable_request", e.getMessage()));
        } catch (MalformedFileException e) {
            ex.sendJson(500, format.errorBody(500, "state_file_unreadable", e.getMessage()));
        } catch (IllegalArgumentException e) {
            ex.sendJson(400, format.errorBody(400, "invalid_request", e.getMessage()));
        }
    }

    /** What served a model call: an upstream's response ({@link Served}) or a CLI run ({@link CliCalls.CliAnswer}). */
    interface Answer {}

    /** The upstream's open 2xx response and the API kind it speaks. */
    record Served(UpstreamCall call, UpstreamResponse response, ApiKind api) implements Answer {}

    private AttemptResult<Answer> attempt(ClientChannel ex, ApiFormat format, ObjectNode body, boolean stream,
                                          Attempt attempt) {
        ApiKind api = attempt.endpoint().api();
        String model = attempt.model().model();
        String upstreamBody = switch (api) {
            case OPENAI_COMPLETIONS -> format == ApiFormat.OPENAI ? compactWithModel(body, model)
                    : Json.compact(RequestTranslator.toOpenAiRequest(body, model));
            case ANTHROPIC_MESSAGES -> format == ApiFormat.ANTHROPIC ? compactWithModel(body, model)
                    : Json.compact(RequestTranslator.toAnthropicRequest(body, model));
            case CLI_BACKEND -> throw new IllegalStateException("CLI backends are served by CliCalls");
        };
        UpstreamRequest request;
        try {
            request = requests.get().build(attempt.endpoint(), attempt.credential(),
                    upstreamBody.getBytes(StandardCharsets.UTF_8), stream, passThrough(ex));
        } catch (UpstreamRequestException e) {
            return new AttemptResult.Failed<>(new ai.openclaw.routing.UpstreamFailure(0, "request_build_failed",
                    e.getMessage(), null, "connect"));
        }
        UpstreamCall call = transport.newCall(request);
        long start = System.nanoTime();
        // a client that goes away cancels the upstream request at once
        try (ClientChannel.Watch watch = ex.watchDisconnect(watcher, call::abort)) {
            UpstreamResponse response = call.execute();
            if (watch.sawPipelinedData()) {
                ex.setHeader("connection", "close");
            }
            metrics.upstreamLatency(attempt.model().provider(), java.time.Duration.ofNanos(System.nanoTime() - start));
            if (response.status() / 100 == 2) {
                return new AttemptResult.Served<>(new Served(call, response, api));
            }
            byte[] errorBody = response.readBody(MAX_ERROR_BODY);
            List<ai.openclaw.core.Secret> used = attempt.credential().secret() == null ? List.of()
                    : List.of(attempt.credential().secret());
            return new AttemptResult.Failed<>(errors.toFailure(response.status(), response.headers(), errorBody, used));
        } catch (UpstreamTransportException e) {
            if (e.aborted()) {
                throw new ClientGoneException();
            }
            return new AttemptResult.Failed<>(e.failure());
        } catch (IOException e) {
            return new AttemptResult.Failed<>(new ai.openclaw.routing.UpstreamFailure(0, null,
                    "upstream read failed (" + e.getClass().getSimpleName() + ")", null, "reset"));
        }
    }

    /** The caller disconnected while we waited for an upstream: nothing to answer, nothing to record. */
    static final class ClientGoneException extends RuntimeException {
        ClientGoneException() {
            super("client disconnected", null, false, false);
        }
    }

    /**
     * The body as compact JSON with {@code model} in place of the caller's: the model is swapped in, the body
     * written and the caller's value put back, rather than deep-copying the whole body per attempt. The body belongs
     * to this request alone and attempts run one after another, so nobody sees the swap. Replacing a key keeps its
     * position; a body without one gets it last and loses it again.
     */
    private static String compactWithModel(ObjectNode body, String model) {
        JsonNode original = body.get("model");
        body.put("model", model);
        try {
            return Json.compact(body);
        } finally {
            if (original == null) {
                body.remove("model");
            } else {
                body.set("model", original);
            }
        }
    }

    /** Client headers that may travel upstream (the factory drops credentials, cookies, hop-by-hop headers). */
    private static UpstreamHeaders passThrough(ClientChannel ex) {
        UpstreamHeaders.Builder b = UpstreamHeaders.builder();
        for (var field : ex.headers()) {
            if (UpstreamRequestFactory.isForwardable(field.getKey())) {
                b.add(field.getKey(), field.getValue());
            }
        }
        return b.build();
    }

    private static ObjectNode parse(byte[] raw) {
        try {
            JsonNode node = Json.MAPPER.readTree(raw);
            if (node == null || !node.isObject()) {
                throw new RequestValidator.InvalidRequest("The request body must be a JSON object.");
            }
            return (ObjectNode) node;
        } catch (JacksonException e) {
            var loc = e.getLocation();
            throw new RequestValidator.InvalidRequest("The request body is not valid JSON"
                    + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")") + ".");
        }
    }

    private static String requestedModel(JsonNode body) {
        String m = body.path("model").asString("").strip();
        return DEFAULT_MODEL_NAMES.contains(m.toLowerCase(java.util.Locale.ROOT)) ? null : m;
    }

    private static String sessionKey(ClientChannel ex, JsonNode body, ApiFormat format) {
        String h = ex.header("x-openclaw-session-key");
        if (h != null && !h.isBlank()) {
            return h.strip();
        }
        String user = format == ApiFormat.OPENAI ? body.path("user").asString("")
                : body.path("metadata").path("user_id").asString("");
        return user.isBlank() ? null : user.strip();
    }

    private static SessionPin pin(SessionEntry e) {
        if (e.providerOverride() == null && e.modelOverride() == null && e.authProfileOverride() == null) {
            return null;
        }
        SessionPin.Source source = e.pinSource().map(s -> s == PinSource.AUTO ? SessionPin.Source.AUTO
                : SessionPin.Source.USER).orElse(SessionPin.Source.USER);
        return new SessionPin(e.providerOverride(), e.modelOverride(), e.authProfileOverride(), source);
    }

    private static void replaceLastUserText(ObjectNode body, String text) {
        ArrayNode messages = (ArrayNode) body.get("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode m = messages.get(i);
            if ("user".equals(m.path("role").asString(null)) && m instanceof ObjectNode om) {
                JsonNode c = om.get("content");
                if (c != null && c.isString()) {
                    om.put("content", text);
                } else if (c instanceof ArrayNode parts) {
                    boolean first = true;
                    for (JsonNode part : parts) {
                        if (part instanceof ObjectNode p && "text".equals(p.path("type").asString(null))) {
                            p.put("text", first ? text : "");
                            first = false;
                        }
                    }
                }
                return;
            }
        }
    }

    private void record(RequestLog log, List<AttemptRecord> attempts) {
        log.attempts(attempts.stream().map(a -> a.credential() + ":" + (a.reason() == null ? a.outcome() : a.reason()))
                .collect(Collectors.joining(",")));
        String last = null;
        for (AttemptRecord a : attempts) {
            if (a.outcome().equals("skipped")) {
                continue;
            }
            metrics.attempt(a.model().provider(), a.outcome());
            if (last != null) {
                metrics.rotation(a.model().provider(), last);
            }
            last = a.reason();
        }
    }

    private static void noRoute(ClientChannel ex, ApiFormat format, NoRouteException e) throws IOException {
        ObjectNode body = format.errorBody(e.status(), e.reason(), e.getMessage());
        ObjectNode error = (ObjectNode) body.get("error");
        ArrayNode attempts = error.putArray("attempts");
        for (AttemptRecord a : e.attempts()) {
            ObjectNode o = attempts.addObject();
            o.put("model", a.model().key());
            o.put("credential", a.credential());
            o.put("outcome", a.outcome());
            if (a.reason() != null) {
                o.put("reason", a.reason());
            }
            if (a.status() != 0) {
                o.put("status", a.status());
            }
            if (a.remainingMs() > 0) {
                o.put("remainingMs", a.remainingMs());
            }
            if (a.detail() != null) {
                o.put("detail", a.detail());
            }
        }
        if (e.retryAfterMs() != null) {
            ex.setHeader("retry-after", String.valueOf(Math.max(1, (e.retryAfterMs() + 999) / 1000)));
        }
        ex.sendJson(e.status(), body);
    }
}
