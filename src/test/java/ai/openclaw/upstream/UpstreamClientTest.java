package ai.openclaw.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.config.SecretInput;
import ai.openclaw.core.Secret;
import ai.openclaw.providers.ApiKind;
import ai.openclaw.providers.ProviderEndpoint;
import ai.openclaw.routing.CredentialCandidate;
import ai.openclaw.routing.CredentialSource;
import ai.openclaw.routing.UpstreamFailure;
import ai.openclaw.secrets.Resolution;
import ai.openclaw.testing.AnthropicFixtures;
import ai.openclaw.testing.FakeUpstream;
import ai.openclaw.testing.OpenAiFixtures;
import ai.openclaw.testing.RecordedRequest;
import ai.openclaw.testing.Responders;
import ai.openclaw.testing.SseEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class UpstreamClientTest {
    private static final byte[] BODY = "{\"model\":\"m\",\"messages\":[]}".getBytes(StandardCharsets.UTF_8);
    private static final String CHAT = "/v1/chat/completions";

    private FakeUpstream upstream;
    private UpstreamClient client;
    private final UpstreamRequestFactory factory = new UpstreamRequestFactory(
            ref -> new Resolution.Failed(ref, "no refs in this test"));

    @BeforeEach
    void start() {
        upstream = FakeUpstream.start();
        client = new UpstreamClient(UpstreamClientSettings.DEFAULTS.withConnectTimeout(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        client.close();
        upstream.close();
    }

    private ProviderEndpoint openai(Duration timeout) {
        return new ProviderEndpoint("fake", upstream.baseUrl("/v1"), ApiKind.OPENAI_COMPLETIONS,
                Map.<String, SecretInput>of(), false, timeout, false);
    }

    private ProviderEndpoint anthropic() {
        return new ProviderEndpoint("fake-anthropic", upstream.baseUrl(), ApiKind.ANTHROPIC_MESSAGES,
                Map.<String, SecretInput>of(), false, Duration.ofSeconds(10), false);
    }

    private static CredentialCandidate key(String k) {
        return new CredentialCandidate(new CredentialSource.EnvKey("FAKE_API_KEY"), Secret.of(k));
    }

    private UpstreamRequest request(boolean stream) {
        return factory.build(openai(Duration.ofSeconds(10)), key("sk-fake-key-0001"), BODY, stream);
    }

    @Test
    void json_roundTrip_sendsHeadersAndBody() throws Exception {
        upstream.onPost(CHAT, Responders.json(OpenAiFixtures.chatCompletion("gpt-x", "Hello there")));
        try (UpstreamResponse response = client.send(request(false))) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headers().first("content-type")).contains("application/json");
            assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).contains("Hello there");
        }
        RecordedRequest seen = upstream.lastRequest();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.path()).isEqualTo(CHAT);
        assertThat(seen.body()).isEqualTo(BODY);
        assertThat(seen.credential()).contains("sk-fake-key-0001");
        assertThat(seen.headers().all("content-type")).containsExactly("application/json");
        assertThat(seen.headers().first("accept-encoding")).contains("identity");
        assertThat(seen.headers().first("user-agent")).contains("openclaw-java");
        assertThat(seen.headers().first("content-length")).contains(String.valueOf(BODY.length));
    }

    @Test
    void anthropic_routedByCredential() throws Exception {
        upstream.onPost("/v1/messages", Responders.unauthorized(AnthropicFixtures.authenticationError()));
        upstream.onPost("/v1/messages", "sk-ant-api03-good",
                Responders.json(AnthropicFixtures.message("claude-x", "Hi")));
        UpstreamRequest good = factory.build(anthropic(), key("sk-ant-api03-good"), BODY, false);
        UpstreamRequest bad = factory.build(anthropic(), key("sk-ant-api03-bad"), BODY, false);
        try (UpstreamResponse r = client.send(good)) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.readBody(1 << 20), StandardCharsets.UTF_8)).contains("\"text\":\"Hi\"");
        }
        try (UpstreamResponse r = client.send(bad)) {
            assertThat(r.status()).isEqualTo(401);
            UpstreamFailure f = new UpstreamErrors(Clock.systemUTC()).toFailure(r.status(), r.headers(),
                    r.readBody(64 * 1024));
            assertThat(f.code()).isEqualTo("authentication_error");
        }
        assertThat(upstream.requests()).extracting(q -> q.header("x-api-key").orElseThrow())
                .containsExactly("sk-ant-api03-good", "sk-ant-api03-bad");
        assertThat(upstream.requests()).allSatisfy(q ->
                assertThat(q.header("anthropic-version")).contains("2023-06-01"));
    }

    @Test
    void errorResponses_passThroughWithHeaders() throws Exception {
        upstream.onPost(CHAT, Responders.sequence(
                Responders.rateLimited(OpenAiFixtures.rateLimitError(), "7"),
                Responders.rateLimited(OpenAiFixtures.rateLimitError(), null),
                Responders.paymentRequired(OpenAiFixtures.quotaError()),
                Responders.serverError(503, OpenAiFixtures.serverError()),
                Responders.serverError(529, AnthropicFixtures.overloadedError())));
        UpstreamErrors errors = new UpstreamErrors(Clock.systemUTC());
        List<UpstreamFailure> failures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            try (UpstreamResponse r = client.send(request(false))) {
                failures.add(errors.toFailure(r.status(), r.headers(), r.readBody(65536)));
            }
        }
        assertThat(failures).extracting(UpstreamFailure::status).containsExactly(429, 429, 402, 503, 529);
        assertThat(failures.get(0).retryAfterMs()).isEqualTo(7000L);
        assertThat(failures.get(1).retryAfterMs()).isNull();
        assertThat(failures.get(2).code()).isEqualTo("insufficient_quota");
        assertThat(failures.get(4).code()).isEqualTo("overloaded_error");
        assertThat(upstream.connectionsAccepted()).as("error responses keep the connection reusable").isEqualTo(1);
    }

    @Test
    void streaming_arrivesIncrementally() throws Exception {
        CountDownLatch firstRead = new CountDownLatch(1);
        List<SseEvent> events = OpenAiFixtures.textStream("gpt-x", "Hel", "lo");
        upstream.onPost(CHAT, ex -> {
            var sse = ex.startSse(200);
            sse.event(events.get(0));
            if (!firstRead.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("client never read the first event");
            }
            for (SseEvent e : events.subList(1, events.size())) {
                sse.event(e);
            }
            sse.end();
        });
        try (UpstreamResponse response = client.send(request(true))) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headers().first("content-type")).contains("text/event-stream");
            BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            String first = reader.readLine();
            assertThat(first).startsWith("data: ").contains("\"role\":\"assistant\"");
            assertThat(reader.readLine()).isEmpty();
            firstRead.countDown();
            List<String> rest = reader.lines().filter(l -> l.startsWith("data: ")).toList();
            assertThat(rest).hasSize(events.size() - 1).last().isEqualTo("data: [DONE]");
        }
        assertThat(upstream.lastRequest().header("accept")).contains("text/event-stream");
    }

    @Test
    void streamWithDelays_eachEventFlushedSeparately() throws Exception {
        upstream.onPost(CHAT, Responders.sse(AnthropicFixtures.textStream("c", "a", "b"), Duration.ofMillis(40)));
        try (UpstreamResponse response = client.send(request(true))) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            List<Long> arrivals = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("event: ")) {
                    arrivals.add(System.nanoTime());
                }
            }
            assertThat(arrivals).hasSize(AnthropicFixtures.textStream("c", "a", "b").size());
            long spreadMs = TimeUnit.NANOSECONDS.toMillis(arrivals.getLast() - arrivals.getFirst());
            assertThat(spreadMs).as("events arrive over time, not in one batch").isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void responseTimeout_beforeHeaders_isTimeout() {
        upstream.onPost(CHAT, Responders.delayed(Duration.ofSeconds(5), Responders.json("{}")));
        UpstreamRequest r = factory.build(openai(Duration.ofMillis(300)), key("sk-fake-key-0001"), BODY, false);
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.send(r))
                .isInstanceOfSatisfying(UpstreamTransportException.class, e -> {
                    assertThat(e.failure().status()).isZero();
                    assertThat(e.failure().transport()).isEqualTo("timeout");
                    assertThat(e.failure().message()).contains("did not respond within 300 ms");
                    assertThat(e.aborted()).isFalse();
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void stalledStream_isTimeout() throws Exception {
        upstream.onPost(CHAT, Responders.hangAfterEvents(OpenAiFixtures.textStream("m", "x").subList(0, 1)));
        UpstreamRequest r = factory.build(openai(Duration.ofMillis(300)), key("sk-fake-key-0001"), BODY, true);
        try (UpstreamResponse response = client.send(r)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            assertThat(reader.readLine()).startsWith("data: ");
            assertThatThrownBy(() -> {
                while (reader.readLine() != null) {
                    // drain until the stall is detected
                }
            }).isInstanceOfSatisfying(UpstreamTransportException.class,
                    e -> assertThat(e.failure().transport()).isEqualTo("timeout"));
        }
    }

    @Test
    void connectRefused_isConnect() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProviderEndpoint dead = new ProviderEndpoint("dead", "http://127.0.0.1:" + port + "/v1",
                ApiKind.OPENAI_COMPLETIONS, Map.of(), false, Duration.ofSeconds(5), false);
        assertThatThrownBy(() -> client.send(factory.build(dead, key("sk-fake-key-0001"), BODY, false)))
                .isInstanceOfSatisfying(UpstreamTransportException.class, e -> {
                    assertThat(e.failure().transport()).isEqualTo("connect");
                    assertThat(e.failure().message()).contains("127.0.0.1:" + port);
                });
    }

    @Test
    void closedWithoutResponse_isReset() {
        upstream.onPost(CHAT, Responders.closeWithoutResponse());
        assertThatThrownBy(() -> client.send(request(false)))
                .isInstanceOfSatisfying(UpstreamTransportException.class,
                        e -> assertThat(e.failure().transport()).isEqualTo("reset"));
    }

    @Test
    void brokenSse_failsTheBodyReadWithReset() throws Exception {
        upstream.onPost(CHAT, Responders.brokenSse(OpenAiFixtures.textStream("m", "a", "b", "c"), 2));
        try (UpstreamResponse response = client.send(request(true))) {
            assertThat(response.status()).isEqualTo(200);
            assertThatThrownBy(() -> response.body().readAllBytes())
                    .isInstanceOfSatisfying(UpstreamTransportException.class, e -> {
                        assertThat(e.failure().transport()).isEqualTo("reset");
                        assertThat(e.aborted()).isFalse();
                    });
        }
    }

    @Test
    void malformedSse_isDeliveredAsIs() throws Exception {
        upstream.onPost(CHAT, Responders.malformedSse(OpenAiFixtures.textStream("m", "a").subList(0, 1),
                "{\"choices\":[{\"delta\":"));
        try (UpstreamResponse response = client.send(request(true))) {
            String all = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(all).contains("data: {\"choices\":[{\"delta\":\n\n");
        }
    }

    @Test
    void abortWhileWaitingForHeaders_cancelsQuickly_andUpstreamSeesTheClose() throws Exception {
        upstream.onPost(CHAT, Responders.hangUntilAborted());
        UpstreamCall call = client.newCall(request(false));
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                call.execute().close();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        upstream.awaitRequests(1, Duration.ofSeconds(5));
        long start = System.nanoTime();
        call.abort();
        Throwable t = outcome.get(2, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(t).isInstanceOfSatisfying(UpstreamTransportException.class, e -> {
            assertThat(e.aborted()).isTrue();
            assertThat(e.failure().status()).isZero();
        });
        assertThat(call.isAborted()).isTrue();
        assertThat(upstream.awaitCancellation(Duration.ofSeconds(2)).path()).isEqualTo(CHAT);
    }

    @Test
    void abortMidStream_fromAnotherThread_cancelsTheRead() throws Exception {
        upstream.onPost(CHAT, Responders.hangAfterEvents(OpenAiFixtures.textStream("m", "a").subList(0, 2)));
        UpstreamCall call = client.newCall(request(true));
        try (UpstreamResponse response = call.execute()) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            assertThat(reader.readLine()).startsWith("data: ");
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ignored) {
                    return;
                }
                call.abort();
            });
            long start = System.nanoTime();
            assertThatThrownBy(() -> {
                while (reader.readLine() != null) {
                    // blocks until aborted
                }
            }).isInstanceOfSatisfying(UpstreamTransportException.class, e -> assertThat(e.aborted()).isTrue());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
        upstream.awaitCancellation(Duration.ofSeconds(2));
    }

    @Test
    void closingAHalfReadStream_isImmediate_andClosesTheConnection() throws Exception {
        upstream.onPost(CHAT, Responders.hangAfterEvents(OpenAiFixtures.textStream("m", "a").subList(0, 1)));
        UpstreamResponse response = client.send(request(true));
        assertThat(response.body().read()).isEqualTo('d');
        long start = System.nanoTime();
        response.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        upstream.awaitCancellation(Duration.ofSeconds(2));
        assertThat(client.poolSnapshot().leased()).isZero();
    }

    @Test
    void poolExhausted_isTimeout_andAbortWhileWaitingForAConnectionWorks() throws Exception {
        try (UpstreamClient small = new UpstreamClient(UpstreamClientSettings.DEFAULTS.withPool(1, 1,
                Duration.ofMillis(200)))) {
            upstream.onPost(CHAT, Responders.hangUntilAborted());
            UpstreamCall holder = small.newCall(request(false));
            Thread.ofVirtual().start(() -> {
                try {
                    holder.execute().close();
                } catch (UpstreamTransportException ignored) {
                    // aborted below
                }
            });
            upstream.awaitRequests(1, Duration.ofSeconds(5));
            assertThatThrownBy(() -> small.send(request(false)))
                    .isInstanceOfSatisfying(UpstreamTransportException.class, e -> {
                        assertThat(e.failure().transport()).isEqualTo("timeout");
                        assertThat(e.failure().message()).contains("pool");
                    });
            holder.abort();
            upstream.awaitCancellation(Duration.ofSeconds(2));
        }
        try (UpstreamClient small = new UpstreamClient(UpstreamClientSettings.DEFAULTS.withPool(1, 1,
                Duration.ofSeconds(20)))) {
            UpstreamCall holder = small.newCall(request(false));
            Thread.ofVirtual().start(() -> {
                try {
                    holder.execute().close();
                } catch (UpstreamTransportException ignored) {
                    // aborted below
                }
            });
            upstream.awaitRequests(2, Duration.ofSeconds(5));
            UpstreamCall waiting = small.newCall(request(false));
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    waiting.execute().close();
                    outcome.complete(null);
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            });
            Thread.sleep(100);
            waiting.abort();
            assertThat(outcome.get(2, TimeUnit.SECONDS)).isInstanceOfSatisfying(UpstreamTransportException.class,
                    e -> assertThat(e.aborted()).isTrue());
            holder.abort();
        }
    }

    @Test
    void abortBeforeExecute_failsAtOnce_withoutSending() {
        UpstreamCall call = client.newCall(request(false));
        call.abort();
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(UpstreamTransportException.class,
                e -> assertThat(e.aborted()).isTrue());
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void connectionsAreReused_whenBodiesAreReadToTheEnd() throws Exception {
        upstream.onPost(CHAT, Responders.sequence(
                Responders.json(OpenAiFixtures.chatCompletion("m", "one")),
                Responders.sse(OpenAiFixtures.textStream("m", "two")),
                Responders.json(OpenAiFixtures.chatCompletion("m", "three"))));
        for (int i = 0; i < 3; i++) {
            try (UpstreamResponse r = client.send(request(i == 1))) {
                r.body().readAllBytes();
            }
        }
        assertThat(upstream.requests()).extracting(RecordedRequest::connectionId).containsOnly(1);
        assertThat(upstream.connectionsAccepted()).isEqualTo(1);
        assertThat(client.poolSnapshot().available()).isEqualTo(1);
    }

    @Test
    void sixtyFourConcurrentRequests_runInParallel() throws Exception {
        int n = 64;
        CountDownLatch allArrived = new CountDownLatch(n);
        upstream.onPost(CHAT, ex -> {
            allArrived.countDown();
            if (!allArrived.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("requests were serialised: only " + (n - allArrived.getCount()) + " arrived");
            }
            ex.json(200, OpenAiFixtures.chatCompletion("m", "ok"));
        });
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    try (UpstreamResponse r = client.send(request(false))) {
                        r.body().readAllBytes();
                        return r.status();
                    }
                }));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get(20, TimeUnit.SECONDS)).isEqualTo(200);
            }
        }
        assertThat(upstream.connectionsAccepted()).isEqualTo(n);
    }

    @Test
    void noRedirectsFollowed_andContentEncodingPassedThrough() throws Exception {
        byte[] gz = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        upstream.onPost(CHAT, Responders.sequence(
                Responders.status(307, "location", upstream.baseUrl("/elsewhere")),
                ex -> ex.respond(200, "application/json", gz, "content-encoding", "gzip")));
        try (UpstreamResponse r = client.send(request(false))) {
            assertThat(r.status()).isEqualTo(307);
            r.body().readAllBytes();
        }
        try (UpstreamResponse r = client.send(request(false))) {
            assertThat(r.headers().first("content-encoding")).contains("gzip");
            assertThat(r.body().readAllBytes()).isEqualTo(gz);
        }
        assertThat(upstream.requests()).extracting(RecordedRequest::path).containsExactly(CHAT, CHAT);
    }

    @Test
    void secretsNeverAppearInFailureMessages() {
        ProviderEndpoint e = new ProviderEndpoint("dead", "http://127.0.0.1:1/v1?key=AIzaSyA1234567890abcdefghijk",
                ApiKind.OPENAI_COMPLETIONS, Map.of(), false, Duration.ofSeconds(2), false);
        UpstreamRequest r = new UpstreamRequest("POST",
                java.net.URI.create("http://127.0.0.1:1/v1/chat/completions?key=AIzaSyA1234567890abcdefghijk"),
                UpstreamHeaders.of("authorization", "Bearer sk-fake-key-0001"), BODY, false, e.timeout());
        assertThatThrownBy(() -> client.send(r)).isInstanceOfSatisfying(UpstreamTransportException.class, ex -> {
            assertThat(ex.getMessage()).doesNotContain("AIzaSyA1234567890").doesNotContain("sk-fake-key-0001");
            assertThat(String.valueOf(ex.getCause())).doesNotContain("AIzaSyA1234567890");
        });
        assertThat(r.toString()).doesNotContain("AIzaSyA1234567890").doesNotContain("sk-fake-key-0001");
    }

    @Test
    void closedClient_failsCalls() throws IOException {
        client.close();
        assertThatThrownBy(() -> client.send(request(false))).isInstanceOfAny(UpstreamTransportException.class,
                IllegalStateException.class);
    }
}
