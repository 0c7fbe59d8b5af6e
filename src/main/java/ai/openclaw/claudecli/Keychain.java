package ai.openclaw.claudecli;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The macOS login Keychain, where Claude Code keeps its login on a Mac. Reached through an interface so that only
 * a Mac ever runs {@code security}, and tests never do.
 */
public interface Keychain {
    /** No Keychain (every system but macOS). */
    Keychain NONE = service -> Optional.empty();

    /** How long {@code security} may take (it can hang on an access prompt nobody sees). */
    Duration TIMEOUT = Duration.ofSeconds(5);

    /**
     * The password of the generic-password item of {@code service}, or empty when there is no such item or it cannot
     * be read in time. Never throws: a Keychain that cannot be read is treated as one without the item.
     */
    Optional<String> genericPassword(String service);

    /** {@link SecurityCommandKeychain} on macOS (by {@code os.name}), {@link #NONE} elsewhere. */
    static Keychain forOs(String osName) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        return os.startsWith("mac") || os.contains("darwin") ? new SecurityCommandKeychain(TIMEOUT) : NONE;
    }
}
