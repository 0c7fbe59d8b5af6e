package ai.openclaw.providers;

import ai.openclaw.config.SecretInput;
import java.time.Duration;
import java.util.Map;

/**
 * Where and how to call one provider: the built-in catalog entry merged with {@code models.providers.<id>}.
 *
 * @param headers    extra headers (values may be SecretRefs, resolved per call)
 * @param authHeader true to send {@code Authorization: Bearer} even for {@code anthropic-messages}
 * @param local      true for endpoints that need no credential (loopback/private baseUrl without a key)
 */
public record ProviderEndpoint(String provider, String baseUrl, ApiKind api, Map<String, SecretInput> headers,
                               boolean authHeader, Duration timeout, boolean local) {
    public ProviderEndpoint {
        headers = Map.copyOf(headers);
    }
}
