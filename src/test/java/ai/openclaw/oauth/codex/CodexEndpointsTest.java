package ai.openclaw.oauth.codex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Codex constants (logins §2.1) and their test/enterprise overrides. */
class CodexEndpointsTest {
    @Test
    void defaults_areTheRealOpenAiEndpoints() {
        CodexEndpoints e = CodexEndpoints.fromEnv(Map.of());

        assertThat(e).isEqualTo(CodexEndpoints.DEFAULTS);
        assertThat(e.authorizeUrl()).isEqualTo(URI.create("https://auth.openai.com/oauth/authorize"));
        assertThat(e.tokenUrl()).isEqualTo(URI.create("https://auth.openai.com/oauth/token"));
        assertThat(e.clientId()).isEqualTo("app_EMoamEEZ73f0CkXaXp7hrann");
        assertThat(e.redirectUri()).isEqualTo("http://localhost:1455/auth/callback");
        assertThat(e.callbackPort()).isEqualTo(1455);
        assertThat(e.scope()).isEqualTo("openid profile email offline_access");
        assertThat(e.originator()).isEqualTo("codex_cli_rs");
    }

    @Test
    void environment_overridesTheEndpointsAndCallbackPort() {
        CodexEndpoints e = CodexEndpoints.fromEnv(Map.of(
                "OPENCLAW_OPENAI_CODEX_AUTHORIZE_URL", " https://sso.corp.example/oauth/authorize ",
                "OPENCLAW_OPENAI_CODEX_TOKEN_URL", "http://127.0.0.1:9999/oauth/token",
                "OPENCLAW_OPENAI_CODEX_CALLBACK_PORT", "0"));

        assertThat(e.authorizeUrl()).isEqualTo(URI.create("https://sso.corp.example/oauth/authorize"));
        assertThat(e.tokenUrl()).isEqualTo(URI.create("http://127.0.0.1:9999/oauth/token"));
        assertThat(e.callbackPort()).isZero();
        assertThat(e.clientId()).isEqualTo(CodexEndpoints.CLIENT_ID);
    }

    @Test
    void blankOverrides_areIgnored() {
        assertThat(CodexEndpoints.fromEnv(Map.of("OPENCLAW_OPENAI_CODEX_TOKEN_URL", " ",
                "OPENCLAW_OPENAI_CODEX_CALLBACK_PORT", ""))).isEqualTo(CodexEndpoints.DEFAULTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://auth.corp.example/oauth/token", "http://127.evil.example/oauth/token",
            "ftp://127.0.0.1/x", "/oauth/token", "https://x.example/t?a=b", "not a url"})
    void tokenUrl_mustBeHttps_orHttpOnLoopback(String value) {
        assertThatThrownBy(() -> CodexEndpoints.fromEnv(Map.of("OPENCLAW_OPENAI_CODEX_TOKEN_URL", value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("OPENCLAW_OPENAI_CODEX_TOKEN_URL ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:1/t", "http://127.0.0.1:2/t", "http://[::1]:3/t"})
    void loopbackHttp_isAccepted(String value) {
        assertThat(CodexEndpoints.fromEnv(Map.of("OPENCLAW_OPENAI_CODEX_TOKEN_URL", value)).tokenUrl())
                .isEqualTo(URI.create(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "65536", "abc"})
    void callbackPort_mustBeAPort(String value) {
        assertThatThrownBy(() -> CodexEndpoints.fromEnv(Map.of("OPENCLAW_OPENAI_CODEX_CALLBACK_PORT", value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("OPENCLAW_OPENAI_CODEX_CALLBACK_PORT must be a port number");
    }
}
