package ai.openclaw.oauth.codex;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where and as whom the OpenAI Codex (ChatGPT) login talks (logins §2.1, §2.3): the public Codex CLI client, the
 * authorize and token endpoints, the loopback redirect and the scope.
 *
 * <p>The endpoints can be redirected for tests and enterprise egress setups with
 * {@value #AUTHORIZE_URL_VAR} and {@value #TOKEN_URL_VAR}; {@value #CALLBACK_PORT_VAR} moves the loopback callback
 * (tests only: OpenAI accepts no redirect but {@code http://localhost:1455/auth/callback} for this client). The
 * values come from the environment the command was given, never from the process directly.
 *
 * @param callbackPort the loopback port; the redirect URI names the same port
 */
public record CodexEndpoints(String clientId, URI authorizeUrl, URI tokenUrl, int callbackPort, String callbackPath,
                             String scope, String originator) {
    public static final String PROVIDER = "openai-codex";
    public static final String CLIENT_ID = "app_EMoamEEZ73f0CkXaXp7hrann";
    public static final URI AUTHORIZE_URL = URI.create("https://auth.openai.com/oauth/authorize");
    public static final URI TOKEN_URL = URI.create("https://auth.openai.com/oauth/token");
    public static final int CALLBACK_PORT = 1455;
    public static final String CALLBACK_PATH = "/auth/callback";
    public static final String SCOPE = "openid profile email offline_access";
    /** pi-ai's build sends this; others send {@code pi} (logins §2.3 leaves it open). */
    public static final String ORIGINATOR = "codex_cli_rs";

    public static final String AUTHORIZE_URL_VAR = "OPENCLAW_OPENAI_CODEX_AUTHORIZE_URL";
    public static final String TOKEN_URL_VAR = "OPENCLAW_OPENAI_CODEX_TOKEN_URL";
    public static final String CALLBACK_PORT_VAR = "OPENCLAW_OPENAI_CODEX_CALLBACK_PORT";

    public static final CodexEndpoints DEFAULTS = new CodexEndpoints(CLIENT_ID, AUTHORIZE_URL, TOKEN_URL,
            CALLBACK_PORT, CALLBACK_PATH, SCOPE, ORIGINATOR);

    public CodexEndpoints {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(authorizeUrl, "authorizeUrl");
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        Objects.requireNonNull(callbackPath, "callbackPath");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(originator, "originator");
        if (callbackPort < 0 || callbackPort > 65_535) {
            throw new IllegalArgumentException("callbackPort out of range: " + callbackPort);
        }
    }

    /**
     * The defaults with the overrides found in {@code env} (blank values count as unset).
     *
     * @throws IllegalArgumentException naming the variable when a value is not an absolute https URL (http only
     *                                  for a loopback host) or not a port number
     */
    public static CodexEndpoints fromEnv(Map<String, String> env) {
        URI authorize = url(env, AUTHORIZE_URL_VAR, AUTHORIZE_URL);
        URI token = url(env, TOKEN_URL_VAR, TOKEN_URL);
        int port = CALLBACK_PORT;
        String rawPort = env.get(CALLBACK_PORT_VAR);
        if (rawPort != null && !rawPort.isBlank()) {
            try {
                port = Integer.parseInt(rawPort.strip());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(CALLBACK_PORT_VAR + " must be a port number (0-65535), not \""
                        + rawPort.strip() + "\".");
            }
        }
        return new CodexEndpoints(CLIENT_ID, authorize, token, port, CALLBACK_PATH, SCOPE, ORIGINATOR);
    }

    /**
     * The {@code redirect_uri} sent in the authorize request and again in the token exchange. It names
     * {@code localhost} while the listener binds {@code 127.0.0.1}, as OpenAI registered it (logins §2.1).
     */
    public String redirectUri() {
        return "http://localhost:" + callbackPort + callbackPath;
    }

    /** The same endpoints with the callback on {@code port} (a test that bound an ephemeral port). */
    public CodexEndpoints withCallbackPort(int port) {
        return new CodexEndpoints(clientId, authorizeUrl, tokenUrl, port, callbackPath, scope, originator);
    }

    private static URI url(Map<String, String> env, String name, URI fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        String value = raw.strip();
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a URL: \"" + value + "\".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost()))) {
            throw new IllegalArgumentException(name + " must be an absolute https:// URL (http:// only for"
                    + " localhost or 127.0.0.1), not \"" + value + "\".");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must not have a query or fragment: \"" + value + "\".");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
