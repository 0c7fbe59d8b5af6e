package ai.openclaw.credential;

import ai.openclaw.core.Secret;
import ai.openclaw.secrets.SecretRef;
import java.util.Map;
import java.util.Objects;

/**
 * {@code type: "api_key"}: a plaintext {@code key} or a {@code keyRef}. When both exist the ref wins and
 * the plaintext is not written back.
 */
public record ApiKeyCredential(String provider, Secret key, SecretRef keyRef, Map<String, String> metadata,
                               ProfileMeta meta) implements Credential {
    public ApiKeyCredential {
        Objects.requireNonNull(provider, "provider");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        meta = meta == null ? ProfileMeta.EMPTY : meta;
    }

    public static ApiKeyCredential of(String provider, Secret key) {
        return new ApiKeyCredential(provider, key, null, Map.of(), ProfileMeta.EMPTY);
    }

    @Override
    public CredentialType type() {
        return CredentialType.API_KEY;
    }

    @Override
    public String toString() {
        return "ApiKeyCredential[provider=" + provider + ", key=" + key + ", keyRef=" + keyRef + "]";
    }
}
