package ai.openclaw.cli.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.cli.prompt.Key.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyDecoderTest {
    private static List<Key> decode(String bytes) {
        byte[] b = bytes.getBytes(StandardCharsets.ISO_8859_1);
        return new KeyDecoder().feed(b, 0, b.length);
    }

    private static List<Type> types(String bytes) {
        return decode(bytes).stream().map(Key::type).toList();
    }

    @Test
    void arrowKeys_inNormalAndApplicationCursorMode_decodeToDirections() {
        assertThat(types("\u001b[A\u001b[B\u001b[C\u001b[D")).containsExactly(Type.UP, Type.DOWN, Type.RIGHT, Type.LEFT);
        assertThat(types("\u001bOA\u001bOB")).containsExactly(Type.UP, Type.DOWN);
    }

    @Test
    void arrowWithModifierParameters_isStillAnArrow() {
        assertThat(types("\u001b[1;5A\u001b[1;2B")).containsExactly(Type.UP, Type.DOWN);
    }

    @Test
    void homeEndAndDelete_inTheirCommonSpellings() {
        assertThat(types("\u001b[H\u001b[F\u001b[1~\u001b[4~\u001b[7~\u001b[8~\u001b[3~\u001bOH"))
                .containsExactly(Type.HOME, Type.END, Type.HOME, Type.END, Type.HOME, Type.END, Type.DELETE, Type.HOME);
    }

    @Test
    void enter_isCarriageReturnOrLineFeed() {
        assertThat(types("\r\n")).containsExactly(Type.ENTER, Type.ENTER);
    }

    @Test
    void backspace_isDelOrCtrlH() {
        assertThat(types("\u007f\b")).containsExactly(Type.BACKSPACE, Type.BACKSPACE);
    }

    @Test
    void controlKeys_ctrlCInterrupts_ctrlDEnds_ctrlUKillsTheLine() {
        assertThat(types("\u0003\u0004\u0015\t\u0001")).containsExactly(Type.INTERRUPT, Type.EOF, Type.KILL_LINE,
                Type.TAB, Type.OTHER);
    }

    @Test
    void printableAscii_decodesToCharacters() {
        List<Key> keys = decode("jk3 ");
        assertThat(keys).extracting(Key::type).containsOnly(Type.CHAR);
        assertThat(keys).extracting(Key::codePoint).containsExactly((int) 'j', (int) 'k', (int) '3', (int) ' ');
    }

    @Test
    void aSequenceSplitAcrossReads_completesOnItsLastByte() {
        KeyDecoder d = new KeyDecoder();
        assertThat(d.feed(0x1b)).isEmpty();
        assertThat(d.feed('[')).isEmpty();
        assertThat(d.feed('B')).extracting(Key::type).containsExactly(Type.DOWN);
        assertThat(d.feed('x')).extracting(Key::codePoint).containsExactly((int) 'x');
    }

    @Test
    void utf8Characters_ofTwoThreeAndFourBytes_evenWhenSplit() {
        KeyDecoder d = new KeyDecoder();
        byte[] text = "é€😀".getBytes(StandardCharsets.UTF_8);
        List<Key> keys = new ArrayList<>();
        for (byte b : text) {
            keys.addAll(d.feed(b));
        }
        assertThat(keys).extracting(Key::codePoint).containsExactly(0xe9, 0x20ac, 0x1f600);
    }

    @Test
    void aBrokenUtf8Sequence_isReportedAndTheNextByteStillDecodes() {
        assertThat(types("\u00c3A")).containsExactly(Type.OTHER, Type.CHAR);
        assertThat(types("\u0080")).containsExactly(Type.OTHER);
    }

    @Test
    void escapeFollowedByAnOrdinaryKey_isAnOtherKeyThenThatKey() {
        List<Key> keys = decode("\u001bx");
        assertThat(keys).extracting(Key::type).containsExactly(Type.OTHER, Type.CHAR);
        assertThat(keys.get(1).codePoint()).isEqualTo('x');
    }

    @Test
    void unknownCsiSequence_isOneOtherKey_notItsBytes() {
        assertThat(types("\u001b[200~\u001b[5Z")).containsExactly(Type.OTHER, Type.OTHER);
    }

    @Test
    void endOfInput_dropsAnUnfinishedSequenceAndReportsEof() {
        KeyDecoder d = new KeyDecoder();
        d.feed(0x1b);
        assertThat(d.end()).extracting(Key::type).containsExactly(Type.OTHER, Type.EOF);
        assertThat(d.feed('a')).extracting(Key::codePoint).containsExactly((int) 'a');
    }

    @Test
    void keyToString_neverShowsTheCharacter() {
        assertThat(Key.character('s').toString()).isEqualTo("Key[CHAR]");
    }
}
