package ai.openclaw.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a person pasted when the browser could not reach the loopback callback, read by the rules of logins §2.6 (the
 * same for every provider): a full redirect URL (its {@code code} and {@code state} query parameters),
 * {@code code#state}, a query string containing {@code code=}, or the bare code.
 *
 * <p>{@link #toString()} does not print the code: until it is exchanged it is as good as a token.
 *
 * @param code  the authorization code, never blank
 * @param state the state that came with it, or null when the input carried none (a bare code)
 */
public record PastedAuthorization(String code, String state) {
    /** Errors of logins §2.6, verbatim. */
    public static final String STATE_MISMATCH = "State mismatch";
    public static final String MISSING_CODE = "Missing authorization code";

    // a scheme followed by "://": codes never contain one, while "abc:def" could be a code
    private static final Pattern URL_LIKE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*", Pattern.DOTALL);

    public PastedAuthorization {
        Objects.requireNonNull(code, "code");
    }

    /**
     * Reads {@code input} and checks its state, if it carries one, against {@code expectedState}.
     *
     * @throws OAuthLoginException {@value #STATE_MISMATCH} when a state came with the input and differs;
     *                             {@value #MISSING_CODE} when no code can be found (blank input included)
     */
    public static PastedAuthorization parse(String input, String expectedState) throws OAuthLoginException {
        Objects.requireNonNull(expectedState, "expectedState");
        String value = input == null ? "" : input.strip();
        String code = null;
        String state = null;
        if (!value.isEmpty()) {
            if (URL_LIKE.matcher(value).matches()) {
                Map<String, String> query = query(rawQuery(value));
                code = query.get("code");
                state = query.get("state");
            } else if (value.indexOf('#') >= 0) {
                int hash = value.indexOf('#');
                code = value.substring(0, hash);
                state = value.substring(hash + 1);
            } else if (value.contains("code=")) {
                Map<String, String> query = query(value.startsWith("?") ? value.substring(1) : value);
                code = query.get("code");
                state = query.get("state");
            } else {
                code = value;
            }
        }
        code = blankToNull(code);
        state = blankToNull(state);
        if (state != null && !state.equals(expectedState)) {
            throw new OAuthLoginException(STATE_MISMATCH);
        }
        if (code == null) {
            throw new OAuthLoginException(MISSING_CODE);
        }
        return new PastedAuthorization(code, state);
    }

    private static String rawQuery(String url) {
        try {
            String q = new URI(url).getRawQuery();
            return q == null ? "" : q;
        } catch (URISyntaxException e) {
            // browsers show some URLs with characters java.net.URI refuses: take the text between '?' and '#'
            int question = url.indexOf('?');
            if (question < 0) {
                return "";
            }
            int hash = url.indexOf('#', question);
            return hash < 0 ? url.substring(question + 1) : url.substring(question + 1, hash);
        }
    }

    /** {@code application/x-www-form-urlencoded} pairs; the first occurrence of a name wins. */
    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a stray '%' that is not an escape: keep the text as typed
            return s;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "PastedAuthorization[code=***, state=" + state + "]";
    }
}
