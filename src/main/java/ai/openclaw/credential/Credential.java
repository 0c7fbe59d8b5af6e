package ai.openclaw.credential;

/**
 * One stored credential of {@code auth-profiles.json}. The three variants mirror the file's {@code type}
 * field. Values are immutable; their {@code toString} never prints secret material.
 */
public sealed interface Credential permits ApiKeyCredential, TokenCredential, OAuthCredential {
    CredentialType type();

    /** Normalized (trimmed, lower-case) provider id. */
    String provider();

    ProfileMeta meta();

    default String email() {
        return meta().email();
    }

    default String displayName() {
        return meta().displayName();
    }
}
