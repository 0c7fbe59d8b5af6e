package ai.openclaw.cli.prompt;

import static ai.openclaw.cli.prompt.TestKeys.BACKSPACE;
import static ai.openclaw.cli.prompt.TestKeys.CTRL_C;
import static ai.openclaw.cli.prompt.TestKeys.CTRL_D;
import static ai.openclaw.cli.prompt.TestKeys.CTRL_U;
import static ai.openclaw.cli.prompt.TestKeys.DOWN;
import static ai.openclaw.cli.prompt.TestKeys.ENTER;
import static ai.openclaw.cli.prompt.TestKeys.UP;
import static ai.openclaw.cli.prompt.TestKeys.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RawPrompterTest {
    static final List<Choice> FRUIT = List.of(Choice.of("Apple"), Choice.of("Banana"), Choice.of("Cherry"));
    static final String SECRET = "sk-test-SECRETVALUE";

    final StringWriter screen = new StringWriter();

    private RawPrompter prompter(String... keys) {
        return new RawPrompter(TestKeys.typed(keys), new PrintWriter(screen), new Ansi(false));
    }

    private String shown() {
        return screen.toString();
    }

    @Test
    void select_arrowDownTwiceAndEnter_choosesTheThirdOption() {
        assertThat(prompter(DOWN, DOWN, ENTER).select("Fruit", FRUIT, 0)).isEqualTo(2);
    }

    @Test
    void select_redrawsTheMenuWithTheHighlightMovedOnEachKey() {
        prompter(DOWN, ENTER).select("Fruit", FRUIT, 0);
        String s = shown();
        // first frame: Apple marked; second frame, after moving the cursor back up over 4 lines: Banana marked
        int second = s.indexOf("\r\u001b[4A\u001b[J");
        assertThat(second).isPositive();
        assertThat(plain(s.substring(0, second))).contains("> Apple\n  Banana\n  Cherry\n");
        assertThat(plain(s.substring(second))).contains("  Apple\n> Banana\n  Cherry\n");
        // once chosen, the menu is replaced by one line with the answer, and the cursor is shown again
        assertThat(plain(s)).endsWith("Fruit: Banana\n");
        assertThat(s).contains(Ansi.HIDE_CURSOR).endsWith(Ansi.SHOW_CURSOR);
    }

    @Test
    void select_upFromTheFirstOptionWrapsToTheLast_andDownWrapsBack() {
        assertThat(prompter(UP, ENTER).select("Fruit", FRUIT, 0)).isEqualTo(2);
        assertThat(prompter(UP, DOWN, DOWN, ENTER).select("Fruit", FRUIT, 0)).isEqualTo(1);
    }

    @Test
    void select_jAndKMove_andADigitJumpsToThatOption() {
        assertThat(prompter("j", "j", "k", ENTER).select("Fruit", FRUIT, 0)).isEqualTo(1);
        assertThat(prompter("3", ENTER).select("Fruit", FRUIT, 0)).isEqualTo(2);
        assertThat(prompter("9", ENTER).select("Fruit", FRUIT, 1)).as("out of range: ignored").isEqualTo(1);
    }

    @Test
    void select_keysArrivingInOneRead_areAllApplied() {
        assertThat(prompter(DOWN + DOWN + ENTER).select("Fruit", FRUIT, 0)).isEqualTo(2);
    }

    @Test
    void select_ctrlC_cancelsErasesTheMenuAndShowsTheCursorAgain() {
        RawPrompter p = prompter(DOWN, CTRL_C);
        assertThatThrownBy(() -> p.select("Fruit", FRUIT, 0)).isInstanceOfSatisfying(PromptCancelledException.class,
                e -> assertThat(e.interrupted()).isTrue());
        assertThat(shown()).endsWith("\r\u001b[4A\u001b[J" + Ansi.SHOW_CURSOR);
    }

    @Test
    void select_endOfInput_cancelsAsNotInterrupted() {
        RawPrompter p = prompter(DOWN);
        assertThatThrownBy(() -> p.select("Fruit", FRUIT, 0)).isInstanceOfSatisfying(PromptCancelledException.class,
                e -> assertThat(e.interrupted()).isFalse());
    }

    @Test
    void secret_echoesOneStarPerCharacter_neverTheCharacters() {
        String[] keys = new String[SECRET.length() + 1];
        for (int i = 0; i < SECRET.length(); i++) {
            keys[i] = String.valueOf(SECRET.charAt(i));
        }
        keys[SECRET.length()] = ENTER;
        assertThat(prompter(keys).secret("Paste key", Validator.any()).reveal()).isEqualTo(SECRET);
        assertThat(shown()).doesNotContain(SECRET).doesNotContain("SECRET").doesNotContain("sk-");
        assertThat(plain(shown())).contains("Paste key: " + "*".repeat(SECRET.length()) + "\n");
    }

    @Test
    void secret_backspaceRemovesTheLastCharacter_andCtrlUClearsTheLine() {
        assertThat(prompter("abX", BACKSPACE, "c", ENTER).secret("Key", Validator.any()).reveal()).isEqualTo("abc");
        assertThat(prompter("wrong", CTRL_U, "right", ENTER).secret("Key", Validator.any()).reveal())
                .isEqualTo("right");
        assertThat(plain(shown())).doesNotContain("wrong").doesNotContain("right");
    }

    @Test
    void secret_aPasteLongerThanTheStarLimit_showsItsLength() {
        String paste = "x".repeat(90);
        prompter(paste, ENTER).secret("Key", Validator.any());
        assertThat(plain(shown())).contains("Key: " + "*".repeat(RawPrompter.MAX_STARS) + " (90 characters)\n");
    }

    @Test
    void secret_emptyAnswer_isRequiredAndAskedAgain() {
        assertThat(prompter(ENTER, "k", ENTER).secret("Key", Validator.any()).reveal()).isEqualTo("k");
        assertThat(plain(shown())).contains("  Required\n");
    }

    @Test
    void secret_refusedByTheValidator_explainsWithoutTheValueAndAsksAgain() {
        Validator startsWithS = v -> v.startsWith("s") ? Optional.empty() : Optional.of("Expected s...");
        assertThat(prompter("bad-value", ENTER, "sgood", ENTER).secret("Key", startsWithS).reveal()).isEqualTo("sgood");
        assertThat(plain(shown())).contains("  Expected s...\n").doesNotContain("bad-value");
    }

    @Test
    void secret_ctrlC_cancelsAndLeavesNoTypedCharacterOnScreen() {
        RawPrompter p = prompter("partial", CTRL_C);
        assertThatThrownBy(() -> p.secret("Key", Validator.any())).isInstanceOfSatisfying(
                PromptCancelledException.class, e -> assertThat(e.interrupted()).isTrue());
        assertThat(shown()).doesNotContain("partial");
    }

    @Test
    void secret_ctrlDOnAnEmptyLine_endsTheInput() {
        RawPrompter p = prompter(CTRL_D);
        assertThatThrownBy(() -> p.secret("Key", Validator.any())).isInstanceOfSatisfying(
                PromptCancelledException.class, e -> assertThat(e.interrupted()).isFalse());
    }

    @Test
    void text_echoesWhatIsTyped_andAnEmptyAnswerTakesTheDefault() {
        assertThat(prompter("abc", ENTER).text("Name", null, Validator.any())).isEqualTo("abc");
        assertThat(plain(shown())).contains("Name: abc\n");
        assertThat(prompter(ENTER).text("Id", "custom-x", Validator.any())).isEqualTo("custom-x");
        assertThat(plain(shown())).contains("Id [custom-x]: \n");
    }

    @Test
    void text_invalidAnswer_isExplainedAndAskedAgain() {
        Validator digits = v -> v.matches("\\d+") ? Optional.empty() : Optional.of("Digits only");
        assertThat(prompter("x1", ENTER, "42", ENTER).text("Port", null, digits)).isEqualTo("42");
        assertThat(plain(shown())).contains("  Digits only\n");
    }

    @Test
    void confirm_yesNoAndEnterForTheDefault() {
        assertThat(prompter("y").confirm("Go?", false)).isTrue();
        assertThat(prompter("N").confirm("Go?", true)).isFalse();
        assertThat(prompter(ENTER).confirm("Go?", true)).isTrue();
        assertThat(prompter("x", ENTER).confirm("Go?", false)).as("other keys are ignored").isFalse();
        assertThat(plain(shown())).contains("Go? (y/N) yes\n").contains("Go? (Y/n) no\n");
    }

    @Test
    void confirm_ctrlC_cancels() {
        RawPrompter p = prompter(CTRL_C);
        assertThatThrownBy(() -> p.confirm("Go?", true)).isInstanceOf(PromptCancelledException.class);
    }

    @Test
    void keysTypedAhead_carryOverToTheNextPrompt() {
        RawPrompter p = prompter(DOWN + ENTER + "key" + ENTER);
        assertThat(p.select("Fruit", FRUIT, 0)).isEqualTo(1);
        assertThat(p.secret("Key", Validator.any()).reveal()).isEqualTo("key");
    }
}
