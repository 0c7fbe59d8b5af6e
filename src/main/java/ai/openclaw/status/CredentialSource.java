package ai.openclaw.status;

/**
 * A credential found outside the profile store (environment, {@code models.json}, config).
 *
 * @param value   masked value or marker, never the secret itself
 * @param source  where it came from: {@code env: VAR}, {@code shell env: VAR}, {@code models.json: <path>}, ...
 * @param usable  false when it is a ref that does not resolve
 * @param problem why it is not usable (names the ref, never a value)
 */
public record CredentialSource(String value, String source, boolean usable, String problem) {}
