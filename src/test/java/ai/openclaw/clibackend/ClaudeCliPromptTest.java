package ai.openclaw.clibackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.openclaw.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ClaudeCliPromptTest {
    static JsonNode json(String text) {
        return Json.parse(Path.of("body"), text);
    }

    @Test
    void openAi_singleUserMessage_isThePrompt_andSystemMessagesTheSystemPrompt() {
        ClaudeCliPrompt p = ClaudeCliPrompt.of(json("""
                {"messages":[{"role":"system","content":"Be brief."},{"role":"developer","content":"No emoji."},
                 {"role":"user","content":[{"type":"text","text":"Hello "},{"type":"text","text":"there"}]}]}"""),
                ClaudeCliPrompt.Dialect.OPENAI, false);

        assertThat(p.prompt()).isEqualTo("Hello there");
        assertThat(p.systemPrompt()).isEqualTo("Be brief.\n\nNo emoji.");
    }

    @Test
    void freshRun_ofALongerConversation_writesTheEarlierTurnsAsATranscript() {
        ClaudeCliPrompt p = ClaudeCliPrompt.of(json("""
                {"messages":[{"role":"user","content":"My name is Ada."},{"role":"assistant","content":"Hi Ada."},
                 {"role":"user","content":"What is my name?"}]}"""), ClaudeCliPrompt.Dialect.OPENAI, false);

        assertThat(p.prompt()).isEqualTo("""
                Earlier in this conversation:

                User: My name is Ada.

                Assistant: Hi Ada.

                Current message:

                What is my name?""");
        assertThat(p.systemPrompt()).isNull();
    }

    @Test
    void resumedRun_sendsOnlyTheUserTextAfterTheLastAssistantMessage() {
        ClaudeCliPrompt p = ClaudeCliPrompt.of(json("""
                {"system":[{"type":"text","text":"Sys"}],
                 "messages":[{"role":"user","content":"one"},{"role":"assistant","content":[{"type":"text","text":"two"}]},
                 {"role":"user","content":"three"},{"role":"user","content":[{"type":"text","text":"four"}]}]}"""),
                ClaudeCliPrompt.Dialect.ANTHROPIC, true);

        assertThat(p.prompt()).isEqualTo("three\n\nfour");
        assertThat(p.systemPrompt()).isEqualTo("Sys");
    }

    @Test
    void anthropic_thinkingBlocksOfEarlierTurns_areLeftOut() {
        ClaudeCliPrompt p = ClaudeCliPrompt.of(json("""
                {"messages":[{"role":"user","content":"a"},
                 {"role":"assistant","content":[{"type":"thinking","thinking":"hmm","signature":"x"},{"type":"text","text":"b"}]},
                 {"role":"user","content":"c"}]}"""), ClaudeCliPrompt.Dialect.ANTHROPIC, false);

        assertThat(p.prompt()).contains("Assistant: b\n").doesNotContain("hmm");
    }

    @Test
    void image_isRefusedNamingItsField_inBothDialects() {
        UnsupportedRequestException openAi = catchThrowableOfType(UnsupportedRequestException.class,
                () -> ClaudeCliPrompt.of(json("""
                        {"messages":[{"role":"user","content":[{"type":"text","text":"what is this?"},
                         {"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]}]}"""),
                        ClaudeCliPrompt.Dialect.OPENAI, false));
        UnsupportedRequestException anthropic = catchThrowableOfType(UnsupportedRequestException.class,
                () -> ClaudeCliPrompt.of(json("""
                        {"messages":[{"role":"user","content":[
                         {"type":"image","source":{"type":"base64","media_type":"image/png","data":"AAAA"}}]}]}"""),
                        ClaudeCliPrompt.Dialect.ANTHROPIC, false));

        assertThat(openAi.field()).isEqualTo("messages[0].content[1]");
        assertThat(openAi.getMessage()).contains("images are not supported").doesNotContain("AAAA");
        assertThat(anthropic.field()).isEqualTo("messages[0].content[0]");
    }

    @Test
    void toolsAndToolMessages_areRefusedNamingTheField() {
        assertThat(refused("""
                {"tools":[{"type":"function","function":{"name":"f"}}],"messages":[{"role":"user","content":"x"}]}""",
                ClaudeCliPrompt.Dialect.OPENAI)).isEqualTo("tools");
        assertThat(refused("""
                {"messages":[{"role":"user","content":"x"},{"role":"assistant","content":null,
                 "tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]},
                 {"role":"tool","tool_call_id":"c","content":"r"}]}""", ClaudeCliPrompt.Dialect.OPENAI))
                .isEqualTo("messages[1].tool_calls");
        assertThat(refused("""
                {"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":"r"}]}]}""",
                ClaudeCliPrompt.Dialect.ANTHROPIC)).isEqualTo("messages[0].content[0]");
        assertThat(refused("""
                {"n":2,"messages":[{"role":"user","content":"x"}]}""", ClaudeCliPrompt.Dialect.OPENAI)).isEqualTo("n");
    }

    @Test
    void conversationEndingWithTheAssistant_isRefused() {
        assertThat(refused("""
                {"messages":[{"role":"user","content":"x"},{"role":"assistant","content":"The answer is"}]}""",
                ClaudeCliPrompt.Dialect.ANTHROPIC)).isEqualTo("messages[1]");
    }

    @Test
    void emptyLastUserMessage_isRefused() {
        assertThat(refused("""
                {"messages":[{"role":"user","content":"  "}]}""", ClaudeCliPrompt.Dialect.OPENAI))
                .isEqualTo("messages[0].content");
    }

    private static String refused(String body, ClaudeCliPrompt.Dialect dialect) {
        UnsupportedRequestException e = catchThrowableOfType(UnsupportedRequestException.class,
                () -> ClaudeCliPrompt.of(json(body), dialect, false));
        assertThat(e).as(body).isNotNull();
        return e.field();
    }
}
