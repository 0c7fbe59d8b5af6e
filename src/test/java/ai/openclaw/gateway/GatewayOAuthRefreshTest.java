package ai.openclaw.gateway;

import static ai.openclaw.gateway.GatewayFixture.KEY_A;
import static ai.openclaw.gateway.GatewayFixture.OPENAI_PATH;
import static ai.openclaw.gateway.GatewayFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.gateway.GatewayFixture.Config;
import ai.openclaw.oauth.refresh.RefresherRegistry;
import ai.openclaw.testing.LoopbackRefresher;
import ai.openclaw.testing.LoopbackTokenEndpoint;
import ai.openclaw.testing.OpenAiFixtures;
import ai.openclaw.testing.Responders;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The gateway refreshes OAuth profiles on use, before the first byte; a failed refresh moves to the next one. */
@Timeout(60)
class GatewayOAuthRefreshTest {
    private static final String OLD_ACCESS = "at-old-0123456789abcdefghij";
    private static final String OLD_REFRESH = "rt-old-0123456789abcdefghij";

    @TempDir
    Path dir;

    GatewayFixture fx;
    LoopbackTokenEndpoint endpoint;

    @BeforeEach
    void setUp() throws Exception {
        endpoint = LoopbackTokenEndpoint.start();
        fx = new GatewayFixture(dir);
        fx.refreshers(RefresherRegistry.builder()
                .provider(new LoopbackRefresher("openai", endpoint.uri(), Clock.systemUTC())).build());
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
        endpoint.close();
    }

    /** openai:me (OAuth, access token expired a minute ago) and, when asked, the API key openai:a after it. */
    private void profiles(boolean withKey) throws Exception {
        long expired = System.currentTimeMillis() - 60_000;
        fx.profiles("main", """
                {"version":1,"profiles":{
                  "openai:me":{"type":"oauth","provider":"openai","access":"%s","refresh":"%s","expires":%d}%s}}
                """.formatted(OLD_ACCESS, OLD_REFRESH, expired, withKey
                ? ",\n  \"openai:a\":{\"type\":\"api_key\",\"provider\":\"openai\",\"key\":\"" + KEY_A + "\"}" : ""));
        fx.config(Config.standard().noFallbacks()
                .auth(withKey ? "order: {openai: ['openai:me', 'openai:a']}" : "order: {openai: ['openai:me']}"));
    }

    private Path store() {
        return fx.agentDir("main").resolve("auth-profiles.json");
    }

    @Test
    void anExpiredOAuthProfile_isRefreshedOnUse_andTheUpstreamSeesTheNewAccessToken() throws Exception {
        profiles(false);
        fx.start();
        fx.upstream.onPost(OPENAI_PATH, Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "ok")));

        assertThat(fx.chat("openai/gpt-test", "one").statusCode()).isEqualTo(200);
        assertThat(fx.chat("openai/gpt-test", "two").statusCode()).isEqualTo(200);

        assertThat(fx.credentialsSent()).containsExactly(LoopbackTokenEndpoint.access(1),
                LoopbackTokenEndpoint.access(1));
        assertThat(endpoint.calls()).isEqualTo(1);
        String saved = Files.readString(store());
        assertThat(saved).contains(LoopbackTokenEndpoint.refresh(1)).doesNotContain(OLD_REFRESH);
    }

    @Test
    void aFailedRefresh_movesToTheNextProfile_andLeavesTheStoreByteIdentical() throws Exception {
        endpoint.failWith(400, "{\"error\":\"invalid_grant\"}");
        profiles(true);
        byte[] before = Files.readAllBytes(store());
        fx.start();
        fx.upstream.onPost(OPENAI_PATH, Responders.json(OpenAiFixtures.chatCompletion("gpt-test", "ok")));

        assertThat(fx.chat("openai/gpt-test", "x").statusCode()).isEqualTo(200);

        assertThat(fx.credentialsSent()).containsExactly(KEY_A);
        assertThat(Files.readAllBytes(store())).isEqualTo(before);
        fx.awaitLog("openai:me:refresh_failed:invalid_grant");
    }

    @Test
    void aFailedRefreshWithNothingElseToTry_isListedInTheErrorBody() throws Exception {
        endpoint.failWith(400, "{\"error\":\"invalid_grant\"}");
        profiles(false);
        fx.start();

        HttpResponse<String> r = fx.chat("openai/gpt-test", "x");

        assertThat(r.statusCode()).isEqualTo(401);
        JsonNode attempt = json(r).get("error").get("attempts").get(0);
        assertThat(attempt.get("credential").asString()).isEqualTo("openai:me");
        assertThat(attempt.get("reason").asString()).isEqualTo("refresh_failed:invalid_grant");
        assertThat(attempt.get("detail").asString()).contains("openclaw models auth login --provider openai");
        assertThat(r.body()).doesNotContain(OLD_ACCESS).doesNotContain(OLD_REFRESH);
        assertThat(fx.upstream.requests()).isEmpty();
    }
}
