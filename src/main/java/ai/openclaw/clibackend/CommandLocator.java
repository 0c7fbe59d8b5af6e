package ai.openclaw.clibackend;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the program a backend's {@code command} names, the way a shell would but without one: a name is looked up
 * in the {@code PATH} of the child's environment (not the gateway's own, which a daemon may have minimal), a path
 * with a {@code /} is taken as is, {@code ~/...} is relative to the home directory.
 */
final class CommandLocator {
    private CommandLocator() {}

    /** The executable file {@code command} names, or empty when there is none. */
    static Optional<Path> locate(String command, Map<String, String> env, Path home) {
        try {
            if (command.equals("~") || command.startsWith("~/")) {
                return executable(home.resolve(command.substring(Math.min(2, command.length()))));
            }
            if (command.contains("/")) {
                return executable(Path.of(command).toAbsolutePath());
            }
            String path = env.getOrDefault("PATH", "");
            for (String dir : path.split(":")) {
                if (dir.isBlank()) {
                    continue;
                }
                Optional<Path> hit = executable(Path.of(dir).resolve(command));
                if (hit.isPresent()) {
                    return hit;
                }
            }
            return Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> executable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p.toAbsolutePath().normalize())
                : Optional.empty();
    }
}
