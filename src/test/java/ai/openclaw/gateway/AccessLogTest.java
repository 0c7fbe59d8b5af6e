package ai.openclaw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AccessLogTest {
    @Test
    void latency_isFormattedExactlyLikeStringFormat() {
        // the hand-written formatting replaced String.format("%.2f"); it must print the same digits (half-up)
        for (long micros = 0; micros <= 200_000; micros++) {
            check(micros);
        }
        for (long micros : new long[] {999_995, 1_234_565, 86_400_000_000L, 999_999_999_995L, 1_000_000_000_000L,
                1_000_000_000_001L, -1, -15}) {
            check(micros);
        }
    }

    private static void check(long micros) {
        StringBuilder sb = new StringBuilder();
        AccessLog.appendMillis(sb, micros);
        assertThat(sb.toString()).as("%d µs", micros)
                .isEqualTo(String.format(Locale.ROOT, "%.2f", micros / 1000.0));
    }

    @Test
    void oneLinePerRequest() {
        StringWriter out = new StringWriter();
        new AccessLog(new PrintWriter(out, true)).log(new AccessLog.Entry(0, "POST", "/v1/chat/completions", 200,
                "main", "mock/gpt 4o", null, "mock:a:ok", 200, 1_234));
        assertThat(out.toString()).isEqualTo("1970-01-01T00:00:00Z POST /v1/chat/completions 200 agent=main"
                + " model=mock/gpt_4o credential=- attempts=mock:a:ok upstream=200 latency_ms=1.23"
                + System.lineSeparator());
    }
}
