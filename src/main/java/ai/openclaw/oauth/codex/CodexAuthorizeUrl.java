package ai.openclaw.oauth.codex;

import ai.openclaw.oauth.Pkce;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The URL the person opens to sign in: the authorize endpoint with the parameters of logins §2.3, in that order. */
public final class CodexAuthorizeUrl {
    private CodexAuthorizeUrl() {}

    /** The query parameters, in the order they are sent. */
    public static Map<String, String> parameters(CodexEndpoints endpoints, Pkce pkce, String state) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", endpoints.clientId());
        p.put("redirect_uri", endpoints.redirectUri());
        p.put("scope", endpoints.scope());
        p.put("code_challenge", pkce.challenge());
        p.put("code_challenge_method", Pkce.METHOD);
        p.put("state", state);
        p.put("id_token_add_organizations", "true");
        p.put("codex_cli_simplified_flow", "true");
        p.put("originator", endpoints.originator());
        return p;
    }

    /** The full URL, form-encoded as a browser's URLSearchParams would (a space becomes {@code +}). */
    public static URI build(CodexEndpoints endpoints, Pkce pkce, String state) {
        String query = parameters(endpoints, pkce, state).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(endpoints.authorizeUrl() + "?" + query);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
