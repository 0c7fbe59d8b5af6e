package ai.openclaw.credential;

import ai.openclaw.core.Secret;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * {@code type: "oauth"}: a refreshable login. OAuth credentials are rewritten by refreshes, so they never
 * hold SecretRefs (see the OAuth guard).
 *
 * @param expires  epoch milliseconds of the access token; 0 marks an invalid value read from the file
 * @param oauthRef legacy pointer to an encrypted sidecar (kept verbatim, only round-tripped)
 */
public record OAuthCredential(String provider, Secret access, Secret refresh, Secret idToken, Long expires,
                              String clientId, String enterpriseUrl, String projectId, String accountId,
                              String chatgptPlanType, JsonNode oauthRef, ProfileMeta meta) implements Credential {
    public OAuthCredential {
        Objects.requireNonNull(provider, "provider");
        meta = meta == null ? ProfileMeta.EMPTY : meta;
        oauthRef = oauthRef == null ? null : oauthRef.deepCopy();
    }

    @Override
    public CredentialType type() {
        return CredentialType.OAUTH;
    }

    @Override
    public JsonNode oauthRef() {
        return oauthRef == null ? null : oauthRef.deepCopy();
    }

    @Override
    public String toString() {
        return "OAuthCredential[provider=" + provider + ", access=" + access + ", refresh=" + refresh
                + ", expires=" + expires + ", accountId=" + accountId + ", email=" + meta.email() + "]";
    }
}
