package ai.openclaw.gateway;

import java.io.IOException;
import java.time.Clock;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Routes HTTP requests. Plain blocking code: Jetty runs each request on its own virtual thread. Every answer,
 * including errors, is JSON in the format of the API that was called, and every request gets one access-log line.
 */
final class GatewayHandler extends Handler.Abstract {
    private final GatewayRuntime runtime;
    private final GatewayAuth auth;
    private final ModelCalls calls;
    private final GatewayMetrics metrics;
    private final AccessLog accessLog;
    private final Clock clock;

    GatewayHandler(GatewayRuntime runtime, GatewayAuth auth, ModelCalls calls, GatewayMetrics metrics,
                   AccessLog accessLog) {
        this.runtime = runtime;
        this.auth = auth;
        this.calls = calls;
        this.metrics = metrics;
        this.accessLog = accessLog;
        this.clock = runtime.context().clock();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        Exchange ex = new Exchange(request, response);
        RequestLog log = new RequestLog();
        int status;
        try {
            status = dispatch(ex, log);
            callback.succeeded();
        } catch (Throwable t) {
            boolean outOfMemory = t instanceof OutOfMemoryError;
            status = outOfMemory ? 503 : 500;
            try {
                accessLog.failure(clock.millis(), ex.method(), ex.path(), t);
            } catch (Throwable logFailed) {
                // out of memory even for the trace: the answer below still says what happened
            }
            if (!ex.committed()) {
                try {
                    ApiFormat f = formatOf(ex.path());
                    ex.sendJson(status, outOfMemory
                            ? f.errorBody(503, "gateway_out_of_memory", "The gateway ran out of memory while "
                                    + "serving this request: a request body near the 32 MB limit needs several times "
                                    + "its size while it is parsed, and other large requests were in flight. Retry, or "
                                    + "give the gateway more heap (OPENCLAW_JAVA_OPTS=-Xmx1g).")
                            : f.errorBody(500, "internal_error",
                                    "internal error (" + t.getClass().getSimpleName() + "); see the gateway log"));
                    callback.succeeded();
                } catch (Throwable t2) {
                    callback.failed(t);
                }
            } else {
                callback.failed(t);
            }
        }
        metrics.request(endpointLabel(ex.path()), status);
        accessLog.log(new AccessLog.Entry(clock.millis(), ex.method(), ex.path(), status, log.agent, log.model,
                log.credential, log.attempts, log.upstreamStatus, (System.nanoTime() - start) / 1000));
        return true;
    }

    private int dispatch(Exchange ex, RequestLog log) throws IOException {
        String path = ex.path();
        ApiFormat format = formatOf(path);
        if (path.equals("/health")) {
            if (!ex.method().equals("GET") && !ex.method().equals("HEAD")) {
                return methodNotAllowed(ex, format, "GET");
            }
            ex.sendText(200, "application/json", "{\"status\":\"ok\"}");
            return 200;
        }
        if (!auth.accepts(ex.header("authorization"), ex.header("x-api-key"))) {
            ex.setHeader("www-authenticate", "Bearer realm=\"openclaw\"");
            ex.sendJson(401, format.errorBody(401, "gateway_unauthorized",
                    "Missing or invalid gateway credential: send the gateway token as `Authorization: Bearer <token>` "
                            + "or `x-api-key: <token>` (it is gateway.auth.token in openclaw.json)."));
            return 401;
        }
        switch (path) {
            case "/metrics" -> {
                if (!ex.method().equals("GET")) {
                    return methodNotAllowed(ex, format, "GET");
                }
                ex.sendText(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
                return 200;
            }
            case "/v1/models" -> {
                if (!ex.method().equals("GET")) {
                    return methodNotAllowed(ex, format, "GET");
                }
                ex.sendJson(200, ModelsEndpoint.list(runtime.config().config(), clock.millis() / 1000));
                return 200;
            }
            case "/v1/chat/completions", "/v1/messages" -> {
                if (!ex.method().equals("POST")) {
                    return methodNotAllowed(ex, format, "POST");
                }
                calls.handle(ex, format, log);
                return ex.status();
            }
            default -> {
                ex.sendJson(404, format.errorBody(404, "not_found", "No such endpoint: " + ex.method() + " " + path
                        + ". Endpoints: POST /v1/chat/completions, POST /v1/messages, GET /v1/models, GET /health, "
                        + "GET /metrics."));
                return 404;
            }
        }
    }

    private static int methodNotAllowed(Exchange ex, ApiFormat format, String allowed) throws IOException {
        ex.setHeader("allow", allowed);
        ex.sendJson(405, format.errorBody(405, "method_not_allowed",
                ex.method() + " is not allowed on " + ex.path() + "; use " + allowed + "."));
        return 405;
    }

    static ApiFormat formatOf(String path) {
        return path.startsWith("/v1/messages") ? ApiFormat.ANTHROPIC : ApiFormat.OPENAI;
    }

    private static String endpointLabel(String path) {
        return switch (path) {
            case "/v1/chat/completions", "/v1/messages", "/v1/models", "/health", "/metrics" -> path;
            default -> "other";
        };
    }
}
