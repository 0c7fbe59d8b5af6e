package ai.openclaw.upstream;

import ai.openclaw.config.SecretInput;
import ai.openclaw.core.Secret;
import ai.openclaw.providers.ApiKind;
import ai.openclaw.providers.ProviderEndpoint;
import ai.openclaw.routing.CredentialCandidate;
import ai.openclaw.secrets.Resolution;
import ai.openclaw.secrets.SecretRef;
import ai.openclaw.secrets.SecretResolver;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Builds the HTTP request of one attempt from the endpoint, the credential and the body.
 *
 * <p><b>URL</b>: {@code openai-completions} → {@code <baseUrl>/chat/completions} (the base URL carries the version);
 * {@code anthropic-messages} → {@code <baseUrl>/v1/messages} (the base URL is the host).
 *
 * <p><b>Headers</b>, later steps winning over earlier ones:
 * <ol>
 *   <li>the caller's pass-through headers, minus everything {@link #isForwardable} rejects (client credentials,
 *       hop-by-hop and framing headers, {@code x-openclaw-*});</li>
 *   <li>the endpoint's extra {@code headers} ({@code models.providers.<id>.headers}), SecretRefs resolved through the
 *       resolver given to the constructor; a ref that does not resolve fails the build with
 *       {@link UpstreamRequestException} naming the header and the ref;</li>
 *   <li>{@code content-type: application/json}, {@code accept: text/event-stream} when streaming (else
 *       {@code application/json}), {@code accept-encoding: identity} (bodies pass through undecoded);</li>
 *   <li>the credential (none for a {@code NoKey} candidate or a null secret):
 *     <ul>
 *       <li>{@code openai-completions}: {@code authorization: Bearer <key>};</li>
 *       <li>{@code anthropic-messages}: {@code x-api-key: <key>} and {@code anthropic-version: 2023-06-01} (unless a
 *           header already sets a version). A token starting with {@code sk-ant-oat} (setup/OAuth token) is sent as
 *           {@code authorization: Bearer <token>} with {@code anthropic-beta: oauth-2025-04-20} (merged into any
 *           beta list already present) and any {@code x-api-key} is dropped. With {@code authHeader: true} any
 *           key is sent as {@code authorization: Bearer <key>} without {@code x-api-key}; the OAuth beta is added
 *           only for {@code sk-ant-oat} tokens (logins reference §3.3).</li>
 *     </ul></li>
 * </ol>
 *
 * <p>Thread-safe when the resolver is.
 */
public final class UpstreamRequestFactory {
    public static final String ANTHROPIC_VERSION = "2023-06-01";
    public static final String ANTHROPIC_OAUTH_BETA = "oauth-2025-04-20";
    /** Prefix of Anthropic setup/OAuth tokens, which go in {@code authorization: Bearer}. */
    public static final String ANTHROPIC_OAUTH_TOKEN_PREFIX = "sk-ant-oat";

    private static final Set<String> NOT_FORWARDED = Set.of(
            // credentials of the caller (the gateway's own auth) and cookies
            "authorization", "proxy-authorization", "x-api-key", "api-key", "x-goog-api-key", "cookie", "set-cookie",
            // hop-by-hop and framing: the transport sets these for the upstream connection
            "host", "connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
            "content-length", "content-type", "content-encoding", "accept", "accept-encoding", "expect",
            "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-real-ip");

    private final Function<SecretRef, Resolution> resolver;
    /**
     * {@link #url} of each base URL and API: parsing the URI was a visible part of every attempt. Both come from the
     * config, which the gateway pairs with one factory, so this stays as small as the provider list. Failures are
     * not kept: they throw every time, as before.
     */
    private final ConcurrentHashMap<UrlKey, URI> urls = new ConcurrentHashMap<>();

    private record UrlKey(String baseUrl, ApiKind api) {}

    /** @param resolver resolves SecretRef values of endpoint headers (called per build; cache inside if needed) */
    public UpstreamRequestFactory(Function<SecretRef, Resolution> resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    public UpstreamRequestFactory(SecretResolver resolver) {
        this(Objects.requireNonNull(resolver, "resolver")::resolve);
    }

    /** Whether a caller's header may be passed on upstream (see the class comment). Case-insensitive. */
    public static boolean isForwardable(String headerName) {
        String n = headerName.strip().toLowerCase(Locale.ROOT);
        return !n.isEmpty() && !NOT_FORWARDED.contains(n) && !n.startsWith("x-openclaw-")
                && !n.startsWith("proxy-");
    }

    /** The URL chat requests go to for this endpoint. */
    public static URI url(ProviderEndpoint endpoint) {
        String base = endpoint.baseUrl().strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String path = switch (endpoint.api()) {
            case OPENAI_COMPLETIONS -> "/chat/completions";
            case ANTHROPIC_MESSAGES -> "/v1/messages";
            case CLI_BACKEND -> throw new UpstreamRequestException("Provider \"" + endpoint.provider()
                    + "\" is a CLI backend, not an HTTP endpoint.");
        };
        try {
            URI uri = new URI(base + path);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new URISyntaxException(base, "not an absolute URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UpstreamRequestException("Provider \"" + endpoint.provider() + "\" has an invalid baseUrl \""
                    + Redaction.redact(base) + "\": " + e.getReason() + ".");
        }
    }

    /** {@link #build(ProviderEndpoint, CredentialCandidate, byte[], boolean, UpstreamHeaders)} without pass-through. */
    public UpstreamRequest build(ProviderEndpoint endpoint, CredentialCandidate credential, byte[] body, boolean stream) {
        return build(endpoint, credential, body, stream, UpstreamHeaders.empty());
    }

    /**
     * @param credential  the attempt's credential; null or a null secret sends no credential
     * @param body        the request body, already in the endpoint's API format
     * @param stream      whether an SSE response is wanted
     * @param passThrough caller headers to forward when {@link #isForwardable} (e.g. {@code anthropic-beta})
     * @throws UpstreamRequestException when an endpoint header cannot be resolved or is not a legal value
     */
    public UpstreamRequest build(ProviderEndpoint endpoint, CredentialCandidate credential, byte[] body, boolean stream,
            UpstreamHeaders passThrough) {
        UrlKey key = new UrlKey(endpoint.baseUrl(), endpoint.api());
        URI uri = urls.get(key);
        if (uri == null) {
            uri = url(endpoint);
            urls.putIfAbsent(key, uri);
        }
        UpstreamHeaders.Builder h = UpstreamHeaders.builder();
        for (UpstreamHeaders.Field f : passThrough.fields()) {
            if (isForwardable(f.name()) && isLegalValue(f.value())) {
                h.add(f.name().strip(), f.value());
            }
        }
        for (Map.Entry<String, SecretInput> e : endpoint.headers().entrySet()) {
            h.set(e.getKey(), headerValue(endpoint.provider(), e.getKey(), e.getValue()));
        }
        h.set("content-type", "application/json");
        h.set("accept", stream ? "text/event-stream" : "application/json");
        h.set("accept-encoding", "identity");
        Secret secret = credential == null ? null : credential.secret();
        switch (endpoint.api()) {
            case OPENAI_COMPLETIONS -> {
                if (secret != null) {
                    h.set("authorization", "Bearer " + checked(endpoint, "authorization", secret.reveal()));
                }
            }
            case ANTHROPIC_MESSAGES -> anthropicAuth(endpoint, secret, h);
            case CLI_BACKEND -> throw new UpstreamRequestException("Provider \"" + endpoint.provider()
                    + "\" is a CLI backend, not an HTTP endpoint.");
        }
        return new UpstreamRequest("POST", uri, h.build(), body, stream, endpoint.timeout());
    }

    private static void anthropicAuth(ProviderEndpoint endpoint, Secret secret, UpstreamHeaders.Builder h) {
        h.setIfAbsent("anthropic-version", ANTHROPIC_VERSION);
        if (secret == null) {
            return;
        }
        String key = checked(endpoint, "x-api-key", secret.reveal());
        boolean oauthToken = key.startsWith(ANTHROPIC_OAUTH_TOKEN_PREFIX);
        if (oauthToken || endpoint.authHeader()) {
            h.remove("x-api-key");
            h.set("authorization", "Bearer " + key);
            if (oauthToken) {
                h.set("anthropic-beta", mergeBetas(h.first("anthropic-beta").orElse(null), ANTHROPIC_OAUTH_BETA));
            }
        } else {
            h.set("x-api-key", key);
        }
    }

    /** {@code existing} comma list plus {@code beta}, de-duplicated, {@code beta} first. */
    static String mergeBetas(String existing, String beta) {
        Set<String> betas = new LinkedHashSet<>();
        betas.add(beta);
        if (existing != null) {
            for (String b : existing.split(",")) {
                if (!b.isBlank()) {
                    betas.add(b.strip());
                }
            }
        }
        return String.join(",", new ArrayList<>(betas));
    }

    private String headerValue(String provider, String name, SecretInput input) {
        return switch (input) {
            case SecretInput.Plain plain -> checkedValue(provider, name, plain.value());
            case SecretInput.Ref ref -> {
                Resolution resolution = resolver.apply(ref.ref());
                if (resolution instanceof Resolution.Failed failed) {
                    throw new UpstreamRequestException("Provider \"" + provider + "\": header \"" + name
                            + "\" (models.providers." + provider + ".headers) could not be resolved from SecretRef "
                            + failed.ref().key() + ": " + failed.message());
                }
                Secret value = resolution == null ? null : resolution.secret().orElse(null);
                if (value == null) {
                    throw new UpstreamRequestException("Provider \"" + provider + "\": header \"" + name
                            + "\" could not be resolved from SecretRef " + ref.ref().key() + ".");
                }
                yield checkedValue(provider, name, value.reveal());
            }
        };
    }

    private static String checked(ProviderEndpoint endpoint, String header, String value) {
        return checkedValue(endpoint.provider(), header, value);
    }

    private static String checkedValue(String provider, String name, String value) {
        if (!isLegalValue(value)) {
            throw new UpstreamRequestException("Provider \"" + provider + "\": the value of header \"" + name
                    + "\" contains a line break or control character.");
        }
        return value;
    }

    private static boolean isLegalValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** The names the factory never forwards from a caller (lower-case); for documentation and tests. */
    static List<String> notForwarded() {
        return List.copyOf(NOT_FORWARDED);
    }
}
