package ai.openclaw.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testing.FakeOAuthServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reading JWT claims (logins §2.8), including what must be refused. */
class JwtPayloadTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decode_readsNestedStringClaims() {
        ObjectNode claims = JSON.createObjectNode();
        claims.putObject("https://api.openai.com/auth").put("chatgpt_account_id", " acct-42 ");
        claims.put("sub", "user-1");
        claims.put("n", 7);

        JwtPayload p = JwtPayload.decode(FakeOAuthServer.jwt(claims)).orElseThrow();

        assertThat(p.string("https://api.openai.com/auth", "chatgpt_account_id")).contains("acct-42");
        assertThat(p.string("sub")).contains("user-1");
        assertThat(p.string("n")).as("not a string").isEmpty();
        assertThat(p.string("missing")).isEmpty();
        assertThat(p.string("sub", "deeper")).isEmpty();
    }

    @Test
    void decode_acceptsPaddedPayloads() {
        // {"a":"bc"} is 10 bytes: base64 pads it with "==", which some issuers keep
        String padded = Base64.getUrlEncoder().encodeToString("{\"a\":\"bc\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(padded).endsWith("==");

        assertThat(JwtPayload.decode("h." + padded + ".s").orElseThrow().string("a")).contains("bc");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "not-a-jwt", "a.b", "a.b.c.d", "h..s", "h.!!!.s", "h.bm90IGpzb24.s" /* "not json" */,
            "h.WzEsMl0.s" /* [1,2] */, "h.InN0cmluZyI.s" /* "string" */})
    void decode_refusesMalformedTokens(String token) {
        assertThat(JwtPayload.decode(token)).isEmpty();
    }

    @Test
    void decode_null_isEmpty() {
        assertThat(JwtPayload.decode(null)).isEmpty();
    }

    @Test
    void decode_refusesTokensOverTheSizeLimits() {
        String smallPayload = b64("{\"a\":\"b\"}");
        String atLimit = "h." + smallPayload + "." + "s".repeat(JwtPayload.MAX_TOKEN_CHARS - 3 - smallPayload.length());
        assertThat(atLimit).hasSize(JwtPayload.MAX_TOKEN_CHARS);
        assertThat(JwtPayload.decode(atLimit)).as("exactly at the token limit").isPresent();
        assertThat(JwtPayload.decode(atLimit + "s")).as("one over the token limit").isEmpty();

        // a payload segment over 8192 chars, in a token under the overall limit
        String bigSegment = b64("{\"a\":\"" + "x".repeat(6200) + "\"}");
        assertThat(bigSegment.length()).isGreaterThan(JwtPayload.MAX_PAYLOAD_SEGMENT_CHARS);
        assertThat(JwtPayload.decode("h." + bigSegment + ".s")).isEmpty();

        String fitting = b64("{\"a\":\"" + "x".repeat(6000) + "\"}");
        assertThat(fitting.length()).isLessThanOrEqualTo(JwtPayload.MAX_PAYLOAD_SEGMENT_CHARS);
        assertThat(JwtPayload.decode("h." + fitting + ".s")).isPresent();
    }
}
