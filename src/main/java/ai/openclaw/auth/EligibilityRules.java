package ai.openclaw.auth;

import ai.openclaw.config.AuthConfig;
import ai.openclaw.config.AuthMode;
import ai.openclaw.config.AuthProfileConfig;
import ai.openclaw.core.ProviderIds;
import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.CredentialType;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.TokenCredential;
import ai.openclaw.secrets.SecretRef;
import ai.openclaw.secrets.SecretRefs;
import ai.openclaw.store.AuthStore;
import java.util.Optional;

/**
 * The eligibility rules of OpenClaw's auth semantics, in one place, used by {@code models status},
 * {@code doctor}, ordering and (later) the gateway.
 */
public final class EligibilityRules {
    private EligibilityRules() {}

    /** Whether the stored credential itself is usable ({@code ok}, {@code missing_credential}, ...). */
    public static Eligibility ofCredential(Credential credential, long now, RefCheck refs) {
        return switch (credential) {
            case ApiKeyCredential k -> secretOrRef(k.key(), k.keyRef(), refs, "key");
            case TokenCredential t -> token(t, now, refs);
            case OAuthCredential o -> oauth(o);
        };
    }

    private static Eligibility token(TokenCredential t, long now, RefCheck refs) {
        if (t.token() == null && t.tokenRef() == null) {
            return Eligibility.of(ReasonCode.MISSING_CREDENTIAL, "no token or tokenRef stored");
        }
        ExpiryState expiry = ExpiryState.of(t.expires(), now, 0);
        if (expiry == ExpiryState.INVALID_EXPIRES) {
            return Eligibility.of(ReasonCode.INVALID_EXPIRES, "expires is not a valid epoch-milliseconds timestamp");
        }
        if (expiry == ExpiryState.EXPIRED) {
            return Eligibility.of(ReasonCode.EXPIRED, "token expired");
        }
        return secretOrRef(t.token(), t.tokenRef(), refs, "token");
    }

    private static Eligibility oauth(OAuthCredential o) {
        // an expired access token is still eligible: the refresh token can renew it
        if (o.access() != null || o.refresh() != null) {
            return Eligibility.OK;
        }
        if (o.oauthRef() != null) {
            return Eligibility.of(ReasonCode.UNRESOLVED_REF,
                    "tokens live in an encrypted oauthRef sidecar; run `openclaw doctor --fix` to inline them");
        }
        return Eligibility.of(ReasonCode.MISSING_CREDENTIAL, "no access or refresh token stored");
    }

    /** A ref wins over plaintext; plaintext that is itself a ref shorthand ({@code ${VAR}}) is resolved too. */
    private static Eligibility secretOrRef(Secret plain, SecretRef ref, RefCheck refs, String field) {
        SecretRef effective = ref;
        if (effective == null && plain != null) {
            effective = SecretRefs.fromShorthand(plain.reveal()).orElse(null);
        }
        if (effective != null) {
            Optional<String> failure = refs.failure(effective);
            return failure.map(msg -> Eligibility.of(ReasonCode.UNRESOLVED_REF, msg)).orElse(Eligibility.OK);
        }
        if (plain == null) {
            return Eligibility.of(ReasonCode.MISSING_CREDENTIAL, "no " + field + " or " + field + "Ref stored");
        }
        return Eligibility.OK;
    }

    /**
     * Whether profile {@code profileId} can serve {@code provider}: it must exist (config-only {@code aws-sdk}
     * profiles count), belong to the provider, match the configured mode, and hold a usable credential.
     */
    public static Eligibility forProvider(String profileId, String provider, AuthStore store, AuthConfig config,
                                          long now, RefCheck refs) {
        AuthProfileConfig configured = config.profiles().get(profileId);
        Credential credential = store.profile(profileId);
        String wanted = ProviderIds.normalize(provider);
        if (credential == null) {
            if (configured != null && configured.mode() == AuthMode.AWS_SDK
                    && ProviderIds.normalize(configured.provider()).equals(wanted)) {
                return Eligibility.OK;
            }
            return Eligibility.of(ReasonCode.PROFILE_MISSING, "no stored credential with this id");
        }
        if (!ProviderIds.normalize(credential.provider()).equals(wanted)) {
            return Eligibility.of(ReasonCode.PROVIDER_MISMATCH,
                    "stored for provider " + credential.provider() + ", not " + wanted);
        }
        if (configured != null && !modeAccepts(configured.mode(), credential.type())) {
            return Eligibility.of(ReasonCode.MODE_MISMATCH, "config mode " + configured.mode().wireName()
                    + " does not accept a stored " + credential.type().wireName() + " credential");
        }
        if (configured != null && configured.mode() == AuthMode.OAUTH && OAuthRefPolicy.usesRef(credential)) {
            return Eligibility.of(ReasonCode.UNRESOLVED_REF,
                    "OAuth + SecretRef is not supported (config mode is oauth)");
        }
        return ofCredential(credential, now, refs);
    }

    /** Config {@code mode} must equal the stored type, except that {@code oauth} also accepts a {@code token}. */
    public static boolean modeAccepts(AuthMode mode, CredentialType type) {
        return switch (mode) {
            case API_KEY -> type == CredentialType.API_KEY;
            case TOKEN -> type == CredentialType.TOKEN;
            case OAUTH -> type == CredentialType.OAUTH || type == CredentialType.TOKEN;
            case AWS_SDK -> false;
        };
    }
}
