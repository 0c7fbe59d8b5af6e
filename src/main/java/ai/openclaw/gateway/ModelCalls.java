package ai.openclaw.gateway;

import java.io.IOException;

/** Serves {@code POST /v1/chat/completions} and {@code POST /v1/messages}. */
public interface ModelCalls {
    void handle(ClientChannel exchange, ApiFormat format, RequestLog log) throws IOException;
}
