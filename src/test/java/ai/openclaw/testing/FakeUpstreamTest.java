package ai.openclaw.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake itself, driven by the JDK client (so it is not only tested through our own client). */
@Timeout(20)
class FakeUpstreamTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void unscriptedPath_is404_withAnOpenAiStyleError() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(upstream.baseUrl("/nope?x=1")))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("\"error\"").contains("POST /nope");
            assertThat(upstream.lastRequest().query()).isEqualTo("x=1");
        }
    }

    @Test
    void credentialSpecificResponder_winsOverPathWide() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start()) {
            upstream.onPost("/v1/chat/completions", Responders.json("{\"who\":\"any\"}"));
            upstream.onPost("/v1/chat/completions", "k2", Responders.json("{\"who\":\"k2\"}"));
            assertThat(post(upstream, "authorization", "Bearer k1")).contains("any");
            assertThat(post(upstream, "authorization", "Bearer k2")).contains("k2");
            assertThat(post(upstream, "x-api-key", "k2")).contains("k2");
            assertThat(upstream.requests()).extracting(q -> q.credential().orElse(null))
                    .containsExactly("k1", "k2", "k2");
        }
    }

    @Test
    void chunkedRequestBodies_areDecoded_andGetRoutesWork() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start()) {
            upstream.onPost("/up", ex -> ex.json(200, "{\"len\":" + ex.request().body().length + "}"));
            upstream.onGet("/v1/models", Responders.json("{\"data\":[]}"));
            HttpRequest.BodyPublisher unknownLength = HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofString("hello chunked world"));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(upstream.baseUrl("/up")))
                    .POST(unknownLength).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).isEqualTo("{\"len\":19}");
            assertThat(upstream.lastRequest().bodyText()).isEqualTo("hello chunked world");
            HttpResponse<String> models = http.send(HttpRequest.newBuilder(URI.create(upstream.baseUrl("/v1/models")))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(models.body()).isEqualTo("{\"data\":[]}");
        }
    }

    @Test
    void throwingResponder_gives500() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start()) {
            upstream.onPost("/x", ex -> {
                throw new IllegalStateException("boom");
            });
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(upstream.baseUrl("/x")))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).contains("boom");
        }
    }

    @Test
    void awaitHelpers_failWithAClearMessage() {
        try (FakeUpstream upstream = FakeUpstream.start()) {
            assertThatThrownBy(() -> upstream.awaitRequests(1, Duration.ofMillis(50)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("expected 1 request(s), got 0");
            assertThatThrownBy(() -> upstream.awaitCancellation(Duration.ofMillis(50)))
                    .isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void sseEvent_encodesMultiLineData() {
        assertThat(SseEvent.named("ping", "a\nb").encode()).isEqualTo("event: ping\ndata: a\ndata: b\n\n");
        assertThat(SseEvent.done().encode()).isEqualTo("data: [DONE]\n\n");
        assertThat(List.of(OpenAiFixtures.textStream("m", "x").getLast())).containsExactly(SseEvent.done());
    }

    private String post(FakeUpstream upstream, String header, String value) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(upstream.baseUrl("/v1/chat/completions")))
                .header(header, value).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
