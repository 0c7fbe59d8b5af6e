package ai.openclaw.auth;

import ai.openclaw.config.AuthConfig;
import ai.openclaw.config.AuthMode;
import ai.openclaw.config.AuthProfileConfig;
import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.TokenCredential;
import ai.openclaw.secrets.SecretRefs;
import ai.openclaw.store.AuthStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth guard: OAuth credentials are rewritten by every refresh, so they cannot live behind a SecretRef.
 * Violations are (a) a ref in any credential field of an {@code oauth} profile and (b) a ref-backed
 * {@code api_key}/{@code token} profile whose config mode is {@code oauth}.
 */
public final class OAuthRefPolicy {
    public record Violation(String profileId, String field, String reason) {
        public String line() {
            return "- profiles." + profileId + "." + field + ": " + reason;
        }
    }

    private static final List<String> OAUTH_FIELDS = List.of("access", "refresh", "token", "tokenRef", "key", "keyRef");
    private static final String REASON_OAUTH =
            "SecretRef is not allowed for OAuth credentials (OAuth credentials are runtime-mutable)";
    private static final String REASON_MODE =
            "SecretRef is not allowed when auth.profiles mode is \"oauth\" (OAuth credentials are runtime-mutable)";

    private OAuthRefPolicy() {}

    public static List<Violation> violations(AuthStore store, AuthConfig config) {
        List<Violation> out = new ArrayList<>();
        for (Map.Entry<String, Credential> e : store.profiles().entrySet()) {
            String id = e.getKey();
            Credential c = e.getValue();
            if (c instanceof OAuthCredential o) {
                checkSecret(out, id, "access", o.access(), REASON_OAUTH);
                checkSecret(out, id, "refresh", o.refresh(), REASON_OAUTH);
                for (String field : OAUTH_FIELDS) {
                    JsonNode extra = o.meta().extras().get(field);
                    if (extra != null && isRef(extra)) {
                        out.add(new Violation(id, field, REASON_OAUTH));
                    }
                }
                continue;
            }
            AuthProfileConfig configured = config.profiles().get(id);
            if (configured == null || configured.mode() != AuthMode.OAUTH) {
                continue;
            }
            if (c instanceof ApiKeyCredential k) {
                if (k.keyRef() != null) {
                    out.add(new Violation(id, "keyRef", REASON_MODE));
                }
                checkSecret(out, id, "key", k.key(), REASON_MODE);
            } else if (c instanceof TokenCredential t) {
                if (t.tokenRef() != null) {
                    out.add(new Violation(id, "tokenRef", REASON_MODE));
                }
                checkSecret(out, id, "token", t.token(), REASON_MODE);
            }
        }
        return out;
    }

    /** True when an api_key/token credential is backed by a ref (object or shorthand). */
    static boolean usesRef(Credential c) {
        return switch (c) {
            case ApiKeyCredential k -> k.keyRef() != null || isShorthand(k.key());
            case TokenCredential t -> t.tokenRef() != null || isShorthand(t.token());
            case OAuthCredential o -> false;
        };
    }

    /** The error text OpenClaw uses when a violation stops an operation. */
    public static String message(String context, List<Violation> violations) {
        StringBuilder sb = new StringBuilder(context)
                .append(" policy validation failed: OAuth + SecretRef is not supported.");
        violations.forEach(v -> sb.append('\n').append(v.line()));
        return sb.toString();
    }

    private static void checkSecret(List<Violation> out, String id, String field, Secret value, String reason) {
        if (isShorthand(value)) {
            out.add(new Violation(id, field, reason));
        }
    }

    private static boolean isShorthand(Secret value) {
        return value != null && SecretRefs.fromShorthand(value.reveal()).isPresent();
    }

    private static boolean isRef(JsonNode node) {
        if (node.isString()) {
            return SecretRefs.fromShorthand(node.asString()).isPresent();
        }
        return SecretRefs.fromJson(node).isPresent();
    }
}
