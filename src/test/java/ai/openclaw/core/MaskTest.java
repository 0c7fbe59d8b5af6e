package ai.openclaw.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MaskTest {
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n", "\u0000\u0007"})
    void apiKey_isMissingForNullBlankOrOnlyControlCharacters(String value) {
        assertThat(Mask.apiKey(value)).isEqualTo("missing");
    }

    @Test
    void apiKey_upToSixCharacters_keepsFirstAndLastOne() {
        assertThat(Mask.apiKey("a")).isEqualTo("a...a");
        assertThat(Mask.apiKey("abc")).isEqualTo("a...c");
        assertThat(Mask.apiKey("abcdef")).isEqualTo("a...f");
    }

    @Test
    void apiKey_sevenToSixteenCharacters_keepsTwoOnEachSide() {
        assertThat(Mask.apiKey("abcdefg")).isEqualTo("ab...fg");
        assertThat(Mask.apiKey("0123456789abcdef")).isEqualTo("01...ef");
    }

    @Test
    void apiKey_longerThanSixteen_keepsEightOnEachSide() {
        assertThat(Mask.apiKey("0123456789abcdefg")).isEqualTo("01234567...9abcdefg");
        assertThat(Mask.apiKey("sk-ant-api03-MIDDLEPART-12345678")).isEqualTo("sk-ant-a...12345678");
    }

    @Test
    void apiKey_trimsSurroundingWhitespaceBeforeMeasuring() {
        assertThat(Mask.apiKey("  abcdef  ")).isEqualTo("a...f");
    }

    @Test
    void apiKey_dropsControlCharactersBeforeMeasuring() {
        // 6 visible characters once the control characters are gone: the <=6 rule applies
        assertThat(Mask.apiKey("abc\u0000\u001b\ndef")).isEqualTo("a...f");
        assertThat(Mask.apiKey("ab\u0007cdefgh")).isEqualTo("ab...gh");
    }

    @Test
    void apiKey_neverReturnsTheMiddleOfALongSecret() {
        assertThat(Mask.apiKey("sk-AAAAAAAA-SECRETMIDDLE-BBBBBBBB")).doesNotContain("SECRETMIDDLE");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void opaque_isMissingForNullOrEmpty(String value) {
        assertThat(Mask.opaque(value)).isEqualTo("missing");
    }

    @Test
    void opaque_revealsOnlyTheLength() {
        assertThat(Mask.opaque("sk-secret")).isEqualTo("***(9 chars)");
        assertThat(Mask.opaque("x")).isEqualTo("***(1 chars)");
    }
}
