package ai.openclaw.claudecli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The macOS Keychain reader against stand-ins for {@code security} (a real process, on any system). */
@Timeout(30)
class SecurityCommandKeychainTest {
    @TempDir
    Path dir;

    private SecurityCommandKeychain security(String body, Duration timeout) throws IOException {
        Path script = dir.resolve("security");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return new SecurityCommandKeychain(script.toString(), timeout);
    }

    @Test
    void thePasswordIsWhatSecurityPrints_forTheItemAsked() throws IOException {
        Path args = dir.resolve("args.txt");
        SecurityCommandKeychain k = security("printf '%s\\n' \"$@\" > '" + args + "'\nprintf '{\"claudeAiOauth\":{}}\\n'\n",
                Duration.ofSeconds(10));
        assertThat(k.genericPassword("Claude Code-credentials")).contains("{\"claudeAiOauth\":{}}");
        assertThat(Files.readString(args)).isEqualTo("find-generic-password\n-s\nClaude Code-credentials\n-w\n");
    }

    @Test
    void aMissingItem_exitStatus44_isEmpty() throws IOException {
        assertThat(security("echo 'The specified item could not be found in the keychain.' >&2\nexit 44\n",
                Duration.ofSeconds(10)).genericPassword("x")).isEmpty();
    }

    @Test
    void aHangingSecurity_isKilledAtTheTimeout_andCountsAsNoItem() throws IOException {
        SecurityCommandKeychain k = security("exec sleep 30\n", Duration.ofMillis(300));
        assertThat(k.genericPassword("x")).isEmpty();
    }

    @Test
    void aMissingProgram_isEmpty() {
        assertThat(new SecurityCommandKeychain(dir.resolve("nope").toString(), Duration.ofSeconds(1))
                .genericPassword("x")).isEmpty();
    }
}
