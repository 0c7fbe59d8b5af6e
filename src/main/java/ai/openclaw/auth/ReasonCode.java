package ai.openclaw.auth;

import java.util.Locale;

/** Why a profile can or cannot serve a provider; the wire names are OpenClaw's. */
public enum ReasonCode {
    OK, MISSING_CREDENTIAL, EXPIRED, INVALID_EXPIRES, UNRESOLVED_REF, PROFILE_MISSING, PROVIDER_MISMATCH,
    MODE_MISMATCH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean ok() {
        return this == OK;
    }
}
