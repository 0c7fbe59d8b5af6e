package ai.openclaw.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependency direction of the main sources, checked on the source text (code only: comments and string literals
 * are blanked first, so documentation may still mention what code must not do).
 */
class DependencyRulesTest {
    private static final Set<String> LOWER_PACKAGES = Set.of("core", "json", "credential", "secrets", "fs", "paths",
            "env", "config", "store", "auth", "models", "anthropic", "claudecli");
    private static final Pattern UPPER_LAYER_REFERENCE =
            Pattern.compile("\\bai\\s*\\.\\s*openclaw\\s*\\.\\s*(cli|app|status|doctor)\\b");
    private static final Pattern PICOCLI_REFERENCE = Pattern.compile("\\bpicocli\\s*\\.");
    private static final Pattern AMBIENT_CALL = Pattern.compile(
            "\\bSystem\\s*\\.\\s*getenv\\s*\\(|\\bSystem\\s*\\.\\s*currentTimeMillis\\s*\\(|\\bInstant\\s*\\.\\s*now\\s*\\("
                    + "|\\bimport\\s+static\\s+java\\.lang\\.System\\.(getenv|currentTimeMillis|\\*)"
                    + "|\\bimport\\s+static\\s+java\\.time\\.Instant\\.(now|\\*)");
    private static final String MAIN_CLASS = "cli/Main.java";

    private static Path root;
    private static List<Source> sources;

    record Source(Path file, String relative, String code) {
        String topPackage() {
            int slash = relative.indexOf('/');
            return slash < 0 ? "" : relative.substring(0, slash);
        }
    }

    @BeforeAll
    static void readSources() throws IOException {
        Path base = Path.of(System.getProperty("basedir", "."));
        root = base.resolve("src/main/java/ai/openclaw");
        assertThat(root).as("main sources").isDirectory();
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().map(p -> {
                try {
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    return new Source(p, root.relativize(p).toString().replace('\\', '/'), codeOnly(text));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(sources).extracting(Source::relative).contains(MAIN_CLASS);
    }

    private static List<String> findings(List<Source> scope, Pattern pattern) {
        List<String> out = new ArrayList<>();
        for (Source s : scope) {
            Matcher m = pattern.matcher(s.code());
            while (m.find()) {
                int line = (int) s.code().substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                out.add(s.relative() + ":" + line + ": " + m.group().replaceAll("\\s+", " "));
            }
        }
        return out;
    }

    @Test
    void lowerPackages_doNotDependOnCliAppStatusOrDoctor() {
        List<Source> lower = sources.stream().filter(s -> LOWER_PACKAGES.contains(s.topPackage())).toList();
        assertThat(lower).as("lower-layer sources found").isNotEmpty();
        assertThat(findings(lower, UPPER_LAYER_REFERENCE)).isEmpty();
    }

    @Test
    void onlyTheCliPackage_usesPicocli() {
        List<Source> notCli = sources.stream().filter(s -> !s.topPackage().equals("cli")).toList();
        assertThat(findings(notCli, PICOCLI_REFERENCE)).isEmpty();
        List<Source> cli = sources.stream().filter(s -> s.topPackage().equals("cli")).toList();
        assertThat(findings(cli, PICOCLI_REFERENCE)).as("the rule sees picocli where it is used").isNotEmpty();
    }

    @Test
    void onlyMain_readsTheEnvironmentOrTheWallClockDirectly() {
        List<Source> notMain = sources.stream().filter(s -> !s.relative().equals(MAIN_CLASS)).toList();
        assertThat(findings(notMain, AMBIENT_CALL)).isEmpty();
    }

    // ---- the scanner itself, so that an empty finding list means something ----

    @Test
    void scanner_findsCallsInCode_butNotInCommentsOrStrings() {
        String src = """
                package x;
                // System.getenv("A") in a line comment
                /* Instant.now() in a block comment */
                /** {@link ai.openclaw.cli.Main} in javadoc */
                class X {
                    String s = "System.currentTimeMillis() in a string";
                    String t = \"""
                        Instant.now() in a text block
                        \""";
                    char c = '"';
                    long a = System.currentTimeMillis();
                    Object b = java.time.Instant . now ();
                    String e = System.getenv("HOME");
                    ai.openclaw.app.AppContext ctx;
                }
                """;
        Source s = new Source(Path.of("X.java"), "core/X.java", codeOnly(src));
        assertThat(findings(List.of(s), AMBIENT_CALL)).containsExactly(
                "core/X.java:11: System.currentTimeMillis(",
                "core/X.java:12: Instant . now (",
                "core/X.java:13: System.getenv(");
        assertThat(findings(List.of(s), UPPER_LAYER_REFERENCE)).containsExactly("core/X.java:14: ai.openclaw.app");
    }

    @Test
    void scanner_findsStaticImportsOfAmbientCalls() {
        Source s = new Source(Path.of("Y.java"), "store/Y.java",
                codeOnly("import static java.lang.System.getenv;\nimport static java.time.Instant.now;\n"));
        assertThat(findings(List.of(s), AMBIENT_CALL)).hasSize(2);
    }

    /**
     * Blanks comments, string/char literals and text blocks with spaces, keeping newlines so that line numbers
     * still match the file.
     */
    static String codeOnly(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(text, i, end, out);
                i = end;
            } else if (text.startsWith("\"\"\"", i)) {
                int end = i + 3;
                while (end < n && !text.startsWith("\"\"\"", end)) {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 3);
                blank(text, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && text.charAt(end) != c && text.charAt(end) != '\n') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 1);
                blank(text, i, end, out);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(String text, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            out.append(text.charAt(k) == '\n' ? '\n' : ' ');
        }
    }
}
