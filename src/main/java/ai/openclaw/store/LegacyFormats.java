package ai.openclaw.store;

import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.CredentialType;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.ProfileMeta;
import ai.openclaw.credential.TokenCredential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Older credential file shapes and how each becomes {@code <provider>:default} profiles: the per-agent
 * {@code auth.json}, the global {@code credentials/oauth.json}, and the flat {@code auth-profiles.json}
 * ({@code {"openrouter": {"apiKey": "..."}}}) that only {@code doctor --fix} converts.
 */
public final class LegacyFormats {
    private static final Set<String> RESERVED_KEYS = Set.of("__proto__", "constructor", "prototype");

    /** Result of converting a flat store: the profiles and the top-level keys that could not be converted. */
    public record FlatConversion(Map<String, Credential> profiles, List<String> skippedKeys) {}

    private LegacyFormats() {}

    /** {@code <agentDir>/auth.json}: provider → credential object (typed by its {@code type}). */
    public static Map<String, Credential> fromAuthJson(JsonNode root) {
        Map<String, Credential> out = new LinkedHashMap<>();
        if (root == null || !root.isObject() || root.has("profiles")) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String key = e.getKey().strip();
            JsonNode v = e.getValue();
            if (key.isEmpty() || RESERVED_KEYS.contains(key) || !v.isObject()) {
                continue;
            }
            String provider = provider(v, key);
            CredentialType type = CredentialType.parse(JsonFields.text(v, "type"));
            Credential c = switch (type == null ? CredentialType.OAUTH : type) {
                case API_KEY -> apiKey(v, provider);
                case TOKEN -> token(v, provider);
                case OAUTH -> oauth(v, provider);
            };
            if (c != null) {
                out.put(provider + ":default", c);
            }
        }
        return out;
    }

    /**
     * {@code <oauthDir>/oauth.json}: provider → OAuth fields. Adds {@code <provider>:default} only where the id
     * is not already taken in {@code existing}.
     */
    public static Map<String, Credential> fromOAuthJson(JsonNode root, Map<String, Credential> existing) {
        Map<String, Credential> out = new LinkedHashMap<>();
        if (root == null || !root.isObject()) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String provider = e.getKey().strip().toLowerCase(Locale.ROOT);
            String id = provider + ":default";
            if (provider.isEmpty() || RESERVED_KEYS.contains(provider) || !e.getValue().isObject()
                    || existing.containsKey(id) || out.containsKey(id)) {
                continue;
            }
            OAuthCredential c = oauth(e.getValue(), provider);
            if (c != null) {
                out.put(id, c);
            }
        }
        return out;
    }

    /** The flat {@code auth-profiles.json} shape, converted as {@code openclaw doctor --fix} does. */
    public static FlatConversion fromFlatStore(JsonNode root) {
        Map<String, Credential> out = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return new FlatConversion(out, skipped);
        }
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String key = e.getKey().strip();
            if (key.isEmpty() || RESERVED_KEYS.contains(key)) {
                continue;
            }
            JsonNode v = e.getValue();
            Credential c = v.isObject() ? flatEntry(v, provider(v, key)) : null;
            if (c == null) {
                skipped.add(key);
            } else {
                out.put(key.toLowerCase(Locale.ROOT) + ":default", c);
            }
        }
        return new FlatConversion(out, skipped);
    }

    private static Credential flatEntry(JsonNode v, String provider) {
        CredentialType type = CredentialType.parse(JsonFields.text(v, "type"));
        if (type == null) {
            type = CredentialType.parse(JsonFields.text(v, "mode"));
        }
        if (type == null) {
            if (JsonFields.text(v, "key") != null || JsonFields.text(v, "apiKey") != null) {
                type = CredentialType.API_KEY;
            } else if (JsonFields.text(v, "token") != null) {
                type = CredentialType.TOKEN;
            } else if (JsonFields.text(v, "access") != null && JsonFields.text(v, "refresh") != null
                    && v.has("expires") && v.get("expires").isNumber()) {
                type = CredentialType.OAUTH;
            } else {
                return null;
            }
        }
        return switch (type) {
            case API_KEY -> apiKey(v, provider);
            case TOKEN -> token(v, provider);
            case OAUTH -> oauth(v, provider);
        };
    }

    private static String provider(JsonNode v, String key) {
        String p = JsonFields.text(v, "provider");
        return (p == null ? key : p).strip().toLowerCase(Locale.ROOT);
    }

    private static ProfileMeta emailOnly(JsonNode v) {
        return new ProfileMeta(JsonFields.text(v, "email"), null, null, Map.of());
    }

    private static ApiKeyCredential apiKey(JsonNode v, String provider) {
        String key = JsonFields.text(v, "key");
        if (key == null) {
            key = JsonFields.text(v, "apiKey");
        }
        return new ApiKeyCredential(provider, Secret.ofNullable(key), null, Map.of(), emailOnly(v));
    }

    private static TokenCredential token(JsonNode v, String provider) {
        return new TokenCredential(provider, Secret.ofNullable(JsonFields.text(v, "token")), null,
                JsonFields.positiveMillis(v, "expires"), emailOnly(v));
    }

    private static OAuthCredential oauth(JsonNode v, String provider) {
        Secret access = Secret.ofNullable(JsonFields.text(v, "access"));
        Secret refresh = Secret.ofNullable(JsonFields.text(v, "refresh"));
        if (access == null && refresh == null) {
            return null;
        }
        return new OAuthCredential(provider, access, refresh, null, JsonFields.positiveMillis(v, "expires"), null,
                JsonFields.text(v, "enterpriseUrl"), JsonFields.text(v, "projectId"), JsonFields.text(v, "accountId"),
                null, null, emailOnly(v));
    }
}
