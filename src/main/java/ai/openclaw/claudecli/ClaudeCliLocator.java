package ai.openclaw.claudecli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the {@code claude} program: the configured {@code agents.defaults.cliBackends.claude-cli.command} when set (a
 * path, or a name looked up on {@code PATH}), else {@code claude} on {@code PATH}. {@code PATH} is the layered
 * environment's, so a daemon whose own {@code PATH} is minimal can be pointed at it through {@code .env} or the
 * config. Empty {@code PATH} entries (the current directory) are not searched.
 */
public final class ClaudeCliLocator {
    /** The program name of Claude Code. */
    public static final String DEFAULT_COMMAND = "claude";
    /** Where the config can name the program. */
    public static final String COMMAND_SETTING = "agents.defaults.cliBackends.claude-cli.command";

    private ClaudeCliLocator() {}

    /**
     * @param path              the {@code PATH} value to search (may be null)
     * @param configuredCommand the configured command, tilde already expanded (null or blank: not configured)
     * @return the executable file, when there is one
     */
    public static Optional<Path> locate(String path, String configuredCommand) {
        String command = configuredCommand == null || configuredCommand.isBlank() ? DEFAULT_COMMAND
                : configuredCommand.strip();
        if (command.indexOf('/') >= 0) {
            return executable(command);
        }
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Optional<Path> found = executable(dir + File.separator + command);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** What to tell a person when {@link #locate} found nothing. */
    public static String notFoundMessage(String configuredCommand) {
        if (configuredCommand != null && !configuredCommand.isBlank()) {
            return "Claude CLI not found: " + COMMAND_SETTING + " is \"" + configuredCommand.strip()
                    + "\", which is not an executable file" + (configuredCommand.indexOf('/') >= 0 ? "" : " on PATH")
                    + ". Install Claude Code (https://docs.anthropic.com/claude-code) or fix the setting, then run "
                    + "`claude` to log in.";
        }
        return "Claude CLI not found on PATH (or " + COMMAND_SETTING + "). Install Claude Code "
                + "(https://docs.anthropic.com/claude-code) and run `claude` to log in.";
    }

    private static Optional<Path> executable(String candidate) {
        try {
            Path p = Path.of(candidate);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p.toAbsolutePath()) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
