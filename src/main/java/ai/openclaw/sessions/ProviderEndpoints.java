package ai.openclaw.sessions;

import java.util.Optional;

/** Where a provider's requests go, for {@code /model status}; the provider catalog implements it. */
@FunctionalInterface
public interface ProviderEndpoints {
    /** Empty when nothing is known: the line then says {@code endpoint: default}. */
    Optional<EndpointInfo> describe(String provider);

    /**
     * @param baseUrl the request base URL, or null for the provider's default
     * @param api     the wire protocol ({@code openai-completions}, {@code anthropic-messages}), or null
     */
    record EndpointInfo(String baseUrl, String api) {}
}
