package ai.openclaw.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonPathTest {
    @Test
    void toString_usesDotsForIdentifiers_andQuotedBracketsOtherwise() {
        assertThat(JsonPath.of("auth", "profiles", "anthropic:work", "mode").toString())
                .isEqualTo("auth.profiles[\"anthropic:work\"].mode");
        assertThat(JsonPath.of("agents", "list").index(2).key("id").toString()).isEqualTo("agents.list[2].id");
        assertThat(JsonPath.of("a\"b").toString()).isEqualTo("[\"a\\\"b\"]");
        assertThat(JsonPath.ROOT.toString()).isEqualTo("(root)");
    }

    @Test
    void parent_dropsTheLastSegment() {
        assertThat(JsonPath.of("a", "b").parent()).isEqualTo(JsonPath.of("a"));
        assertThat(JsonPath.ROOT.parent()).isEqualTo(JsonPath.ROOT);
    }
}
