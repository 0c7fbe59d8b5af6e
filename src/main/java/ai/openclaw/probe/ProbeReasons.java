package ai.openclaw.probe;

import ai.openclaw.auth.ReasonCode;

/** The reason codes and texts of rows decided without a model call (store-and-selection §4.4). */
public final class ProbeReasons {
    public static final String EXCLUDED_BY_AUTH_ORDER = "excluded_by_auth_order";
    public static final String EXCLUDED_TEXT = "Excluded by auth.order for this provider.";
    public static final String INELIGIBLE_PROFILE = "ineligible_profile";
    /** The stable first line of an ineligible profile's error, for scripts. */
    public static final String INELIGIBLE_TEXT = "Auth profile credentials are missing or expired.";
    /** The first line of an environment / models.json key that cannot be used. */
    public static final String KEY_UNUSABLE_TEXT = "The key cannot be used.";
    public static final String NO_MODEL = "no_model";
    public static final String NO_MODEL_TEXT = "No model available for probe";

    private ProbeReasons() {}

    /**
     * The probe reason code of an eligibility code: {@code missing_credential}, {@code expired},
     * {@code invalid_expires} and {@code unresolved_ref} pass through; {@code profile_missing},
     * {@code provider_mismatch} and {@code mode_mismatch} become {@code ineligible_profile}; codes of routing's own
     * ({@code unknown_provider}) pass through too.
     */
    public static String reasonCode(String eligibilityCode) {
        if (eligibilityCode.equals(ReasonCode.PROFILE_MISSING.wireName())
                || eligibilityCode.equals(ReasonCode.PROVIDER_MISMATCH.wireName())
                || eligibilityCode.equals(ReasonCode.MODE_MISMATCH.wireName())) {
            return INELIGIBLE_PROFILE;
        }
        return eligibilityCode;
    }

    /** {@code <first line>\n↳ Auth reason [<code>]: <detail>}; the detail names refs, never values. */
    public static String twoLines(String firstLine, String eligibilityCode, String detail) {
        return firstLine + "\n↳ Auth reason [" + eligibilityCode + "]: "
                + (detail == null || detail.isBlank() ? describe(eligibilityCode) : detail);
    }

    /** A sentence for a code that came without a detail (routing reports codes only). */
    static String describe(String code) {
        return switch (code) {
            case "expired" -> "the access token has expired or expires within 5 minutes and needs a refresh";
            case "invalid_expires" -> "expires is not a valid epoch-milliseconds timestamp";
            case "unresolved_ref" -> "the SecretRef could not be resolved";
            case "missing_credential" -> "no credential is stored or set";
            case "profile_missing" -> "no stored credential with this id";
            default -> code.replace('_', ' ');
        };
    }
}
