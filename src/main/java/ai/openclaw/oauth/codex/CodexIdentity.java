package ai.openclaw.oauth.codex;

import ai.openclaw.core.Secret;
import ai.openclaw.oauth.JwtPayload;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Who a set of Codex tokens belongs to, read from the claims OpenAI puts in its JWTs (logins §1.4, §2.8). Nothing
 * here is verified: the tokens came straight from the token endpoint over TLS, and the values only label and route
 * the credential.
 *
 * @param accountId     {@code https://api.openai.com/auth}.{@code chatgpt_account_id} of the access token (sent as
 *                      the {@code chatgpt-account-id} header on Codex calls); null when absent
 * @param email         {@code https://api.openai.com/profile}.{@code email} of the access token, else the id token's
 *                      {@code email}; null when neither has one
 * @param planType      {@code https://api.openai.com/auth}.{@code chatgpt_plan_type}, or null
 * @param stableSubject the first of the auth claim's {@code chatgpt_account_user_id}, {@code chatgpt_user_id},
 *                      {@code user_id}, then {@code <iss>|<sub>}, then {@code sub}; null when none
 */
public record CodexIdentity(String accountId, String email, String planType, String stableSubject) {
    public static final String AUTH_CLAIM = "https://api.openai.com/auth";
    public static final String PROFILE_CLAIM = "https://api.openai.com/profile";
    /** Profile name when the tokens say nothing about who they belong to. */
    public static final String DEFAULT_NAME = "default";

    /** Reads the access token and, for the e-mail only, the id token (either may be null or not a JWT). */
    public static CodexIdentity of(Secret access, Secret idToken) {
        Optional<JwtPayload> a = payload(access);
        Optional<JwtPayload> id = payload(idToken);
        String accountId = a.flatMap(p -> p.string(AUTH_CLAIM, "chatgpt_account_id")).orElse(null);
        String email = a.flatMap(p -> p.string(PROFILE_CLAIM, "email"))
                .or(() -> id.flatMap(p -> p.string("email")))
                .orElse(null);
        String plan = a.flatMap(p -> p.string(AUTH_CLAIM, "chatgpt_plan_type")).orElse(null);
        String subject = a.flatMap(CodexIdentity::stableSubject).orElse(null);
        return new CodexIdentity(accountId, email, plan, subject);
    }

    private static Optional<JwtPayload> payload(Secret token) {
        return token == null ? Optional.empty() : JwtPayload.decode(token.reveal());
    }

    private static Optional<String> stableSubject(JwtPayload p) {
        Optional<String> iss = p.string("iss");
        Optional<String> sub = p.string("sub");
        return p.string(AUTH_CLAIM, "chatgpt_account_user_id")
                .or(() -> p.string(AUTH_CLAIM, "chatgpt_user_id"))
                .or(() -> p.string(AUTH_CLAIM, "user_id"))
                .or(() -> iss.isPresent() && sub.isPresent() ? Optional.of(iss.get() + "|" + sub.get()) : Optional.empty())
                .or(() -> sub);
    }

    /**
     * The name part of the profile id ({@code openai-codex:<name>}, §1.4): the e-mail; else
     * {@code id-<base64url(stableSubject)>}; else {@value #DEFAULT_NAME}.
     */
    public String profileName() {
        if (email != null) {
            return email;
        }
        if (stableSubject != null) {
            return "id-" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(stableSubject.getBytes(StandardCharsets.UTF_8));
        }
        return DEFAULT_NAME;
    }
}
