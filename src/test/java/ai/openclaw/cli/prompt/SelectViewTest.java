package ai.openclaw.cli.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectViewTest {
    static final List<Choice> CHOICES = List.of(new Choice("Anthropic", "API key or token"),
            new Choice("OpenRouter", "API key"), Choice.of("Skip"));

    @Test
    void withoutColour_marksTheCurrentOptionAndAlignsTheHints() {
        assertThat(SelectView.render("Provider", CHOICES, 1, new Ansi(false))).containsExactly(
                "? Provider  " + SelectView.KEYS_HINT,
                "  Anthropic   API key or token",
                "> OpenRouter  API key",
                "  Skip");
    }

    @Test
    void withColour_theCurrentOptionIsCyanAndHintsAreDim() {
        List<String> lines = SelectView.render("Provider", CHOICES, 0, new Ansi(true));
        assertThat(lines.get(1)).startsWith("\u001b[36m> Anthropic ").contains("\u001b[2mAPI key or token\u001b[0m");
        assertThat(lines.get(2)).startsWith("  OpenRouter").doesNotContain("\u001b[36m");
    }

    @Test
    void answeredLine_namesTheQuestionAndTheChoice() {
        assertThat(SelectView.answered("Provider", "Skip", new Ansi(false))).isEqualTo("Provider: Skip");
    }
}
