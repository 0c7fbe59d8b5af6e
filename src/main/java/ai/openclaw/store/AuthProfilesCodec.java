package ai.openclaw.store;

import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.CredentialType;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.ProfileMeta;
import ai.openclaw.credential.TokenCredential;
import ai.openclaw.json.Json;
import ai.openclaw.secrets.SecretRef;
import ai.openclaw.secrets.SecretRefs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@code auth-profiles.json} with OpenClaw's load-time tolerance: {@code mode} as an alias of a
 * missing {@code type}, {@code apiKey} for {@code key}, refs written into {@code key}/{@code token} moved to
 * {@code keyRef}/{@code tokenRef}, unusable entries dropped with a warning. Fields this code does not know are
 * kept and written back unchanged.
 */
public final class AuthProfilesCodec {
    /** How the file presented itself. */
    public enum Format {
        /** {@code {version, profiles}}. */
        CANONICAL,
        /** An object without a {@code profiles} object: the legacy flat {@code {provider: {...}}} shape. */
        LEGACY_FLAT,
        /** Valid JSON that is not an object. */
        NOT_AN_OBJECT
    }

    /** @param undecodable entries that were dropped with a warning, kept verbatim for writing back */
    public record Decoded(Format format, Map<String, Credential> profiles, AuthState inlineState,
                          List<LoadWarning> warnings, Map<String, JsonNode> undecodable) {}

    private static final Set<String> COMMON = Set.of("type", "provider", "email", "displayName", "copyToAgents");
    private static final List<String> OAUTH_STRINGS = List.of(
            "access", "refresh", "idToken", "clientId", "enterpriseUrl", "projectId", "accountId", "chatgptPlanType");

    private AuthProfilesCodec() {}

    public static Decoded decode(Path file, JsonNode root) {
        if (!root.isObject()) {
            return new Decoded(Format.NOT_AN_OBJECT, Map.of(), AuthState.EMPTY, List.of(), Map.of());
        }
        JsonNode profilesNode = root.get("profiles");
        if (profilesNode == null || !profilesNode.isObject()) {
            return new Decoded(Format.LEGACY_FLAT, Map.of(), AuthState.EMPTY, List.of(), Map.of());
        }
        List<LoadWarning> warnings = new ArrayList<>();
        Map<String, Credential> profiles = new LinkedHashMap<>();
        Map<String, JsonNode> undecodable = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : profilesNode.properties()) {
            Credential c = decodeCredential(file, e.getKey(), e.getValue(), warnings);
            if (c != null) {
                profiles.put(e.getKey(), c);
            } else {
                undecodable.put(e.getKey(), e.getValue());
            }
        }
        return new Decoded(Format.CANONICAL, profiles, AuthStateCodec.decode(root), List.copyOf(warnings),
                undecodable);
    }

    /** One profile entry; null (with a warning) when it cannot be used at all. */
    public static Credential decodeCredential(Path file, String id, JsonNode entry, List<LoadWarning> warnings) {
        if (entry == null || !entry.isObject()) {
            warnings.add(new LoadWarning(file, id, "non_object", "profile is not a JSON object; ignored"));
            return null;
        }
        Set<String> consumed = new HashSet<>(COMMON);
        String typeText = JsonFields.text(entry, "type");
        if (typeText == null && !entry.has("type")) {
            typeText = JsonFields.text(entry, "mode");
            consumed.add("mode");
        }
        CredentialType type = CredentialType.parse(typeText);
        if (type == null) {
            warnings.add(new LoadWarning(file, id, "invalid_type",
                    "profile has " + (typeText == null ? "no type" : "unknown type \"" + safe(typeText) + "\"")
                            + " (expected api_key, token or oauth); ignored"));
            return null;
        }
        String provider = JsonFields.text(entry, "provider");
        if (provider == null) {
            warnings.add(new LoadWarning(file, id, "missing_provider", "profile has no provider; ignored"));
            return null;
        }
        provider = provider.toLowerCase(Locale.ROOT);
        Boolean copy = entry.has("copyToAgents") && entry.get("copyToAgents").isBoolean()
                ? entry.get("copyToAgents").asBoolean() : null;
        if (entry.has("copyToAgents") && copy == null) {
            consumed.remove("copyToAgents");
        }
        return switch (type) {
            case API_KEY -> apiKey(entry, provider, consumed, copy);
            case TOKEN -> token(entry, provider, consumed, copy);
            case OAUTH -> oauth(entry, provider, consumed, copy);
        };
    }

    private static ApiKeyCredential apiKey(JsonNode entry, String provider, Set<String> consumed, Boolean copy) {
        Secret key = null;
        SecretRef ref = refField(entry, "keyRef", consumed);
        JsonNode keyNode = entry.get("key");
        if (keyNode != null) {
            if (keyNode.isString()) {
                key = Secret.ofNullable(keyNode.asString());
                consumed.add("key");
            } else if (ref == null && SecretRefs.fromJson(keyNode).isPresent()) {
                ref = SecretRefs.fromJson(keyNode).get();
                consumed.add("key");
            }
        } else if (ref == null && entry.has("apiKey") && entry.get("apiKey").isString()) {
            key = Secret.ofNullable(entry.get("apiKey").asString());
            consumed.add("apiKey");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode md = entry.get("metadata");
        if (md != null && md.isObject()) {
            consumed.add("metadata");
            for (Map.Entry<String, JsonNode> m : md.properties()) {
                if (m.getValue().isString()) {
                    metadata.put(m.getKey(), m.getValue().asString());
                }
            }
        }
        return new ApiKeyCredential(provider, key, ref, metadata, meta(entry, consumed, copy));
    }

    private static TokenCredential token(JsonNode entry, String provider, Set<String> consumed, Boolean copy) {
        Secret token = null;
        SecretRef ref = refField(entry, "tokenRef", consumed);
        JsonNode tokenNode = entry.get("token");
        if (tokenNode != null) {
            if (tokenNode.isString()) {
                token = Secret.ofNullable(tokenNode.asString());
                consumed.add("token");
            } else if (ref == null && SecretRefs.fromJson(tokenNode).isPresent()) {
                ref = SecretRefs.fromJson(tokenNode).get();
                consumed.add("token");
            }
        }
        consumed.add("expires");
        return new TokenCredential(provider, token, ref, JsonFields.expires(entry), meta(entry, consumed, copy));
    }

    private static OAuthCredential oauth(JsonNode entry, String provider, Set<String> consumed, Boolean copy) {
        Map<String, String> s = new LinkedHashMap<>();
        for (String f : OAUTH_STRINGS) {
            JsonNode v = entry.get(f);
            // non-string values (e.g. a SecretRef object in "access") stay as unknown fields: the OAuth guard
            // reports them and a save writes them back untouched
            if (v != null && v.isString()) {
                consumed.add(f);
                String t = v.asString().strip();
                if (!t.isEmpty()) {
                    s.put(f, t);
                }
            }
        }
        consumed.add("expires");
        JsonNode oauthRef = entry.get("oauthRef");
        if (oauthRef != null && oauthRef.isObject()) {
            consumed.add("oauthRef");
        } else {
            oauthRef = null;
        }
        return new OAuthCredential(provider, Secret.ofNullable(s.get("access")), Secret.ofNullable(s.get("refresh")),
                Secret.ofNullable(s.get("idToken")), JsonFields.expires(entry), s.get("clientId"),
                s.get("enterpriseUrl"), s.get("projectId"), s.get("accountId"), s.get("chatgptPlanType"), oauthRef,
                meta(entry, consumed, copy));
    }

    private static SecretRef refField(JsonNode entry, String field, Set<String> consumed) {
        JsonNode node = entry.get(field);
        if (node == null) {
            return null;
        }
        var ref = SecretRefs.fromJson(node);
        if (ref.isPresent()) {
            consumed.add(field);
            return ref.get();
        }
        return null;
    }

    private static ProfileMeta meta(JsonNode entry, Set<String> consumed, Boolean copy) {
        Map<String, JsonNode> extras = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : entry.properties()) {
            if (!consumed.contains(e.getKey())) {
                extras.put(e.getKey(), e.getValue());
            }
        }
        // email/displayName that are present but not strings are kept verbatim as unknown fields
        String email = JsonFields.text(entry, "email");
        String displayName = JsonFields.text(entry, "displayName");
        if (email == null && entry.has("email") && !entry.get("email").isString()) {
            extras.put("email", entry.get("email"));
        }
        if (displayName == null && entry.has("displayName") && !entry.get("displayName").isString()) {
            extras.put("displayName", entry.get("displayName"));
        }
        return new ProfileMeta(email, displayName, copy, extras);
    }

    /** Type names from a file are echoed in warnings; keep them short and printable. */
    private static String safe(String s) {
        String t = s.replaceAll("[^A-Za-z0-9_.:-]", "?");
        return t.length() > 32 ? t.substring(0, 32) + "..." : t;
    }

    public static ObjectNode encode(Map<String, Credential> profiles) {
        return encode(profiles, Map.of());
    }

    /** Writes the profiles, then the entries that could not be decoded, unchanged. */
    public static ObjectNode encode(Map<String, Credential> profiles, Map<String, JsonNode> undecodable) {
        ObjectNode root = Json.object();
        root.put("version", 1);
        ObjectNode p = root.putObject("profiles");
        profiles.forEach((id, c) -> p.set(id, encodeCredential(c)));
        undecodable.forEach((id, raw) -> {
            if (!p.has(id)) {
                p.set(id, raw.deepCopy());
            }
        });
        return root;
    }

    public static ObjectNode encodeCredential(Credential c) {
        ObjectNode o = Json.object();
        o.put("type", c.type().wireName());
        o.put("provider", c.provider());
        switch (c) {
            case ApiKeyCredential k -> {
                if (k.keyRef() != null) {
                    o.set("keyRef", refJson(k.keyRef()));
                } else if (k.key() != null) {
                    o.put("key", k.key().reveal());
                }
                if (!k.metadata().isEmpty()) {
                    ObjectNode md = o.putObject("metadata");
                    k.metadata().forEach(md::put);
                }
            }
            case TokenCredential t -> {
                if (t.tokenRef() != null) {
                    o.set("tokenRef", refJson(t.tokenRef()));
                } else if (t.token() != null) {
                    o.put("token", t.token().reveal());
                }
                if (t.expires() != null) {
                    o.put("expires", t.expires());
                }
            }
            case OAuthCredential a -> {
                putSecret(o, "access", a.access());
                putSecret(o, "refresh", a.refresh());
                putSecret(o, "idToken", a.idToken());
                if (a.expires() != null) {
                    o.put("expires", a.expires());
                }
                putText(o, "clientId", a.clientId());
                putText(o, "enterpriseUrl", a.enterpriseUrl());
                putText(o, "projectId", a.projectId());
                putText(o, "accountId", a.accountId());
                putText(o, "chatgptPlanType", a.chatgptPlanType());
                if (a.oauthRef() != null) {
                    o.set("oauthRef", a.oauthRef());
                }
            }
        }
        putText(o, "email", c.meta().email());
        putText(o, "displayName", c.meta().displayName());
        if (c.meta().copyToAgents() != null) {
            o.put("copyToAgents", c.meta().copyToAgents());
        }
        c.meta().extras().forEach((k, v) -> {
            if (!o.has(k) && !shadowedByRef(c, k)) {
                o.set(k, v.deepCopy());
            }
        });
        return o;
    }

    /** {@code key}/{@code token} are stripped on save when the ref exists, even a leftover the decoder kept. */
    private static boolean shadowedByRef(Credential c, String field) {
        return switch (c) {
            case ApiKeyCredential k -> k.keyRef() != null && field.equals("key");
            case TokenCredential t -> t.tokenRef() != null && field.equals("token");
            case OAuthCredential a -> false;
        };
    }

    /** {@code {source, provider, id}}; a ref read without provider is written back without one. */
    private static ObjectNode refJson(SecretRef ref) {
        ObjectNode o = Json.object();
        o.put("source", ref.source().wireName());
        if (ref.provider() != null) {
            o.put("provider", ref.provider());
        }
        o.put("id", ref.id());
        return o;
    }

    private static void putSecret(ObjectNode o, String field, Secret s) {
        if (s != null) {
            o.put(field, s.reveal());
        }
    }

    private static void putText(ObjectNode o, String field, String s) {
        if (s != null) {
            o.put(field, s);
        }
    }
}
