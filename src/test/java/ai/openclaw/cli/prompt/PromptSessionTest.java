package ai.openclaw.cli.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.cli.ScriptedTerminal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PromptSessionTest {
    /** A raw console over fixed bytes that counts mode switches. */
    static final class FakeConsole implements RawConsole {
        final AtomicInteger entered = new AtomicInteger();
        final AtomicInteger restored = new AtomicInteger();
        final boolean fails;
        final InputStream input;

        FakeConsole(String keys, boolean fails) {
            this.input = new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8));
            this.fails = fails;
        }

        @Override
        public InputStream input() {
            return input;
        }

        @Override
        public Session enterRaw() throws IOException {
            if (fails) {
                throw new IOException("no stty");
            }
            entered.incrementAndGet();
            return restored::incrementAndGet;
        }
    }

    final PrintWriter out = new PrintWriter(new StringWriter());

    @Test
    void aRawConsole_isUsedAndRestoredWhenTheSessionCloses() {
        FakeConsole console = new FakeConsole("\u001b[B\r", false);
        try (PromptSession s = PromptSession.open(Optional.of(console), ScriptedTerminal.stdin(""), out, false)) {
            assertThat(s.raw()).isTrue();
            assertThat(console.entered.get()).isEqualTo(1);
            assertThat(s.prompter().select("Q", List.of(Choice.of("a"), Choice.of("b")), 0)).isEqualTo(1);
            assertThat(console.restored.get()).isZero();
        }
        assertThat(console.restored.get()).isEqualTo(1);
    }

    @Test
    void ctrlC_propagates_andTheTerminalIsStillRestored() {
        FakeConsole console = new FakeConsole("\u0003", false);
        assertThatThrownBy(() -> {
            try (PromptSession s = PromptSession.open(Optional.of(console), ScriptedTerminal.stdin(""), out, false)) {
                s.prompter().secret("Key", Validator.any());
            }
        }).isInstanceOf(PromptCancelledException.class);
        assertThat(console.restored.get()).isEqualTo(1);
    }

    @Test
    void whenRawModeCannotBeEntered_linePromptsAreUsed() {
        FakeConsole console = new FakeConsole("", true);
        try (PromptSession s = PromptSession.open(Optional.of(console), ScriptedTerminal.stdin("2\n"), out, false)) {
            assertThat(s.raw()).isFalse();
            assertThat(s.prompter().select("Q", List.of(Choice.of("a"), Choice.of("b")), 0)).isEqualTo(1);
        }
    }

    @Test
    void withoutARawConsole_linePromptsAreUsed() {
        try (PromptSession s = PromptSession.open(Optional.empty(), ScriptedTerminal.stdin("1\n"), out, false)) {
            assertThat(s.raw()).isFalse();
            assertThat(s.prompter()).isInstanceOf(LinePrompter.class);
        }
    }
}
