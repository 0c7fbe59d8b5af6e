package ai.openclaw.cli.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.cli.ScriptedTerminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Line prompts: what a script piping answers, or a terminal without raw mode, gets. */
class LinePrompterTest {
    static final List<Choice> CHOICES = List.of(new Choice("Anthropic", "API key"), Choice.of("OpenRouter"),
            Choice.of("Skip"));

    final StringWriter out = new StringWriter();

    private LinePrompter prompter(ScriptedTerminal in) {
        return new LinePrompter(in, new PrintWriter(out));
    }

    @Test
    void select_printsANumberedListAndReadsTheNumber() {
        ScriptedTerminal in = ScriptedTerminal.stdin("2\n");
        assertThat(prompter(in).select("Provider", CHOICES, 0)).isEqualTo(1);
        assertThat(out.toString()).isEqualTo("Provider:\n  1) Anthropic - API key\n  2) OpenRouter\n  3) Skip\n");
        assertThat(in.prompts()).containsExactly("Choose 1-3 [1]: ");
    }

    @Test
    void select_outOfRangeOrGarbage_isExplainedAndAskedAgain() {
        assertThat(prompter(ScriptedTerminal.stdin("9\nbanana\n3\n")).select("Provider", CHOICES, 0)).isEqualTo(2);
        assertThat(out.toString()).contains("Please enter a number from 1 to 3.\nPlease enter a number from 1 to 3.\n");
    }

    @Test
    void select_emptyAnswerTakesTheInitialOption_andALabelCanBeTypedOut() {
        assertThat(prompter(ScriptedTerminal.stdin("\n")).select("Provider", CHOICES, 2)).isEqualTo(2);
        assertThat(prompter(ScriptedTerminal.stdin("openrouter\n")).select("Provider", CHOICES, 0)).isEqualTo(1);
    }

    @Test
    void select_endOfInput_cancels() {
        assertThatThrownBy(() -> prompter(ScriptedTerminal.stdin("")).select("Provider", CHOICES, 0))
                .isInstanceOfSatisfying(PromptCancelledException.class, e -> assertThat(e.interrupted()).isFalse());
    }

    @Test
    void secret_isReadAsASecret_validatedAndAskedAgain() {
        ScriptedTerminal in = ScriptedTerminal.typing("", "short", "sk-long-enough");
        Validator longEnough = v -> v.length() > 8 ? Optional.empty() : Optional.of("Too short");
        assertThat(prompter(in).secret("Paste key", longEnough).reveal()).isEqualTo("sk-long-enough");
        assertThat(in.secretPrompts()).containsExactly("Paste key: ", "Paste key: ", "Paste key: ");
        assertThat(out.toString()).isEqualTo("Required\nToo short\n");
    }

    @Test
    void text_andConfirm_readLines() {
        ScriptedTerminal in = ScriptedTerminal.stdin("\nmaybe\nyes\n");
        LinePrompter p = prompter(in);
        assertThat(p.text("Id", "custom", Validator.any())).isEqualTo("custom");
        assertThat(p.confirm("Go?", false)).isTrue();
        assertThat(in.prompts()).containsExactly("Id [custom]: ", "Go? [y/N] ", "Go? [y/N] ");
        assertThat(out.toString()).contains("Please answer y or n.");
    }
}
