package ai.openclaw.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The paste rules of logins §2.6. */
class PastedAuthorizationTest {
    static final String STATE = "0123456789abcdef0123456789abcdef";

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://localhost:1455/auth/callback?code=ac_123&state=0123456789abcdef0123456789abcdef | ac_123 | 0123456789abcdef0123456789abcdef
            '  http://localhost:1455/auth/callback?state=0123456789abcdef0123456789abcdef&code=ac%2F9  ' | ac/9 | 0123456789abcdef0123456789abcdef
            https://example.test/cb?code=only-code                                        | only-code | 
            ac_456#0123456789abcdef0123456789abcdef                                       | ac_456 | 0123456789abcdef0123456789abcdef
            ac_457#                                                                       | ac_457 | 
            code=ac_789&state=0123456789abcdef0123456789abcdef                            | ac_789 | 0123456789abcdef0123456789abcdef
            ?code=ac_790                                                                  | ac_790 | 
            ac_bare-code.value                                                            | ac_bare-code.value | 
            """)
    void parse_acceptsEveryDocumentedShape(String input, String code, String state) throws Exception {
        PastedAuthorization p = PastedAuthorization.parse(input, STATE);

        assertThat(p.code()).isEqualTo(code);
        assertThat(p.state()).isEqualTo(state);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "http://localhost:1455/auth/callback?code=ac_1&state=ffffffffffffffffffffffffffffffff",
            "ac_1#ffffffffffffffffffffffffffffffff",
            "code=ac_1&state=other",
            // a mismatching state is reported even when the code is missing: it is the more telling problem
            "http://localhost:1455/auth/callback?state=nope"})
    void parse_withAnotherState_isStateMismatch(String input) {
        assertThatThrownBy(() -> PastedAuthorization.parse(input, STATE))
                .isInstanceOf(OAuthLoginException.class).hasMessage("State mismatch");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "   ", "\n", "http://localhost:1455/auth/callback",
            "http://localhost:1455/auth/callback?state=0123456789abcdef0123456789abcdef", "#0123456789abcdef0123456789abcdef",
            "code=&state=0123456789abcdef0123456789abcdef"})
    void parse_withoutCode_isMissingAuthorizationCode(String input) {
        assertThatThrownBy(() -> PastedAuthorization.parse(input, STATE))
                .isInstanceOf(OAuthLoginException.class).hasMessage("Missing authorization code");
    }

    @Test
    void parse_null_isMissingAuthorizationCode() {
        assertThatThrownBy(() -> PastedAuthorization.parse(null, STATE)).hasMessage("Missing authorization code");
    }

    @Test
    void toString_hidesTheCode() throws Exception {
        assertThat(PastedAuthorization.parse("secret-code-123#" + STATE, STATE).toString())
                .doesNotContain("secret-code-123");
    }
}
