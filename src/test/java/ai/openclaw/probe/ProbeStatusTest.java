package ai.openclaw.probe;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.store.FailureReason;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeStatusTest {
    @Test
    void everyFailureReason_fallsInTheBucketOfTheReference() {
        Map<FailureReason, ProbeStatus> buckets = new EnumMap<>(FailureReason.class);
        for (FailureReason r : FailureReason.values()) {
            buckets.put(r, ProbeStatus.of(r));
        }
        assertThat(buckets).containsOnly(
                Map.entry(FailureReason.AUTH, ProbeStatus.AUTH),
                Map.entry(FailureReason.AUTH_PERMANENT, ProbeStatus.AUTH),
                Map.entry(FailureReason.RATE_LIMIT, ProbeStatus.RATE_LIMIT),
                Map.entry(FailureReason.OVERLOADED, ProbeStatus.RATE_LIMIT),
                Map.entry(FailureReason.BILLING, ProbeStatus.BILLING),
                Map.entry(FailureReason.TIMEOUT, ProbeStatus.TIMEOUT),
                Map.entry(FailureReason.FORMAT, ProbeStatus.FORMAT),
                Map.entry(FailureReason.MODEL_NOT_FOUND, ProbeStatus.FORMAT),
                Map.entry(FailureReason.SESSION_EXPIRED, ProbeStatus.UNKNOWN),
                Map.entry(FailureReason.EMPTY_RESPONSE, ProbeStatus.UNKNOWN),
                Map.entry(FailureReason.NO_ERROR_DETAILS, ProbeStatus.UNKNOWN),
                Map.entry(FailureReason.UNCLASSIFIED, ProbeStatus.UNKNOWN),
                Map.entry(FailureReason.UNKNOWN, ProbeStatus.UNKNOWN));
    }

    @Test
    void eligibilityCodes_passThroughOrBecomeIneligibleProfile() {
        assertThat(ProbeReasons.reasonCode("missing_credential")).isEqualTo("missing_credential");
        assertThat(ProbeReasons.reasonCode("expired")).isEqualTo("expired");
        assertThat(ProbeReasons.reasonCode("invalid_expires")).isEqualTo("invalid_expires");
        assertThat(ProbeReasons.reasonCode("unresolved_ref")).isEqualTo("unresolved_ref");
        assertThat(ProbeReasons.reasonCode("profile_missing")).isEqualTo("ineligible_profile");
        assertThat(ProbeReasons.reasonCode("provider_mismatch")).isEqualTo("ineligible_profile");
        assertThat(ProbeReasons.reasonCode("mode_mismatch")).isEqualTo("ineligible_profile");
    }
}
