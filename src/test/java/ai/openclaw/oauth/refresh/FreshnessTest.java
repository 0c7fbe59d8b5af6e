package ai.openclaw.oauth.refresh;

import static ai.openclaw.oauth.refresh.RefreshFixture.oauth;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testing.SettableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FreshnessTest {
    private static final long NOW = 1_750_000_000_000L;
    private static final long MARGIN = Freshness.DEFAULT_MARGIN_MS;

    @Test
    void moreThanFiveMinutesLeft_isFresh_thenRefreshDue_thenExpired_asTheClockMoves() {
        SettableClock clock = new SettableClock(NOW);
        var c = oauth("at-0123456789abcdef", "rt-0123456789abcdef", NOW + Duration.ofMinutes(10).toMillis());

        assertThat(Freshness.of(c, clock.millis(), MARGIN)).isEqualTo(Freshness.FRESH);
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(Freshness.of(c, clock.millis(), MARGIN)).as("5 min + 1 ms left").isEqualTo(Freshness.FRESH);
        clock.advance(Duration.ofMillis(1));
        assertThat(Freshness.of(c, clock.millis(), MARGIN)).as("exactly 5 min left").isEqualTo(Freshness.REFRESH_DUE);
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(Freshness.of(c, clock.millis(), MARGIN)).as("1 ms left").isEqualTo(Freshness.REFRESH_DUE);
        clock.advance(Duration.ofMillis(1));
        assertThat(Freshness.of(c, clock.millis(), MARGIN)).as("expiry reached").isEqualTo(Freshness.EXPIRED);
    }

    @Test
    void noAccessToken_orAnInvalidExpiry_isExpired() {
        assertThat(Freshness.of(oauth(null, "rt-0123456789abcdef", NOW + 3_600_000), NOW, MARGIN))
                .isEqualTo(Freshness.EXPIRED);
        assertThat(Freshness.of(oauth("at-0123456789abcdef", "rt-0123456789abcdef", 0L), NOW, MARGIN))
                .isEqualTo(Freshness.EXPIRED);
    }

    @Test
    void noExpiryRecorded_isFresh() {
        assertThat(Freshness.of(oauth("at-0123456789abcdef", "rt-0123456789abcdef", null), NOW, MARGIN))
                .isEqualTo(Freshness.FRESH);
    }
}
