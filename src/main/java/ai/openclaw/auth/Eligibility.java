package ai.openclaw.auth;

/**
 * Whether a profile can be used, and if not, why.
 *
 * @param detail a sentence for people (names refs as {@code source:provider:id}, never values); null when ok
 */
public record Eligibility(ReasonCode code, String detail) {
    public static final Eligibility OK = new Eligibility(ReasonCode.OK, null);

    public static Eligibility of(ReasonCode code, String detail) {
        return new Eligibility(code, detail);
    }

    public boolean ok() {
        return code == ReasonCode.OK;
    }
}
