package ai.openclaw.gateway;

import ai.openclaw.json.Json;
import ai.openclaw.providers.ApiKind;
import ai.openclaw.translate.AnthropicToOpenAiStream;
import ai.openclaw.translate.ErrorBodies;
import ai.openclaw.translate.OpenAiToAnthropicStream;
import ai.openclaw.translate.ResponseTranslator;
import ai.openclaw.translate.SseEvent;
import ai.openclaw.translate.SseParser;
import ai.openclaw.translate.SseWriter;
import ai.openclaw.translate.StreamTranslator;
import ai.openclaw.translate.UpstreamFormatException;
import ai.openclaw.upstream.UpstreamResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Sends a served upstream answer to the client. Same format in and out is passed through untouched (streams chunk by
 * chunk as they arrive); otherwise responses and stream events are translated one by one. Once bytes have reached
 * the client nothing can be rerouted: an upstream failure becomes an error event in the client's format. A client
 * that goes away aborts the upstream request.
 */
final class Relay {
    private final ClientChannel ex;
    private final ApiFormat client;
    private final ModelCallService.Served served;
    private final String clientModel;
    private final long created;
    private final JsonNode request;

    Relay(ClientChannel ex, ApiFormat client, ModelCallService.Served served, String clientModel, long created,
          JsonNode request) {
        this.ex = ex;
        this.client = client;
        this.served = served;
        this.clientModel = clientModel;
        this.created = created;
        this.request = request;
    }

    void run() throws IOException {
        boolean sameFormat = (served.api() == ApiKind.OPENAI_COMPLETIONS) == (client == ApiFormat.OPENAI);
        boolean stream = request.path("stream").asBoolean(false);
        try (var response = served.response()) {
            if (!stream) {
                body(sameFormat);
            } else if (sameFormat) {
                passThroughStream();
            } else {
                translatedStream();
            }
        }
    }

    private void body(boolean sameFormat) throws IOException {
        byte[] bytes;
        try (InputStream in = served.response().body()) {
            bytes = Bodies.readUpTo(in, Integer.MAX_VALUE,
                    Bodies.length(served.response().headers().first("content-length").orElse(null)));
        } catch (IOException e) {
            ex.sendJson(502, client.errorBody(502, "upstream_error", "The upstream response broke off before it was "
                    + "complete (" + e.getClass().getSimpleName() + ")."));
            return;
        }
        if (sameFormat) {
            String type = served.response().headers().first("content-type").orElse("application/json");
            ex.sendBytes(200, type, bytes);
            return;
        }
        JsonNode upstream;
        try {
            upstream = Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            ex.sendJson(502, client.errorBody(502, "upstream_error", "The upstream answered with invalid JSON."));
            return;
        }
        JsonNode translated;
        try {
            translated = client == ApiFormat.OPENAI
                    ? ResponseTranslator.toOpenAiResponse(upstream, clientModel, created)
                    : ResponseTranslator.toAnthropicResponse(upstream, clientModel);
        } catch (UpstreamFormatException e) {
            ex.sendJson(502, client.errorBody(502, "upstream_error", "The upstream answer could not be translated: "
                    + e.getMessage()));
            return;
        }
        ex.sendJson(200, translated);
    }

    /**
     * Copies upstream bytes as they arrive. Bytes that have already arrived together (several events in the
     * connection's buffer) go out in one write; nothing waits for bytes that have not arrived, so no event is held
     * back. When the upstream's end has arrived with the last bytes, they and the end of the response go out
     * together.
     */
    private void passThroughStream() throws IOException {
        ex.startStream(200, "text/event-stream");
        byte[] buf = new byte[8192];
        UpstreamResponse response = served.response();
        try (InputStream in = response.body()) {
            while (true) {
                int n;
                boolean ended = false;
                try {
                    n = in.read(buf);
                    if (n < 0) {
                        break;
                    }
                    while (n < buf.length) {
                        if (in.available() > 0) {
                            int m = in.read(buf, n, buf.length - n);
                            if (m < 0) {
                                ended = true;
                                break;
                            }
                            n += m;
                        } else {
                            ended = response.bodyEnded();
                            break;
                        }
                    }
                } catch (IOException e) {
                    writeClient(errorEvent("The upstream stream broke off (" + e.getClass().getSimpleName() + ")."));
                    break;
                }
                if (ended) {
                    endClient(java.util.Arrays.copyOf(buf, n));
                    return;
                }
                writeClient(java.util.Arrays.copyOf(buf, n));
            }
        }
        ex.endStream();
    }

    /**
     * Translates event by event. The translations of events that arrived together go out in one write; before the
     * parser would wait for the next event, everything translated so far is sent, so no event is held back.
     */
    private void translatedStream() throws IOException {
        StreamTranslator translator = client == ApiFormat.OPENAI
                ? new AnthropicToOpenAiStream(clientModel, created,
                AnthropicToOpenAiStream.includeUsageRequested(request))
                : new OpenAiToAnthropicStream(clientModel);
        ex.startStream(200, "text/event-stream");
        ByteArrayOutputStream pending = new ByteArrayOutputStream(8192);
        try (InputStream in = served.response().body()) {
            SseParser parser = new SseParser(in);
            while (!translator.isComplete()) {
                java.util.Optional<SseEvent> next;
                try {
                    next = parser.poll();
                    if (next == null) {
                        flush(pending);
                        next = parser.next();
                    }
                } catch (UpstreamFormatException e) {
                    pending.writeBytes(errorEvent(e.getMessage()));
                    break;
                } catch (IOException e) {
                    if (!translator.isComplete()) {
                        pending.writeBytes(errorEvent("The upstream stream broke off (" + e.getClass().getSimpleName()
                                + ")."));
                    }
                    break;
                }
                try {
                    append(pending, next.isEmpty() ? translator.onUpstreamEnd() : translator.onEvent(next.get()));
                } catch (UpstreamFormatException e) {
                    pending.writeBytes(errorEvent(e.getMessage()));
                    break;
                }
                if (next.isEmpty()) {
                    break;
                }
            }
        }
        if (pending.size() > 0) {
            endClient(pending.toByteArray());
        } else {
            ex.endStream();
        }
    }

    private static void append(ByteArrayOutputStream pending, List<SseEvent> events) {
        for (SseEvent e : events) {
            pending.writeBytes(SseWriter.bytes(e));
        }
    }

    private void flush(ByteArrayOutputStream pending) throws IOException {
        if (pending.size() > 0) {
            writeClient(pending.toByteArray());
            pending.reset();
        }
    }

    private byte[] errorEvent(String message) {
        SseEvent e = client == ApiFormat.OPENAI ? ErrorBodies.openAiStreamError(502, "upstream_error", message)
                : ErrorBodies.anthropicStreamError("api_error", message);
        return SseWriter.bytes(e);
    }

    private void endClient(byte[] bytes) throws IOException {
        try {
            ex.endStream(bytes);
        } catch (IOException e) {
            served.call().abort();
            throw e;
        }
    }

    /** A write that fails means the client left: cancel the upstream call and stop. */
    private void writeClient(byte[] bytes) throws IOException {
        try {
            ex.write(bytes);
        } catch (IOException e) {
            served.call().abort();
            throw e;
        }
    }
}
