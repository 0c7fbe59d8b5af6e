package ai.openclaw.cli;

import java.util.Arrays;

/** Reads one secret from the terminal (echo off) or standard input; never from argv. */
final class SecretPrompt {
    private SecretPrompt() {}

    static String read(Terminal terminal, String prompt) {
        char[] chars = terminal.readSecret(prompt + ": ");
        try {
            String value = chars == null ? "" : new String(chars).strip();
            if (value.isEmpty()) {
                throw new UserError("Required: no value was entered. "
                        + (terminal.interactive() ? "Paste it at the prompt."
                        : "Pipe it on standard input, e.g. `printf '%s' \"$KEY\" | openclaw ...`."));
            }
            return value;
        } finally {
            if (chars != null) {
                Arrays.fill(chars, '\0');
            }
        }
    }
}
