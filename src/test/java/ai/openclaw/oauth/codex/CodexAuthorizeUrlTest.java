package ai.openclaw.oauth.codex;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.oauth.Pkce;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The authorize URL of logins §2.3. */
class CodexAuthorizeUrlTest {
    static final Pkce PKCE = Pkce.fromVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    static final String STATE = "00112233445566778899aabbccddeeff";

    @Test
    void build_sendsEveryParameterInTheReferenceOrder() {
        URI url = CodexAuthorizeUrl.build(CodexEndpoints.DEFAULTS, PKCE, STATE);

        assertThat(url.getScheme() + "://" + url.getHost() + url.getPath()).isEqualTo("https://auth.openai.com/oauth/authorize");
        List<String> pairs = Arrays.stream(url.getRawQuery().split("&"))
                .map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8)).toList();
        assertThat(pairs).containsExactly(
                "response_type=code",
                "client_id=app_EMoamEEZ73f0CkXaXp7hrann",
                "redirect_uri=http://localhost:1455/auth/callback",
                "scope=openid profile email offline_access",
                "code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                "code_challenge_method=S256",
                "state=" + STATE,
                "id_token_add_organizations=true",
                "codex_cli_simplified_flow=true",
                "originator=codex_cli_rs");
    }

    @Test
    void build_formEncodesValuesAsABrowserWould() {
        String raw = CodexAuthorizeUrl.build(CodexEndpoints.DEFAULTS, PKCE, STATE).getRawQuery();

        assertThat(raw).contains("redirect_uri=http%3A%2F%2Flocalhost%3A1455%2Fauth%2Fcallback")
                .contains("scope=openid+profile+email+offline_access");
    }

    @Test
    void build_neverContainsTheVerifier() {
        assertThat(CodexAuthorizeUrl.build(CodexEndpoints.DEFAULTS, PKCE, STATE).toString())
                .doesNotContain(PKCE.verifier());
    }

    @Test
    void build_followsTheEndpointsAndCallbackPort() {
        CodexEndpoints e = CodexEndpoints.fromEnv(java.util.Map.of(
                CodexEndpoints.AUTHORIZE_URL_VAR, "http://127.0.0.1:8123/oauth/authorize"))
                .withCallbackPort(40001);

        URI url = CodexAuthorizeUrl.build(e, PKCE, STATE);

        assertThat(url.toString()).startsWith("http://127.0.0.1:8123/oauth/authorize?response_type=code&");
        assertThat(CodexAuthorizeUrl.parameters(e, PKCE, STATE))
                .containsEntry("redirect_uri", "http://localhost:40001/auth/callback");
    }
}
