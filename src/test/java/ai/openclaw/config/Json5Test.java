package ai.openclaw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.json.MalformedFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class Json5Test {
    private static final Path FILE = Path.of("/cfg/openclaw.json");

    private static MalformedFileException rejected(String text) {
        try {
            Json5.parse(FILE, text);
        } catch (MalformedFileException e) {
            return e;
        }
        throw new AssertionError("expected a parse error");
    }

    @Test
    void parse_acceptsJson5Features() {
        JsonNode root = Json5.parse(FILE, """
                // line comment
                {
                  /* block
                     comment */
                  unquoted: 'single',
                  $dollar_key: "double",
                  plus: +1,
                  leadingDot: .5,
                  trailingDot: 5.,
                  notANumber: NaN,
                  inf: -Infinity,
                  escaped: 'it\\'s',
                  tab: "a\tb",
                  list: [1, 2, 3,],
                }
                """).root();

        assertThat(root.get("unquoted").stringValue()).isEqualTo("single");
        assertThat(root.get("$dollar_key").stringValue()).isEqualTo("double");
        assertThat(root.get("plus").intValue()).isEqualTo(1);
        assertThat(root.get("leadingDot").doubleValue()).isEqualTo(0.5);
        assertThat(root.get("trailingDot").doubleValue()).isEqualTo(5.0);
        assertThat(root.get("notANumber").doubleValue()).isNaN();
        assertThat(root.get("inf").doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(root.get("escaped").stringValue()).isEqualTo("it's");
        assertThat(root.get("tab").stringValue()).isEqualTo("a\tb");
        assertThat(root.get("list")).hasSize(3);
    }

    @Test
    void parse_duplicateKeys_lastWins() {
        assertThat(Json5.parse(FILE, "{a: 1, a: 2}").root().get("a").intValue()).isEqualTo(2);
    }

    @Test
    void parse_ignoresLeadingByteOrderMark() {
        assertThat(Json5.parse(FILE, "\uFEFF{a: 1}").root().get("a").intValue()).isEqualTo(1);
    }

    @Test
    void parse_rejectsHexLiteral_withLineAndColumn() {
        MalformedFileException e = rejected("{\n  a: 1,\n  b: 0x1F,\n}");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(6);
        assertThat(e.getMessage()).isEqualTo(FILE + ":3:6: hexadecimal numbers are not supported; write the number in decimal");
    }

    @Test
    void parse_rejectsNegativeHexLiteral() {
        assertThat(rejected("{a: -0xff}").column()).isEqualTo(6);
    }

    @Test
    void parse_rejectsBackslashXEscape_withLineAndColumn() {
        MalformedFileException e = rejected("{\n  key: 'sk\\x41bc'\n}");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(11);
        assertThat(e.problem()).contains("\\x escapes are not supported");
        assertThat(e.getMessage()).doesNotContain("sk");
    }

    @Test
    void parse_rejectsLineContinuation_withLineAndColumn() {
        MalformedFileException e = rejected("{\n  a: \"one\\\ntwo\"\n}");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(10);
        assertThat(e.problem()).contains("line continuation");
    }

    @Test
    void parse_rejectsLineContinuation_withCrlf() {
        MalformedFileException e = rejected("{\r\n  a: 'x\\\r\ny'\r\n}");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(8);
    }

    @Test
    void parse_rejectsVerticalTabAndDigitEscapes_whichJacksonWouldMisread() {
        assertThat(rejected("{a: 'x\\vy'}").problem()).contains("\\v");
        assertThat(rejected("{a: 'x\\0'}").problem()).contains("\\0");
    }

    @Test
    void parse_rejectsRawLineBreakInsideString() {
        MalformedFileException e = rejected("{a: 'one\ntwo'}");

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(9);
    }

    @Test
    void parse_rejectsHashComment_whichJson5DoesNotHave() {
        MalformedFileException e = rejected("{\n  # note\n  a: 1\n}");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.problem()).contains("use //");
    }

    @Test
    void precheck_ignoresLookalikesInsideStringsAndComments() {
        JsonNode root = Json5.parse(FILE, """
                {
                  // 0x10 and \\x41 and # in a comment
                  /* 0xFF \\x41 # */
                  a: "0x1F # \\\\x41",
                  b: 'path\\\\'
                }
                """).root();

        assertThat(root.get("a").stringValue()).isEqualTo("0x1F # \\x41");
        assertThat(root.get("b").stringValue()).isEqualTo("path\\");
    }

    @Test
    void parse_truncatedFile_reportsEndPosition() {
        MalformedFileException e = rejected("{\n  \"auth\": {\n    \"profiles\": {}\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.problem()).startsWith("unexpected end of file");
    }

    @Test
    void parse_errorsNeverQuoteValues() {
        MalformedFileException unquoted = rejected("{apiKey: sk-live-abcdef}");
        MalformedFileException twoStrings = rejected("{apiKey: \"sk-live-abcdef\" \"sk-other\"}");

        assertThat(unquoted.getMessage()).doesNotContain("sk").contains(":1:10:");
        assertThat(twoStrings.getMessage()).doesNotContain("sk-");
    }

    @Test
    void parse_emptyFile_isAnError() {
        assertThat(rejected("  // only a comment\n").problem()).contains("empty");
    }

    @Test
    void parse_trailingContentAfterRoot_isAnError() {
        assertThat(rejected("{} {}").problem()).contains("after the end");
    }

    @Test
    void parse_recordsValueAndKeyLocations() {
        ParsedDocument doc = Json5.parse(FILE, "{\n  auth: {\n    profiles: {\n      'a:b': { mode: 'x' },\n    },\n  },\n  list: [1, {k: 2}],\n}");
        SourceMap map = doc.sourceMap();

        assertThat(map.valueAt(JsonPath.of("auth", "profiles", "a:b", "mode"))).isEqualTo(new SourceLocation(4, 22));
        assertThat(map.keyAt(JsonPath.of("auth", "profiles", "a:b", "mode"))).isEqualTo(new SourceLocation(4, 16));
        assertThat(map.valueAt(JsonPath.of("list").index(1).key("k"))).isEqualTo(new SourceLocation(7, 17));
        // Unknown paths fall back to the nearest known ancestor.
        assertThat(map.valueAt(JsonPath.of("auth", "nope", "deeper"))).isEqualTo(new SourceLocation(2, 9));
    }

    @Test
    void read_missingFile_isEmpty_andDirectoryIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
        assertThat(Json5.read(dir.resolve("none.json"))).isEmpty();
        Path directory = Files.createDirectory(dir.resolve("cfg.json"));

        assertThatThrownBy(() -> Json5.read(directory))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith(directory + ": cannot read file");
    }
}
