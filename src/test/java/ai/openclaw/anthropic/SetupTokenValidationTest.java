package ai.openclaw.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SetupTokenValidationTest {
    private static final String BODY_67 = "a".repeat(67);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("null", null, "Required"),
                Arguments.of("empty", "", "Required"),
                Arguments.of("blanks only", "  \t\n ", "Required"),
                Arguments.of("an API key", "sk-ant-api03-" + BODY_67, "Expected token starting with sk-ant-oat01-"),
                Arguments.of("prefix in the wrong case", "SK-ANT-OAT01-" + BODY_67,
                        "Expected token starting with sk-ant-oat01-"),
                Arguments.of("another oat version", "sk-ant-oat02-" + BODY_67,
                        "Expected token starting with sk-ant-oat01-"),
                Arguments.of("the prefix alone", "sk-ant-oat01-", "Token looks too short; paste the full setup-token"),
                Arguments.of("79 characters", "sk-ant-oat01-" + "a".repeat(66),
                        "Token looks too short; paste the full setup-token"),
                Arguments.of("79 characters padded to 80 with blanks", " sk-ant-oat01-" + "a".repeat(66),
                        "Token looks too short; paste the full setup-token"),
                Arguments.of("exactly 80 characters", "sk-ant-oat01-" + BODY_67, null),
                Arguments.of("a full token with surrounding blanks and newline", "  sk-ant-oat01-" + "b".repeat(95)
                        + "\n", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void problem_followsTheSetupTokenRules(String name, String input, String expected) {
        assertThat(SetupTokenValidation.problem(input)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void messages_neverQuoteTheValue() {
        String wrong = "sk-ant-api03-secretsecretsecretsecretsecretsecretsecretsecretsecretsecretsecret";
        assertThat(SetupTokenValidation.problem(wrong)).hasValueSatisfying(m -> assertThat(m).doesNotContain("secret"));
    }
}
