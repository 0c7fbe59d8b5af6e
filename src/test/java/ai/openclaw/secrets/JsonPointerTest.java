package ai.openclaw.secrets;

import static ai.openclaw.secrets.SecretsTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonPointerTest {
    private final JsonNode doc = json("""
            {"foo":["bar","baz"],"":"empty-key","a/b":"slash","m~n":"tilde","~1":"literal","arr":[[1,"deep"]]}""");

    @Test
    void read_followsRfc6901Examples() throws ResolutionFailure {
        assertThat(JsonPointer.read(doc, "/foo/0").stringValue()).isEqualTo("bar");
        assertThat(JsonPointer.read(doc, "/").stringValue()).isEqualTo("empty-key");
        assertThat(JsonPointer.read(doc, "/a~1b").stringValue()).isEqualTo("slash");
        assertThat(JsonPointer.read(doc, "/m~0n").stringValue()).isEqualTo("tilde");
        assertThat(JsonPointer.read(doc, "/~01").stringValue()).isEqualTo("literal");
        assertThat(JsonPointer.read(doc, "/arr/0/1").stringValue()).isEqualTo("deep");
    }

    @Test
    void read_rejectsRelativePointers() {
        assertThatThrownBy(() -> JsonPointer.read(doc, "foo"))
                .hasMessageStartingWith("File-backed secret ids must be absolute JSON pointers");
    }

    @Test
    void read_rejectsNonCanonicalOrOutOfRangeArrayIndexes() {
        assertThatThrownBy(() -> JsonPointer.read(doc, "/foo/01")).hasMessage("JSON pointer segment \"01\" is out of bounds.");
        assertThatThrownBy(() -> JsonPointer.read(doc, "/foo/-")).hasMessage("JSON pointer segment \"-\" is out of bounds.");
        assertThatThrownBy(() -> JsonPointer.read(doc, "/foo/99999999999")).hasMessage("JSON pointer segment \"99999999999\" is out of bounds.");
    }

    @Test
    void read_reportsFirstMissingSegment() {
        assertThatThrownBy(() -> JsonPointer.read(doc, "/nope/deeper")).hasMessage("JSON pointer segment \"nope\" does not exist.");
    }
}
