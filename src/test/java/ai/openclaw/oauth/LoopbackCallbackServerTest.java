package ai.openclaw.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The loopback callback server of logins §2.4, driven by the JDK client as a browser would. */
@Timeout(30)
class LoopbackCallbackServerTest {
    static final String STATE = "0123456789abcdef0123456789abcdef";

    private final HttpClient browser = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LoopbackCallbackServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        browser.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void otherPath_is404NotFound_andCapturesNothing() throws Exception {
        server = LoopbackCallbackServer.start(0, "/auth/callback", STATE);

        HttpResponse<String> r = get("/favicon.ico?code=x&state=" + STATE);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("Not found");
        assertThat(get("/auth/callback/extra?code=x&state=" + STATE).statusCode()).isEqualTo(404);
        assertThat(server.code()).isNotDone();
    }

    @Test
    void wrongOrMissingState_is400StateMismatch_andTheServerKeepsWaiting() throws Exception {
        server = LoopbackCallbackServer.start(0, "/auth/callback", STATE);

        HttpResponse<String> wrong = get("/auth/callback?code=ac_1&state=ffff");
        HttpResponse<String> none = get("/auth/callback?code=ac_1");

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).isEqualTo("State mismatch");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).isEqualTo("State mismatch");
        assertThat(server.code()).isNotDone();
        // the real redirect still completes the login afterwards
        assertThat(get("/auth/callback?code=ac_2&state=" + STATE).statusCode()).isEqualTo(200);
        assertThat(server.awaitCode(Duration.ofSeconds(5))).contains("ac_2");
    }

    @Test
    void missingCode_is400MissingAuthorizationCode() throws Exception {
        server = LoopbackCallbackServer.start(0, "/auth/callback", STATE);

        HttpResponse<String> r = get("/auth/callback?state=" + STATE + "&error=access_denied");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("Missing authorization code");
        assertThat(server.code()).isNotDone();
    }

    @Test
    void matchingCallback_servesTheSuccessPage_andCapturesTheDecodedCode() throws Exception {
        server = LoopbackCallbackServer.start(0, "/auth/callback", STATE);

        HttpResponse<String> r = get("/auth/callback?code=ac_abc%2Bdef&state=" + STATE + "&scope=openid");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(r.body()).contains("Authentication successful. Return to your terminal to continue.");
        assertThat(server.awaitCode(Duration.ofSeconds(5))).contains("ac_abc+def");
        // a second redirect does not replace the first code
        get("/auth/callback?code=ac_other&state=" + STATE);
        assertThat(server.code().join()).isEqualTo("ac_abc+def");
    }

    @Test
    void awaitCode_withoutCallback_isEmptyAfterTheWait() throws Exception {
        server = LoopbackCallbackServer.start(0, "/auth/callback", STATE);

        assertThat(server.awaitCode(Duration.ofMillis(50))).isEmpty();
    }

    @Test
    void close_releasesThePort_andIsIdempotent() throws Exception {
        server = LoopbackCallbackServer.start(0, "/auth/callback", STATE);
        int port = server.port();

        server.close();
        server.close();

        assertThatThrownBy(() -> browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/auth/callback")).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
        // and the port can be bound again at once
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void start_onAnOccupiedPort_failsWithBindException() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            assertThatThrownBy(() -> LoopbackCallbackServer.start(taken.getLocalPort(), "/auth/callback", STATE))
                    .isInstanceOf(BindException.class);
        }
    }

    @Test
    void listensOnLoopbackOnly_notOnTheMachinesOtherAddresses() throws Exception {
        Optional<InetAddress> lan = Collections.list(NetworkInterface.getNetworkInterfaces())
                .stream()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address");
        server = LoopbackCallbackServer.start(0, "/auth/callback", STATE);

        try (Socket s = new java.net.Socket()) {
            assertThatThrownBy(() -> s.connect(new InetSocketAddress(lan.get(), server.port()), 2000))
                    .isInstanceOf(IOException.class);
        }
        assertThat(server.toString()).contains("127.0.0.1:" + server.port()).doesNotContain(STATE);
    }
}
