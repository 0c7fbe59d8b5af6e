package ai.openclaw.env;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Captures the environment of the user's login shell ({@code <shell> -l -c 'env -0'}). Injected into
 * {@link EnvLoader} so tests can substitute it; {@link #system()} is the real one.
 */
@FunctionalInterface
public interface ShellEnvRunner {
    /**
     * Runs {@code shell} as a login shell and returns the variables it prints.
     *
     * @param shell       the shell executable
     * @param environment the environment the shell starts with
     * @param timeout     hard limit; the shell and its children are killed when it passes
     * @throws ShellEnvException when the shell cannot start, fails, or times out
     */
    Map<String, String> capture(Path shell, Map<String, String> environment, Duration timeout) throws ShellEnvException;

    /** Runs the shell as a child process. */
    static ShellEnvRunner system() {
        return new ProcessShellEnvRunner();
    }

    /** A runner that always fails; for callers that must never spawn a shell. */
    static ShellEnvRunner disabled() {
        return (shell, environment, timeout) -> {
            throw new ShellEnvException("login shell import is not available here");
        };
    }
}
