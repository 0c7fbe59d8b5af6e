package ai.openclaw.cli.prompt;

import java.io.IOException;
import java.io.InputStream;

/** A terminal that can be switched into raw mode, where every key arrives at once and nothing is echoed. */
public interface RawConsole {
    /** The terminal's input bytes. */
    InputStream input();

    /**
     * Switches the terminal to raw mode. Closing the returned session restores the previous mode; so does the exit
     * of the JVM while the session is open.
     *
     * @throws IOException when the mode cannot be changed (the caller falls back to line prompts)
     */
    Session enterRaw() throws IOException;

    /** An open raw-mode session; {@link #close()} may be called more than once. */
    interface Session extends AutoCloseable {
        @Override
        void close();
    }
}
