package ai.openclaw.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proxy choice from the environment for token calls. */
class EnvProxyTest {
    static final URI TOKEN = URI.create("https://auth.openai.com/oauth/token");
    static final URI PLAIN = URI.create("http://127.0.0.1:9/oauth/token");

    @Test
    void noVariables_meansDirect() {
        assertThat(EnvProxy.fromEnv(Map.of()).forTarget(TOKEN)).isEmpty();
        assertThat(EnvProxy.NONE.forTarget(PLAIN)).isEmpty();
    }

    @Test
    void httpsTargets_useHttpsProxy_httpTargets_useHttpProxy() {
        EnvProxy p = EnvProxy.fromEnv(Map.of("HTTPS_PROXY", "http://secure-proxy:3128", "HTTP_PROXY", "plain-proxy:8080"));

        assertThat(p.forTarget(TOKEN)).contains(URI.create("http://secure-proxy:3128"));
        assertThat(p.forTarget(PLAIN)).as("no scheme means http://").contains(URI.create("http://plain-proxy:8080"));
    }

    @Test
    void httpsTargets_fallBackToTheHttpProxy_andLowerCaseWins() {
        assertThat(EnvProxy.fromEnv(Map.of("HTTP_PROXY", "http://p:1")).forTarget(TOKEN)).contains(URI.create("http://p:1"));
        assertThat(EnvProxy.fromEnv(Map.of("https_proxy", "http://lower:1", "HTTPS_PROXY", "http://upper:2"))
                .forTarget(TOKEN)).contains(URI.create("http://lower:1"));
        assertThat(EnvProxy.fromEnv(Map.of("HTTPS_PROXY", "http://p")).https()).as("default port")
                .isEqualTo(URI.create("http://p:80"));
    }

    @Test
    void noProxy_bypassesListedHostsSubdomainsAndPorts() {
        EnvProxy p = EnvProxy.fromEnv(Map.of("HTTPS_PROXY", "http://p:1", "HTTP_PROXY", "http://p:1",
                "NO_PROXY", "localhost, .internal.example,openai.com 127.0.0.1:9"));

        assertThat(p.forTarget(TOKEN)).as("subdomain of openai.com").isEmpty();
        assertThat(p.forTarget(PLAIN)).as("host:port entry").isEmpty();
        assertThat(p.forTarget(URI.create("http://127.0.0.1:10/x"))).as("other port").isPresent();
        assertThat(p.forTarget(URI.create("https://a.internal.example/x"))).isEmpty();
        assertThat(p.forTarget(URI.create("https://internal.example/x"))).as(".domain also matches itself").isEmpty();
        assertThat(p.forTarget(URI.create("https://notopenai.com/x"))).as("suffix must be a label").isPresent();
        assertThat(EnvProxy.fromEnv(Map.of("HTTPS_PROXY", "http://p:1", "no_proxy", "*")).forTarget(TOKEN)).isEmpty();
    }

    @Test
    void blankVariables_countAsUnset() {
        assertThat(EnvProxy.fromEnv(Map.of("HTTPS_PROXY", " ", "HTTP_PROXY", "")).forTarget(TOKEN)).isEmpty();
    }

    @Test
    void proxyWithCredentials_isRefused_withoutPrintingThem() {
        assertThatThrownBy(() -> EnvProxy.fromEnv(Map.of("HTTPS_PROXY", "http://user:hunter2secret@p:1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HTTPS_PROXY")
                .hasMessageNotContaining("hunter2secret");
    }

    @Test
    void unusableProxyValue_namesTheVariable() {
        assertThatThrownBy(() -> EnvProxy.fromEnv(Map.of("HTTP_PROXY", "socks5://p:1080")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("HTTP_PROXY is not a proxy URL");
    }
}
