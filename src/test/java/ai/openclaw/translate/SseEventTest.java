package ai.openclaw.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SseEventTest {

    @Test
    void json_parsesTheData() {
        assertThat(SseEvent.data("{\"a\":[1,2]}").json().get("a").size()).isEqualTo(2);
    }

    @Test
    void json_ofBadData_isAnUpstreamFormatError_withPosition_butWithoutTheContent() {
        assertThatThrownBy(() -> new SseEvent("content_block_delta", "{\"secret-ish\": nope}").json())
                .isInstanceOf(UpstreamFormatException.class)
                .hasMessageStartingWith("SSE event 'content_block_delta' has data that is not valid JSON (line 1, column")
                .hasMessageNotContaining("secret-ish")
                .hasMessageNotContaining("nope");
        assertThatThrownBy(() -> SseEvent.data("{\"a\":1} trailing").json())
                .isInstanceOf(UpstreamFormatException.class).hasMessageStartingWith("SSE event has data that is not valid JSON");
        assertThatThrownBy(() -> new SseEvent("ping", "").json())
                .isInstanceOf(UpstreamFormatException.class).hasMessage("SSE event 'ping' has no data");
    }

    @Test
    void done_isRecognisedWithSurroundingWhitespace() {
        assertThat(SseEvent.data(" [DONE] ").isDone()).isTrue();
        assertThat(SseEvent.data("{}").isDone()).isFalse();
    }

    @Test
    void emptyEventName_meansNoName() {
        assertThat(new SseEvent("", "x").event()).isNull();
    }
}
