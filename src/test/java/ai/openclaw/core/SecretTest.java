package ai.openclaw.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {
    private static final String VALUE = "sk-ant-api03-TOPSECRETVALUE-xyz";

    @Test
    void toString_neverContainsTheValueOrAnyPartOfIt() {
        Secret s = Secret.of(VALUE);
        assertThat(s.toString())
                .doesNotContain(VALUE)
                .doesNotContain("TOPSECRET")
                .doesNotContain("sk-ant")
                .isEqualTo("Secret[***(" + VALUE.length() + " chars)]");
        assertThat("prefix " + s).doesNotContain("TOPSECRET");
    }

    @Test
    void reveal_returnsTheTrimmedValue() {
        assertThat(Secret.of("  " + VALUE + "\n").reveal()).isEqualTo(VALUE);
    }

    @Test
    void masked_usesTheStatusMask() {
        assertThat(Secret.of(VALUE).masked()).isEqualTo("sk-ant-a...ALUE-xyz");
    }

    @Test
    void equality_followsTheValue() {
        assertThat(Secret.of("abc")).isEqualTo(Secret.of(" abc ")).hasSameHashCodeAs(Secret.of("abc"));
        assertThat(Secret.of("abc")).isNotEqualTo(Secret.of("abd"));
        assertThat(Secret.of("abc")).isNotEqualTo("abc");
    }

    @Test
    void ofNullable_returnsNullForNullOrBlank() {
        assertThat(Secret.ofNullable(null)).isNull();
        assertThat(Secret.ofNullable("  \t")).isNull();
        assertThat(Secret.ofNullable(" x ")).isEqualTo(Secret.of("x"));
    }

    @Test
    void of_rejectsBlankWithoutEchoingInput() {
        assertThatThrownBy(() -> Secret.of("   ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
