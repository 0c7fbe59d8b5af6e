package ai.openclaw.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the person's browser in login tests: finds the authorize URL a command printed, "signs in" at the
 * {@link FakeOAuthServer} (which redirects with a code), and follows the redirect to the loopback callback.
 *
 * <p>The redirect names {@code localhost} (as OpenAI's registered redirect URI does); the browser connects to
 * {@code 127.0.0.1}, where the callback server listens, so the test does not depend on how {@code localhost}
 * resolves on this machine.
 */
public final class ScriptedBrowser implements AutoCloseable {
    private static final Pattern AUTHORIZE_URL = Pattern.compile("https?://\\S+/oauth/authorize\\?\\S+");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * Waits until {@code output} (read again on every poll) shows an authorize URL, and returns it.
     *
     * @throws AssertionError when none appears within {@code timeout}
     */
    public static URI awaitAuthorizeUrl(Supplier<String> output, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Matcher m = AUTHORIZE_URL.matcher(output.get());
            if (m.find()) {
                return URI.create(m.group());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no authorize URL was printed within " + timeout + "; output:\n" + output.get());
            }
            sleep(10);
        }
    }

    /** Opens the authorize URL; returns where the server redirects (the redirect URI with code and state). */
    public URI signIn(URI authorizeUrl) {
        HttpResponse<String> r = get(authorizeUrl);
        if (r.statusCode() != 302) {
            throw new AssertionError("authorize answered " + r.statusCode() + ": " + r.body());
        }
        return URI.create(r.headers().firstValue("location").orElseThrow());
    }

    /** Follows a redirect to the loopback callback (on 127.0.0.1) and returns the callback's answer. */
    public HttpResponse<String> followToCallback(URI redirect) {
        return get(URI.create(redirect.toString().replaceFirst("^http://localhost:", "http://127.0.0.1:")));
    }

    /** {@link #signIn} then {@link #followToCallback}. */
    public HttpResponse<String> completeLogin(URI authorizeUrl) {
        return followToCallback(signIn(authorizeUrl));
    }

    public HttpResponse<String> get(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
