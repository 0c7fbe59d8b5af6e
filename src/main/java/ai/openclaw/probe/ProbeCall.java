package ai.openclaw.probe;

import ai.openclaw.core.Secret;
import ai.openclaw.json.Json;
import ai.openclaw.providers.ProviderEndpoint;
import ai.openclaw.routing.Attempt;
import ai.openclaw.routing.AttemptResult;
import ai.openclaw.routing.UpstreamFailure;
import ai.openclaw.upstream.Redaction;
import ai.openclaw.upstream.TransportFailures;
import ai.openclaw.upstream.UpstreamCall;
import ai.openclaw.upstream.UpstreamErrors;
import ai.openclaw.upstream.UpstreamRequest;
import ai.openclaw.upstream.UpstreamRequestException;
import ai.openclaw.upstream.UpstreamRequestFactory;
import ai.openclaw.upstream.UpstreamResponse;
import ai.openclaw.upstream.UpstreamTransport;
import ai.openclaw.upstream.UpstreamTransportException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Performs the upstream call of one probe with the gateway's upstream pieces: {@link UpstreamRequestFactory} (URL,
 * credential headers per API kind), an {@link UpstreamTransport} and {@link UpstreamErrors} (error bodies, redaction).
 *
 * <p>The timeout is hard: it is the request's read timeout, and a watchdog aborts the call when the whole exchange
 * (connect, response head, body) has not finished in time, so a server that trickles bytes cannot hold a probe.
 * A 2xx answer counts as served only when its body is a JSON object without an {@code error}.
 */
final class ProbeCall implements Function<Attempt, AttemptResult<Void>> {
    /** Probe answers are a few tokens; an error body longer than this is cut. */
    private static final int MAX_BODY = 64 * 1024;

    private final UpstreamTransport transport;
    private final UpstreamRequestFactory requests;
    private final UpstreamErrors errors;
    private final Duration timeout;
    private final int maxTokens;

    ProbeCall(UpstreamTransport transport, UpstreamRequestFactory requests, UpstreamErrors errors, Duration timeout,
              int maxTokens) {
        this.transport = transport;
        this.requests = requests;
        this.errors = errors;
        this.timeout = timeout;
        this.maxTokens = maxTokens;
    }

    @Override
    public AttemptResult<Void> apply(Attempt attempt) {
        ProviderEndpoint e = attempt.endpoint();
        ProviderEndpoint endpoint = new ProviderEndpoint(e.provider(), e.baseUrl(), e.api(), e.headers(),
                e.authHeader(), timeout, e.local());
        UpstreamRequest request;
        try {
            request = requests.build(endpoint, attempt.credential(),
                    ProbeRequestBody.of(endpoint.api(), attempt.model(), maxTokens), false);
        } catch (UpstreamRequestException ex) {
            return failed(new UpstreamFailure(0, "request_build_failed", ex.getMessage(), null, null));
        }
        List<Secret> used = attempt.credential().secret() == null ? List.of() : List.of(attempt.credential().secret());
        UpstreamCall call = transport.newCall(request);
        AtomicBoolean late = new AtomicBoolean();
        Thread watchdog = Thread.ofVirtual().name("probe-deadline").start(() -> {
            try {
                Thread.sleep(timeout);
                late.set(true);
                call.abort();
            } catch (InterruptedException done) {
                // the call finished in time
            }
        });
        try (UpstreamResponse response = call.execute()) {
            byte[] body = response.readBody(MAX_BODY);
            if (response.status() / 100 != 2) {
                return failed(errors.toFailure(response.status(), response.headers(), body, used));
            }
            JsonNode json = parse(body);
            if (json == null || !json.isObject()) {
                return failed(new UpstreamFailure(response.status(), null,
                        "The upstream answered " + response.status() + " with a body that is not a JSON object.",
                        null, null));
            }
            if (json.has("error")) {
                return failed(errors.toFailure(response.status(), response.headers(), body, used));
            }
            return new AttemptResult.Served<>(null);
        } catch (UpstreamTransportException ex) {
            return failed(late.get() ? timedOut() : ex.failure());
        } catch (IOException ex) {
            return failed(late.get() ? timedOut() : new UpstreamFailure(0, null,
                    Redaction.forMessage("reading the upstream answer failed (" + ex.getClass().getSimpleName() + ")"),
                    null, TransportFailures.RESET));
        } finally {
            watchdog.interrupt();
        }
    }

    private UpstreamFailure timedOut() {
        return new UpstreamFailure(0, null, "No complete answer within " + timeout.toMillis() + " ms.", null,
                TransportFailures.TIMEOUT);
    }

    private static AttemptResult<Void> failed(UpstreamFailure failure) {
        return new AttemptResult.Failed<>(failure);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}
