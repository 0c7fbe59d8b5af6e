package ai.openclaw.credential;

import ai.openclaw.core.Secret;
import ai.openclaw.secrets.SecretRef;
import java.util.Objects;

/**
 * {@code type: "token"}: a static bearer token (e.g. an Anthropic setup-token) that is never refreshed.
 *
 * @param expires epoch milliseconds; null means "does not expire"; 0 marks a value that was present but
 *                invalid in the file (the profile is then ineligible with {@code invalid_expires})
 */
public record TokenCredential(String provider, Secret token, SecretRef tokenRef, Long expires, ProfileMeta meta)
        implements Credential {
    public TokenCredential {
        Objects.requireNonNull(provider, "provider");
        meta = meta == null ? ProfileMeta.EMPTY : meta;
    }

    public static TokenCredential of(String provider, Secret token, Long expires) {
        return new TokenCredential(provider, token, null, expires, ProfileMeta.EMPTY);
    }

    @Override
    public CredentialType type() {
        return CredentialType.TOKEN;
    }

    @Override
    public String toString() {
        return "TokenCredential[provider=" + provider + ", token=" + token + ", tokenRef=" + tokenRef
                + ", expires=" + expires + "]";
    }
}
