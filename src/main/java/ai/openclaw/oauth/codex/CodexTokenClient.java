package ai.openclaw.oauth.codex;

import ai.openclaw.core.Secret;
import ai.openclaw.json.Json;
import ai.openclaw.oauth.EnvProxy;
import ai.openclaw.oauth.OAuthHttp;
import ai.openclaw.oauth.OAuthHttpException;
import ai.openclaw.oauth.Pkce;
import ai.openclaw.upstream.Redaction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The two calls to OpenAI's token endpoint (logins §2.7, §2.10): redeeming an authorization code with its PKCE
 * verifier, and spending a refresh token. Both are form posts and both answers must carry {@code access_token},
 * {@code refresh_token} and a numeric {@code expires_in}.
 *
 * <p>Thread-safe; owns its HTTP client, so close it when done.
 */
public final class CodexTokenClient implements AutoCloseable {
    private final CodexEndpoints endpoints;
    private final OAuthHttp http;
    private final Clock clock;

    public CodexTokenClient(CodexEndpoints endpoints, OAuthHttp http, Clock clock) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A client with the proxy settings of {@code env} ({@link EnvProxy}). */
    public static CodexTokenClient create(CodexEndpoints endpoints, Map<String, String> env, Clock clock) {
        return new CodexTokenClient(endpoints, new OAuthHttp(EnvProxy.fromEnv(env)), clock);
    }

    public CodexEndpoints endpoints() {
        return endpoints;
    }

    /**
     * {@code grant_type=authorization_code} with the verifier of {@code pkce}.
     *
     * @param redirectUri exactly the {@code redirect_uri} of the authorize request (the server compares them)
     */
    public CodexTokens exchange(String code, Pkce pkce, String redirectUri, Duration timeout)
            throws CodexTokenException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", endpoints.clientId());
        form.put("code", code);
        form.put("code_verifier", pkce.verifier());
        form.put("redirect_uri", Objects.requireNonNull(redirectUri, "redirectUri"));
        return call(form, timeout, List.of(Secret.of(code), Secret.of(pkce.verifier())));
    }

    /** {@code grant_type=refresh_token}: the answer carries a new refresh token, the old one is spent. */
    public CodexTokens refresh(Secret refreshToken, Duration timeout) throws CodexTokenException {
        Objects.requireNonNull(refreshToken, "refreshToken");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken.reveal());
        form.put("client_id", endpoints.clientId());
        return call(form, timeout, List.of(refreshToken));
    }

    private CodexTokens call(Map<String, String> form, Duration timeout, Collection<Secret> sent)
            throws CodexTokenException {
        OAuthHttp.Response response;
        try {
            response = http.postForm(endpoints.tokenUrl(), form, timeout);
        } catch (OAuthHttpException e) {
            throw new CodexTokenException(e.timedOut() ? CodexTokenException.Kind.TIMEOUT
                    : CodexTokenException.Kind.UNREACHABLE, 0, "", e.getMessage(), e);
        }
        long answeredAt = clock.millis();
        JsonNode body = parse(response.body());
        if (!response.successful()) {
            String text = Redaction.forMessage(response.body(), sent);
            throw new CodexTokenException(CodexTokenException.Kind.REJECTED, response.status(), text,
                    "HTTP " + response.status() + describeError(body, response.body(), sent), null);
        }
        if (body == null || !body.isObject()) {
            throw malformed(response.status(), "its body is not a JSON object");
        }
        List<String> missing = new ArrayList<>();
        Secret access = text(body, "access_token", missing);
        Secret refresh = text(body, "refresh_token", missing);
        JsonNode expiresIn = body.get("expires_in");
        if (expiresIn == null || !expiresIn.isNumber() || expiresIn.asDouble() < 0) {
            missing.add("expires_in (a number)");
        }
        if (!missing.isEmpty()) {
            throw malformed(response.status(), "it has no " + String.join(", ", missing));
        }
        JsonNode id = body.get("id_token");
        Secret idToken = id != null && id.isString() ? Secret.ofNullable(id.asString()) : null;
        long expiresAt = answeredAt + Math.round(expiresIn.asDouble() * 1000);
        return new CodexTokens(access, refresh, idToken, expiresAt);
    }

    private static Secret text(JsonNode body, String field, List<String> missing) {
        JsonNode node = body.get(field);
        Secret value = node != null && node.isString() ? Secret.ofNullable(node.asString()) : null;
        if (value == null) {
            missing.add(field);
        }
        return value;
    }

    private static CodexTokenException malformed(int status, String what) {
        return new CodexTokenException(CodexTokenException.Kind.MALFORMED, status, "",
                "the token endpoint answered HTTP " + status + " but " + what, null);
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * {@code ": <error> (<description>)"} from an OAuth error ({@code {"error":"invalid_grant",
     * "error_description":"..."}}) or OpenAI's API shape ({@code {"error":{"code":"...","message":"..."}}}), else
     * the start of the raw body; redacted.
     */
    private static String describeError(JsonNode body, String raw, Collection<Secret> sent) {
        String code = null;
        String description = null;
        if (body != null && body.isObject()) {
            JsonNode error = body.get("error");
            if (error != null && error.isString()) {
                code = error.asString();
                description = stringOrNull(body.get("error_description"));
            } else if (error != null && error.isObject()) {
                code = stringOrNull(error.get("code"));
                code = code == null ? stringOrNull(error.get("type")) : code;
                description = stringOrNull(error.get("message"));
            }
        }
        if (code == null && description == null) {
            String text = Redaction.forMessage(raw, sent);
            return text == null || text.isBlank() ? "" : ": " + shorten(text);
        }
        String out = ": " + (code == null ? "error" : code);
        if (description != null) {
            out += " (" + description + ")";
        }
        return shorten(Redaction.forMessage(out, sent));
    }

    private static String stringOrNull(JsonNode node) {
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString().strip() : null;
    }

    private static String shorten(String s) {
        return s.length() <= 300 ? s : s.substring(0, 299) + "…";
    }

    @Override
    public void close() {
        http.close();
    }
}
