package ai.openclaw.oauth.refresh;

import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.ProfileMeta;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The credential saved after a refresh: the provider's answer over the stored credential ({@code {...old, ...new,
 * type: "oauth"}}, logins §2.12), field by field. Nothing is ever blanked: a field the refresher left empty keeps
 * the stored value, so a provider that does not rotate the refresh token keeps the old one.
 */
final class CredentialMerge {
    private CredentialMerge() {}

    static OAuthCredential over(OAuthCredential stored, OAuthCredential refreshed) {
        ProfileMeta a = stored.meta();
        ProfileMeta b = refreshed.meta();
        Map<String, JsonNode> extras = new LinkedHashMap<>(a.extras());
        extras.putAll(b.extras());
        ProfileMeta meta = new ProfileMeta(or(b.email(), a.email()), or(b.displayName(), a.displayName()),
                or(b.copyToAgents(), a.copyToAgents()), extras);
        return new OAuthCredential(stored.provider(),
                or(refreshed.access(), stored.access()),
                or(refreshed.refresh(), stored.refresh()),
                or(refreshed.idToken(), stored.idToken()),
                or(refreshed.expires(), stored.expires()),
                or(refreshed.clientId(), stored.clientId()),
                or(refreshed.enterpriseUrl(), stored.enterpriseUrl()),
                or(refreshed.projectId(), stored.projectId()),
                or(refreshed.accountId(), stored.accountId()),
                or(refreshed.chatgptPlanType(), stored.chatgptPlanType()),
                or(refreshed.oauthRef(), stored.oauthRef()),
                meta);
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
