package ai.openclaw.env;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellImportFilterTest {
    @ParameterizedTest
    @ValueSource(strings = {"OPENAI_API_KEY", "ANTHROPIC_API_KEYS", "GITHUB_TOKEN", "CLAUDE_CODE_OAUTH_TOKEN",
            "OPENAI_API_KEY_2", "OPENCLAW_LIVE_OPENAI_KEY", "OPENCLAW_LIVE_ANYTHING"})
    void accepts_credentialShapedAndLiveNames(String name) {
        assertThat(ShellImportFilter.accepts(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATH", "HOME", "SHELL", "API_KEY", "TOKEN", "openai_api_key", "OPENAI_API_KEYX",
            "OPENCLAW_STATE_DIR", "MY_TOKENS", "_X_TOKEN"})
    void rejects_everythingElse(String name) {
        assertThat(ShellImportFilter.accepts(name)).isFalse();
    }
}
