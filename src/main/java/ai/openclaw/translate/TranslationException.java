package ai.openclaw.translate;

/**
 * A client request uses something the other API cannot express. The gateway answers 400 in the client's format.
 *
 * <p>{@link #field()} is a JSON path into the client's request ({@code messages[2].content[0].input_audio},
 * {@code n}); {@link #reason()} says why it cannot be translated. The message is {@code "<field>: <reason>"} and
 * never contains request content.
 */
public final class TranslationException extends RuntimeException {
    private final String field;
    private final String reason;

    public TranslationException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
