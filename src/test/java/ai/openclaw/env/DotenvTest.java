package ai.openclaw.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotenvTest {
    private static final Path FILE = Path.of("/home/u/.openclaw/.env");

    @Test
    void parse_readsPlainExportCommentsAndBlankLines_inOrder() {
        Dotenv.Result result = Dotenv.parse(FILE, """
                # a comment
                A=1

                export B=two
                  C = spaced value  \s
                """);

        assertThat(result.values()).containsExactly(entry("A", "1"), entry("B", "two"), entry("C", "spaced value"));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void parse_unquotedValue_dropsInlineCommentAfterWhitespace_butKeepsHashInsideValue() {
        Dotenv.Result result = Dotenv.parse(FILE, "A=value # note\nB=a#b\nC= # only a comment\n");

        assertThat(result.values()).containsExactly(entry("A", "value"), entry("B", "a#b"), entry("C", ""));
    }

    @Test
    void parse_singleQuotes_areLiteral() {
        Dotenv.Result result = Dotenv.parse(FILE, "A='x\\ny # not a comment' # comment\n");

        assertThat(result.values()).containsExactly(entry("A", "x\\ny # not a comment"));
    }

    @Test
    void parse_doubleQuotes_unescapeNewlineQuoteAndBackslash() {
        Dotenv.Result result = Dotenv.parse(FILE, "A=\"line1\\nline2 \\\"q\\\" back\\\\slash \\d\"\n");

        assertThat(result.values()).containsExactly(entry("A", "line1\nline2 \"q\" back\\slash \\d"));
    }

    @Test
    void parse_quotedValue_mayContinueOnFollowingLines() {
        Dotenv.Result result = Dotenv.parse(FILE, "PEM=\"-----BEGIN-----\nabc\n-----END-----\"\nNEXT=1\n");

        assertThat(result.values()).containsExactly(entry("PEM", "-----BEGIN-----\nabc\n-----END-----"), entry("NEXT", "1"));
    }

    @Test
    void parse_lastAssignmentWins_withinOneFile() {
        assertThat(Dotenv.parse(FILE, "A=1\nA=2\n").values()).containsExactly(entry("A", "2"));
    }

    @Test
    void parse_invalidLines_becomeWarningsWithFileAndLine_withoutTheirContent_andParsingContinues() {
        Dotenv.Result result = Dotenv.parse(FILE, """
                GOOD=1
                sk-secret-without-equals
                9BAD=sk-secret-value
                Q="sk-unterminated
                """);

        assertThat(result.values()).containsExactly(entry("GOOD", "1"));
        assertThat(result.warnings()).hasSize(3);
        assertThat(result.warnings().get(0)).startsWith(FILE + ":2: ");
        assertThat(result.warnings().get(1)).startsWith(FILE + ":3: ");
        assertThat(result.warnings().get(2)).startsWith(FILE + ":4: ");
        assertThat(String.join("\n", result.warnings())).doesNotContain("sk-");
    }

    @Test
    void parse_textAfterClosingQuote_isAWarning() {
        Dotenv.Result result = Dotenv.parse(FILE, "A=\"x\" trailing\n");

        assertThat(result.values()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().contains(":1: ");
    }

    @Test
    void parse_handlesCrlfLineEnds() {
        assertThat(Dotenv.parse(FILE, "A=1\r\nB='2'\r\n").values()).containsExactly(entry("A", "1"), entry("B", "2"));
    }

    @Test
    void read_missingFile_isEmptyWithoutWarnings(@TempDir Path dir) {
        Dotenv.Result result = Dotenv.read(dir.resolve(".env"));

        assertThat(result.values()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void read_unreadablePath_isAWarningNamingTheFile(@TempDir Path dir) throws Exception {
        Path directory = Files.createDirectory(dir.resolve(".env"));

        Dotenv.Result result = Dotenv.read(directory);

        assertThat(result.values()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().startsWith(directory.toString());
    }

    @Test
    void result_toString_listsKeysNotValues() {
        Dotenv.Result result = Dotenv.parse(FILE, "OPENAI_API_KEY=sk-live-123\n");

        assertThat(result.toString()).contains("OPENAI_API_KEY").doesNotContain("sk-live-123");
    }
}
