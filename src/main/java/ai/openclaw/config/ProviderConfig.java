package ai.openclaw.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * {@code models.providers.<id>}. Only the fields the credential runtime needs are typed; everything else
 * stays available in {@link #raw()}. Optional fields are null when the file does not set them.
 *
 * @param id             the provider id as written in the file
 * @param baseUrl        request base URL
 * @param api            request adapter ({@code openai-completions}, {@code anthropic-messages}, ...)
 * @param apiKey         the key, inline or as a SecretRef
 * @param auth           how requests authenticate
 * @param headers        extra request headers, values inline or SecretRefs, in file order (never null)
 * @param authHeader     send {@code Authorization: Bearer} instead of the vendor header
 * @param timeoutSeconds request timeout, positive
 * @param models         declared models (never null)
 * @param raw            the whole provider object after substitution (a copy on every access)
 */
public record ProviderConfig(
        String id,
        String baseUrl,
        String api,
        SecretInput apiKey,
        ProviderAuth auth,
        Map<String, SecretInput> headers,
        Boolean authHeader,
        Integer timeoutSeconds,
        List<ModelDefinition> models,
        JsonNode raw) {

    public ProviderConfig {
        Objects.requireNonNull(id, "id");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        models = List.copyOf(models);
        raw = raw.deepCopy();
    }

    @Override
    public JsonNode raw() {
        return raw.deepCopy();
    }

    /** Leaves out {@link #raw()} and header values, which may hold secrets. */
    @Override
    public String toString() {
        return "ProviderConfig[id=" + id + ", baseUrl=" + baseUrl + ", api=" + api + ", apiKey=" + apiKey
                + ", headers=" + headers.keySet() + ", models=" + models.size() + "]";
    }
}
