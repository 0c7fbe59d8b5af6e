package ai.openclaw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.config.SecretInput;
import ai.openclaw.core.Secret;
import ai.openclaw.json.Json;
import ai.openclaw.providers.ApiKind;
import ai.openclaw.providers.ProviderEndpoint;
import ai.openclaw.routing.CredentialCandidate;
import ai.openclaw.routing.CredentialSource;
import ai.openclaw.secrets.Resolution;
import ai.openclaw.testing.AnthropicFixtures;
import ai.openclaw.testing.FakeUpstream;
import ai.openclaw.testing.OpenAiFixtures;
import ai.openclaw.testing.Responder;
import ai.openclaw.testing.SseEvent;
import ai.openclaw.translate.AnthropicToOpenAiStream;
import ai.openclaw.translate.SseWriter;
import ai.openclaw.translate.StreamTranslator;
import ai.openclaw.upstream.UpstreamCall;
import ai.openclaw.upstream.UpstreamClient;
import ai.openclaw.upstream.UpstreamRequestFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How a same-format stream reaches the client: through a real upstream connection, write by write. */
@Timeout(30)
class RelayStreamTest {
    private final FakeUpstream upstream = FakeUpstream.start();
    private final UpstreamClient client = new UpstreamClient();

    @AfterEach
    void stop() {
        client.close();
        upstream.close();
    }

    /** Records every write the relay makes to its client. */
    private static final class RecordingChannel implements ClientChannel {
        final BlockingQueue<String> writes = new LinkedBlockingQueue<>();
        final CountDownLatch ended = new CountDownLatch(1);
        volatile String sentWithTheEnd;

        @Override public String header(String name) { return null; }
        @Override public List<Map.Entry<String, String>> headers() { return List.of(); }
        @Override public byte[] body() { return new byte[0]; }
        @Override public void setHeader(String name, String value) { }
        @Override public void sendJson(int status, tools.jackson.databind.JsonNode body) { throw new AssertionError(); }
        @Override public void sendBytes(int status, String type, byte[] body) { throw new AssertionError(); }
        @Override public void startStream(int status, String contentType) { }
        @Override public void write(byte[] bytes) { writes.add(new String(bytes, StandardCharsets.UTF_8)); }
        @Override public void endStream() { ended.countDown(); }
        @Override public void endStream(byte[] last) {
            sentWithTheEnd = new String(last, StandardCharsets.UTF_8);
            ended.countDown();
        }
        @Override public int status() { return 200; }
        @Override public Watch watchDisconnect(DisconnectWatch.Poller poller, Runnable abort) { return Watch.NONE; }
    }

    @Test
    void eventsThatArriveTogether_goOutInOneWrite_andNothingWaitsForEventsStillToCome_andTheLastGoWithTheEnd()
            throws Exception {
        List<SseEvent> events = OpenAiFixtures.textStream("m", "a", "b", "c", "d", "e");
        List<SseEvent> first = events.subList(0, 4);
        List<SseEvent> rest = events.subList(4, events.size());
        CountDownLatch firstWriteSeen = new CountDownLatch(1);
        upstream.onPost("/v1/chat/completions", burstThenHold(first, firstWriteSeen, rest));
        ProviderEndpoint endpoint = new ProviderEndpoint("fake", upstream.baseUrl("/v1"), ApiKind.OPENAI_COMPLETIONS,
                Map.<String, SecretInput>of(), false, Duration.ofSeconds(10), false);
        RecordingChannel channel = new RecordingChannel();
        CompletableFuture<Void> running = relay(endpoint, ApiKind.OPENAI_COMPLETIONS, channel);

        String firstWrite = channel.writes.poll(10, TimeUnit.SECONDS);
        assertThat(firstWrite).as("the first burst, while the upstream holds the rest back")
                .isEqualTo(encode(first));
        firstWriteSeen.countDown();
        running.get(10, TimeUnit.SECONDS);
        assertThat(channel.ended.getCount()).isZero();
        assertThat(channel.writes).as("nothing but the first burst was written on its own").isEmpty();
        assertThat(channel.sentWithTheEnd).as("the rest arrived with the upstream's end").isEqualTo(encode(rest));
        assertThat(client.poolSnapshot().available()).as("the upstream connection went back to the pool").isEqualTo(1);
    }

    @Test
    void translatedEventsThatArriveTogether_goOutInOneWrite_andTheLastGoWithTheEnd() throws Exception {
        List<SseEvent> events = AnthropicFixtures.textStream("claude-x", "a", "b", "c", "d");
        List<SseEvent> first = events.subList(0, 4);
        List<SseEvent> rest = events.subList(4, events.size());
        CountDownLatch firstWriteSeen = new CountDownLatch(1);
        upstream.onPost("/v1/messages", burstThenHold(first, firstWriteSeen, rest));
        ProviderEndpoint endpoint = new ProviderEndpoint("fake-anthropic", upstream.baseUrl(),
                ApiKind.ANTHROPIC_MESSAGES, Map.<String, SecretInput>of(), false, Duration.ofSeconds(10), false);
        RecordingChannel channel = new RecordingChannel();
        CompletableFuture<Void> running = relay(endpoint, ApiKind.ANTHROPIC_MESSAGES, channel);

        String firstWrite = channel.writes.poll(10, TimeUnit.SECONDS);
        assertThat(firstWrite).as("the first burst, translated, while the upstream holds the rest back")
                .isEqualTo(translated(first, new AnthropicToOpenAiStream("m", 0, false), false));
        firstWriteSeen.countDown();
        running.get(10, TimeUnit.SECONDS);
        assertThat(channel.writes).isEmpty();
        AnthropicToOpenAiStream whole = new AnthropicToOpenAiStream("m", 0, false);
        translated(first, whole, false);
        assertThat(channel.sentWithTheEnd).isEqualTo(translated(rest, whole, true)).contains("data: [DONE]");
    }

    /**
     * Sends {@code first} in one write, holds the rest back until {@code release}, then sends it and the end of the
     * body in one write.
     */
    private static Responder burstThenHold(List<SseEvent> first, CountDownLatch release, List<SseEvent> rest) {
        return ex -> {
            var sse = ex.startSse(200);
            sse.burst(first);
            if (!release.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the first events were never relayed");
            }
            sse.endWith(rest);
        };
    }

    private CompletableFuture<Void> relay(ProviderEndpoint endpoint, ApiKind api, RecordingChannel channel)
            throws Exception {
        UpstreamCall call = client.newCall(new UpstreamRequestFactory(ref -> new Resolution.Failed(ref, "none"))
                .build(endpoint, new CredentialCandidate(new CredentialSource.EnvKey("K"), Secret.of("sk-fake-1")),
                        "{}".getBytes(StandardCharsets.UTF_8), true));
        var served = new ModelCallService.Served(call, call.execute(), api);
        Relay relay = new Relay(channel, ApiFormat.OPENAI, served, "m", 0, Json.MAPPER.readTree("{\"stream\":true}"));
        return CompletableFuture.runAsync(() -> {
            try {
                relay.run();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }

    /** What the translator makes of {@code events} (the test fixtures' events, as the upstream sent them). */
    private static String translated(List<SseEvent> events, StreamTranslator translator, boolean end) {
        StringBuilder out = new StringBuilder();
        for (SseEvent e : events) {
            translator.onEvent(new ai.openclaw.translate.SseEvent(e.event(), e.data()))
                    .forEach(t -> out.append(new String(SseWriter.bytes(t), StandardCharsets.UTF_8)));
        }
        if (end && !translator.isComplete()) {
            translator.onUpstreamEnd().forEach(t -> out.append(new String(SseWriter.bytes(t), StandardCharsets.UTF_8)));
        }
        return out.toString();
    }

    private static String encode(List<SseEvent> events) {
        StringBuilder out = new StringBuilder();
        events.forEach(e -> out.append(e.encode()));
        return out.toString();
    }
}
