package ai.openclaw.clibackend;

/**
 * A request asks for something a CLI backend cannot express (tools, images, several choices...). The gateway answers
 * 400 in the caller's format. {@link #field()} is a JSON path into the caller's request
 * ({@code messages[1].content[0]}, {@code tools}); the message is {@code "<field>: <reason>"} and never contains
 * request content.
 */
public final class UnsupportedRequestException extends RuntimeException {
    private final String field;

    public UnsupportedRequestException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
