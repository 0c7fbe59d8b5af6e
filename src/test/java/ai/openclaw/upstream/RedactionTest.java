package ai.openclaw.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.core.Secret;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "key sk-abcdefghijklmnop here                 | key sk-*** here",
            "sk-proj-abcdefghijklmnopqrstuvwx             | sk-proj-***",
            "sk-ant-api03-abcdefghijklmnop                | sk-ant-api03-***",
            "sk-ant-oat01-abcdefghijklmnop                | sk-ant-oat01-***",
            "sk-or-v1-0123456789abcdef                    | sk-or-v1-***",
            "Authorization: Bearer abc.def-ghi_jkl        | Authorization: Bearer ***",
            "use bearer   tok123456 please                | use bearer   *** please",
            "https://x/v1?key=AIzaSyA1234567890abcdefghijk | https://x/v1?key=***",
            "AIzaSyA1234567890abcdefghijkl                | AIza***",
            "gsk_abcdefghijklmnop and xai-abcdefghijklm   | gsk_*** and xai-***",
            "'{\"api_key\": \"custom-value-1\"}'          | '{\"api_key\": \"***\"}'",
            "x-api-key: custom-value-2                    | x-api-key: ***",
            "no secrets in here, task-manager ok          | no secrets in here, task-manager ok",
    })
    void masksKnownShapes(String input, String expected) {
        assertThat(Redaction.redact(input)).isEqualTo(expected);
    }

    @Test
    void knownSecrets_andNulls() {
        assertThat(Redaction.redact("value=topsecret!", List.of(Secret.of("topsecret!")))).isEqualTo("value=***");
        assertThat(Redaction.redact(null)).isNull();
        assertThat(Redaction.forMessage(null)).isNull();
    }

    @Test
    void forMessage_isOneLine_andBounded() {
        assertThat(Redaction.forMessage("a\n\tb\r\n c")).isEqualTo("a b c");
        String longText = "z".repeat(498) + "\uD83D\uDE00" + "tail";
        String out = Redaction.forMessage(longText);
        assertThat(out.length()).isLessThanOrEqualTo(Redaction.MAX_MESSAGE_CHARS);
        assertThat(out).endsWith("…");
        assertThat(Character.isHighSurrogate(out.charAt(out.length() - 2))).isFalse();
    }
}
