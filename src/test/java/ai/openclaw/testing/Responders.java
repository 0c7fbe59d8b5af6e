package ai.openclaw.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Ready-made {@link Responder}s for {@link FakeUpstream}. Error bodies come from {@link OpenAiFixtures} / {@link AnthropicFixtures}. */
public final class Responders {
    /** How long the hanging responders wait for the client to give up before they give up themselves. */
    public static final Duration HANG_LIMIT = Duration.ofSeconds(60);

    private Responders() {}

    /** 200 with a JSON body. */
    public static Responder json(String body) {
        return json(200, body);
    }

    /** {@code status} with a JSON body; {@code headers} alternate names and values. */
    public static Responder json(int status, String body, String... headers) {
        return ex -> ex.json(status, body, headers);
    }

    /** {@code status} with a {@code text/plain} body (e.g. a proxy's error page). */
    public static Responder text(int status, String body, String... headers) {
        return ex -> ex.respond(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** {@code status} with an empty body. */
    public static Responder status(int status, String... headers) {
        return ex -> ex.respond(status, null, new byte[0], headers);
    }

    /** 429 with the body, and {@code retry-after: <retryAfter>} unless it is null. */
    public static Responder rateLimited(String body, String retryAfter) {
        return retryAfter == null ? json(429, body) : json(429, body, "retry-after", retryAfter);
    }

    public static Responder unauthorized(String body) {
        return json(401, body);
    }

    public static Responder paymentRequired(String body) {
        return json(402, body);
    }

    /** 500, 502, 503, 529... with the body. */
    public static Responder serverError(int status, String body) {
        return json(status, body);
    }

    /** 200 SSE: every event written and flushed at once, then the end of the stream. */
    public static Responder sse(List<SseEvent> events) {
        return sse(events, Duration.ZERO);
    }

    /** 200 SSE with {@code gap} between events. */
    public static Responder sse(List<SseEvent> events, Duration gap) {
        List<SseEvent> copy = List.copyOf(events);
        return ex -> ex.sse(copy, gap);
    }

    /** Waits {@code delay} before sending anything (a slow upstream), then answers with {@code then}. */
    public static Responder delayed(Duration delay, Responder then) {
        return ex -> {
            ex.sleep(delay);
            then.respond(ex);
        };
    }

    /** 200 SSE that sends the first {@code sendBeforeCut} events and then resets the connection mid-stream. */
    public static Responder brokenSse(List<SseEvent> events, int sendBeforeCut) {
        List<SseEvent> copy = List.copyOf(events);
        return ex -> {
            FakeExchange.SseStream s = ex.startSse(200);
            for (int i = 0; i < Math.min(sendBeforeCut, copy.size()); i++) {
                s.event(copy.get(i));
            }
            ex.dropConnection();
        };
    }

    /** 200 SSE: the good events, then one event whose data is not valid JSON, then a normal end. */
    public static Responder malformedSse(List<SseEvent> before, String badData) {
        List<SseEvent> copy = List.copyOf(before);
        return ex -> {
            FakeExchange.SseStream s = ex.startSse(200);
            for (SseEvent e : copy) {
                s.event(e);
            }
            s.data(badData);
            s.end();
        };
    }

    /** Reads the request and closes the connection without any response. */
    public static Responder closeWithoutResponse() {
        return FakeExchange::closeConnection;
    }

    /**
     * Sends nothing and waits until the client hangs up (recorded in {@link FakeUpstream#cancellations()}), for
     * {@link #HANG_LIMIT} at most; then closes the connection.
     */
    public static Responder hangUntilAborted() {
        return ex -> {
            if (!ex.awaitClientClose(HANG_LIMIT)) {
                ex.closeConnection();
            }
        };
    }

    /** Like {@link #hangUntilAborted()}, but after sending a 200 SSE head and {@code events}. */
    public static Responder hangAfterEvents(List<SseEvent> events) {
        List<SseEvent> copy = List.copyOf(events);
        return ex -> {
            FakeExchange.SseStream s = ex.startSse(200);
            for (SseEvent e : copy) {
                s.event(e);
            }
            if (!ex.awaitClientClose(HANG_LIMIT)) {
                ex.closeConnection();
            }
        };
    }

    /** The first call gets the first responder, the second the second, ...; the last one repeats. */
    public static Responder sequence(Responder... responders) {
        if (responders.length == 0) {
            throw new IllegalArgumentException("no responders");
        }
        List<Responder> list = List.of(responders);
        AtomicInteger next = new AtomicInteger();
        return ex -> list.get(Math.min(next.getAndIncrement(), list.size() - 1)).respond(ex);
    }
}
