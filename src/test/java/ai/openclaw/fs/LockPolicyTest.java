package ai.openclaw.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LockPolicyTest {
    @Test
    void constants_matchTheReferenceRetryPolicies() {
        assertThat(LockPolicy.STORE).isEqualTo(new LockPolicy(10, 2, 100, 10_000, true, 30_000));
        assertThat(LockPolicy.OAUTH_REFRESH).isEqualTo(new LockPolicy(20, 2, 100, 10_000, true, 180_000));
    }

    @Test
    void backoffMs_growsExponentiallyFromMinAndIsCappedAtMax() {
        LockPolicy policy = new LockPolicy(6, 2, 100, 1000, false, 30_000);

        assertThat(IntStream.range(0, 6).mapToLong(attempt -> policy.backoffMs(attempt, 0.99)).toArray())
                .containsExactly(100, 200, 400, 800, 1000, 1000);
    }

    @Test
    void backoffMs_randomizedScalesByOnePlusRandomAndStaysBelowMax() {
        LockPolicy policy = new LockPolicy(10, 2, 100, 1000, true, 30_000);

        assertThat(policy.backoffMs(0, 0.0)).isEqualTo(100);
        assertThat(policy.backoffMs(0, 0.5)).isEqualTo(150);
        assertThat(policy.backoffMs(2, 0.5)).isEqualTo(600);
        assertThat(policy.backoffMs(3, 0.5)).isEqualTo(1000);
    }

    @Test
    void totalBackoffMs_sumsUnrandomizedDelays() {
        assertThat(new LockPolicy(3, 2, 10, 25, true, 1000).totalBackoffMs()).isEqualTo(10 + 20 + 25);
        assertThat(LockPolicy.STORE.withRetries(0).totalBackoffMs()).isZero();
        assertThat(LockPolicy.STORE.totalBackoffMs()).isEqualTo(42_700);
    }

    @Test
    void constructor_rejectsNonsense() {
        assertThatThrownBy(() -> new LockPolicy(-1, 2, 1, 2, false, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockPolicy(1, 0.5, 1, 2, false, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockPolicy(1, 2, 5, 2, false, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockPolicy(1, 2, 1, 2, false, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
