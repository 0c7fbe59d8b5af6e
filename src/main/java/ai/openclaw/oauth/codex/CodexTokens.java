package ai.openclaw.oauth.codex;

import ai.openclaw.core.Secret;
import java.util.Objects;

/**
 * A successful answer of the token endpoint. {@code toString} masks every token ({@link Secret}).
 *
 * @param idToken   the OpenID id token, or null when the endpoint sent none (refresh answers may omit it)
 * @param expiresAt epoch milliseconds: the time of the answer plus {@code expires_in} (no skew subtracted, §2.7)
 */
public record CodexTokens(Secret access, Secret refresh, Secret idToken, long expiresAt) {
    public CodexTokens {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(refresh, "refresh");
    }
}
