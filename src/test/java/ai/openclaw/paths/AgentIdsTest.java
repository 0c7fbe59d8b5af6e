package ai.openclaw.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AgentIdsTest {
    @Test
    void normalize_trimsAndLowerCases() {
        assertThat(AgentIds.normalize("  Work_Bot-2 ")).isEqualTo("work_bot-2");
    }

    @Test
    void normalize_acceptsSixtyFourCharacters_andRejectsSixtyFive() {
        assertThat(AgentIds.normalize("a".repeat(64))).hasSize(64);
        assertThatThrownBy(() -> AgentIds.normalize("a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "a\\b", ".", "..", "", "   ", "-lead", ".hidden", "_x", "a b", "é"})
    void normalize_rejectsIdsThatAreNotSafeDirectoryNames_showingTheRule(String raw) {
        assertThatThrownBy(() -> AgentIds.normalize(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("^[a-z0-9][a-z0-9_-]{0,63}$");
        assertThat(AgentIds.isValid(raw)).isFalse();
    }

    @Test
    void normalize_rejectsNull() {
        assertThatThrownBy(() -> AgentIds.normalize(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultId_isMain() {
        assertThat(AgentIds.DEFAULT).isEqualTo("main");
        assertThat(AgentIds.isValid(AgentIds.DEFAULT)).isTrue();
    }
}
