package ai.openclaw.oauth.refresh;

import ai.openclaw.core.ProviderIds;
import ai.openclaw.credential.OAuthCredential;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether two OAuth credentials belong to the same login (logins §2.13), so that one may replace the other when a
 * refreshed credential is adopted from or mirrored into another agent's store.
 */
final class Identity {
    private Identity() {}

    /**
     * True when {@code incoming} may replace {@code existing}: same provider (for {@code github-copilot} also the same
     * enterprise), then equal account ids when both have one, else equal e-mails (trimmed, lower-cased) when both
     * have one; an existing credential with an identity that cannot be compared is not replaced.
     */
    static boolean compatible(OAuthCredential existing, OAuthCredential incoming) {
        if (!ProviderIds.normalize(existing.provider()).equals(ProviderIds.normalize(incoming.provider()))) {
            return false;
        }
        if (ProviderIds.normalize(existing.provider()).equals("github-copilot")
                && !Objects.equals(trim(existing.enterpriseUrl()), trim(incoming.enterpriseUrl()))) {
            return false;
        }
        String a1 = trim(existing.accountId());
        String a2 = trim(incoming.accountId());
        if (a1 != null && a2 != null) {
            return a1.equals(a2);
        }
        String e1 = email(existing);
        String e2 = email(incoming);
        if (e1 != null && e2 != null) {
            return e1.equals(e2);
        }
        return a1 == null && e1 == null;
    }

    /** Same provider, tokens, expiry and identity fields: nothing would change by replacing one with the other. */
    static boolean equivalent(OAuthCredential a, OAuthCredential b) {
        return ProviderIds.normalize(a.provider()).equals(ProviderIds.normalize(b.provider()))
                && Objects.equals(a.access(), b.access())
                && Objects.equals(a.refresh(), b.refresh())
                && Objects.equals(a.expires(), b.expires())
                && Objects.equals(a.email(), b.email())
                && Objects.equals(a.enterpriseUrl(), b.enterpriseUrl())
                && Objects.equals(a.projectId(), b.projectId())
                && Objects.equals(a.accountId(), b.accountId())
                && Objects.equals(a.idToken(), b.idToken());
    }

    private static String email(OAuthCredential c) {
        String e = trim(c.email());
        return e == null ? null : e.toLowerCase(Locale.ROOT);
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
