package ai.openclaw.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    private static final long S = 1_000;
    private static final long M = 60 * S;
    private static final long H = 60 * M;
    private static final long D = 24 * H;

    @Test
    void remaining_isZeroMinutesWhenDueOrPast() {
        assertThat(Durations.remaining(0)).isEqualTo("0m");
        assertThat(Durations.remaining(-5 * M)).isEqualTo("0m");
    }

    @Test
    void remaining_underOneMinute_isOneMinute() {
        assertThat(Durations.remaining(1)).isEqualTo("1m");
        assertThat(Durations.remaining(29 * S)).isEqualTo("1m");
        assertThat(Durations.remaining(59 * S)).isEqualTo("1m");
    }

    @Test
    void remaining_belowAnHour_isRoundedMinutes() {
        assertThat(Durations.remaining(5 * M)).isEqualTo("5m");
        assertThat(Durations.remaining(5 * M + 31 * S)).isEqualTo("6m");
        assertThat(Durations.remaining(59 * M)).isEqualTo("59m");
    }

    @Test
    void remaining_fromOneHourBelowFortyEightHours_isRoundedHours() {
        assertThat(Durations.remaining(60 * M)).isEqualTo("1h");
        assertThat(Durations.remaining(89 * M)).isEqualTo("1h");
        assertThat(Durations.remaining(90 * M)).isEqualTo("2h");
        assertThat(Durations.remaining(24 * H)).isEqualTo("24h");
        assertThat(Durations.remaining(47 * H)).isEqualTo("47h");
    }

    @Test
    void remaining_fortyEightHoursAndMore_isRoundedDays() {
        assertThat(Durations.remaining(48 * H)).isEqualTo("2d");
        assertThat(Durations.remaining(59 * H)).isEqualTo("2d");
        assertThat(Durations.remaining(60 * H)).isEqualTo("3d");
        assertThat(Durations.remaining(365 * D)).isEqualTo("365d");
    }

    @ParameterizedTest
    @CsvSource({
            "365d, 31536000000",
            "12h, 43200000",
            "30m, 1800000",
            "45s, 45000",
            "2w, 1209600000",
            "500ms, 500",
            "7, 604800000",
            "1.5h, 5400000",
            "' 12H ', 43200000",
            "'10 m', 600000"
    })
    void parseMillis_acceptsUnitsAndTreatsBareNumbersAsDays(String text, long expected) {
        assertThat(Durations.parseMillis(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "abc", "12x", "-1d", "d", "1d2h", "1,5h"})
    void parseMillis_rejectsMalformedTextWithAnExample(String text) {
        assertThatThrownBy(() -> Durations.parseMillis(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("365d");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0d", "0.0001ms"})
    void parseMillis_rejectsDurationsThatAreNotPositive(String text) {
        assertThatThrownBy(() -> Durations.parseMillis(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
    }
}
