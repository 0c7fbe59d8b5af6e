package ai.openclaw.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DirectiveParserTest {
    private static final List<String> ALIASES = List.of("Opus", "sonnet");

    static Stream<Arguments> messages() {
        return Stream.of(
                // directive-only: showing
                arguments("/model", new Directive.ShowModel()),
                arguments("  /model  \n", new Directive.ShowModel()),
                arguments("/model:", new Directive.ShowModel()),
                arguments("/MODEL", new Directive.ShowModel()),
                arguments("/model status", new Directive.ShowStatus()),
                arguments("/model: STATUS", new Directive.ShowStatus()),
                // listing
                arguments("/model list", list(null, 1, false, 20)),
                arguments("/model: list openai 2", list("openai", 2, false, 20)),
                arguments("/models", list(null, 1, false, 20)),
                arguments("/models OpenAI 3 limit=5", list("openai", 3, false, 5)),
                arguments("/models anthropic all", list("anthropic", 1, true, 20)),
                arguments("/models anthropic --all", list("anthropic", 1, true, 20)),
                arguments("/models anthropic page=2 size=10", list("anthropic", 2, false, 10)),
                arguments("/models anthropic limit=500", list("anthropic", 1, false, 100)),
                arguments("/models anthropic 0 limit=0", list("anthropic", 1, false, 20)),
                arguments("/models anthropic 99999999999", list("anthropic", 1, false, 20)),
                // selecting
                arguments("/model openai/gpt-4o", new Directive.SetModel("openai/gpt-4o")),
                arguments("/model: openai/gpt-4o", new Directive.SetModel("openai/gpt-4o")),
                arguments("/model:openai/gpt-4o", new Directive.SetModel("openai/gpt-4o")),
                arguments("/Model Opus", new Directive.SetModel("Opus")),
                arguments("/model opus@anthropic:work", new Directive.SetModel("opus@anthropic:work")),
                arguments("/model openrouter/moonshotai/kimi-k2@work",
                        new Directive.SetModel("openrouter/moonshotai/kimi-k2@work")),
                arguments("/model google/claude-3-5-sonnet@20240620@work",
                        new Directive.SetModel("google/claude-3-5-sonnet@20240620@work")),
                arguments("/model @work", new Directive.SetModel("@work")),
                arguments("/model 3", new Directive.SetModel("3")),
                // aliases as commands
                arguments("/Opus", new Directive.SetModel("Opus")),
                arguments("/opus", new Directive.SetModel("opus")),
                arguments("/SONNET@anthropic:work", new Directive.SetModel("SONNET@anthropic:work")),
                arguments("/haiku", new ParsedMessage.Plain("/haiku")),
                // sessions
                arguments("/new", new Directive.ResetSession(true)),
                arguments(" /RESET ", new Directive.ResetSession(false)),
                arguments("/new please", new ParsedMessage.Plain("/new please")),
                // inline hints: stripped, not persisted
                arguments("Please /model opus summarize this",
                        new ParsedMessage.Inline("Please summarize this", "opus")),
                arguments("/model opus\nSummarize this", new ParsedMessage.Inline("Summarize this", "opus")),
                arguments("summarize\n/model: openai/gpt-4o@work", new ParsedMessage.Inline("summarize", "openai/gpt-4o@work")),
                // plain text
                arguments("hello", new ParsedMessage.Plain("hello")),
                arguments("use /models to list them", new ParsedMessage.Plain("use /models to list them")),
                arguments("path/model x", new ParsedMessage.Plain("path/model x")),
                arguments("hi /modelx y", new ParsedMessage.Plain("hi /modelx y")),
                arguments("hi /model", new ParsedMessage.Plain("hi /model")),
                arguments("tell me /model status please", new ParsedMessage.Plain("tell me /model status please")),
                arguments("show /model list now", new ParsedMessage.Plain("show /model list now")),
                arguments("compare /model 3 things", new ParsedMessage.Plain("compare /model 3 things")),
                arguments("pin /model @work now", new ParsedMessage.Plain("pin /model @work now")),
                arguments("/model\nWhat is 2+2?", new ParsedMessage.Plain("/model\nWhat is 2+2?")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("messages")
    void parse_classifiesTheLastUserMessage(String text, ParsedMessage expected) {
        assertThat(DirectiveParser.parse(text, ALIASES)).isEqualTo(expected);
    }

    @Test
    void parse_ofNoText_isEmptyPlainText() {
        assertThat(DirectiveParser.parse(null, ALIASES)).isEqualTo(new ParsedMessage.Plain(""));
    }

    @Test
    void inlineHint_keepsLineBreaksOfTheRestOfTheMessage() {
        ParsedMessage parsed = DirectiveParser.parse("/model opus Review:\n```\ncode  here\n```", ALIASES);

        assertThat(parsed).isEqualTo(new ParsedMessage.Inline("Review:\n```\ncode  here\n```", "opus"));
    }

    @Test
    void builtInCommands_winOverAliasesOfTheSameName() {
        assertThat(DirectiveParser.parse("/new", List.of("new"))).isEqualTo(new Directive.ResetSession(true));
        assertThat(DirectiveParser.parse("/models", List.of("models"))).isInstanceOf(Directive.ListModels.class);
    }

    private static Directive.ListModels list(String provider, int page, boolean all, int limit) {
        return new Directive.ListModels(provider, page, all, limit);
    }
}
