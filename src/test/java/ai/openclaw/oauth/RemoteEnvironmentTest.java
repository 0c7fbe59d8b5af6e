package ai.openclaw.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Remote/headless detection of logins §2.5. */
class RemoteEnvironmentTest {
    @ParameterizedTest
    @ValueSource(strings = {"SSH_CLIENT", "SSH_TTY", "SSH_CONNECTION", "REMOTE_CONTAINERS", "CODESPACES"})
    void sshOrContainerVariable_makesAnyHostRemote(String name) {
        RemoteEnvironment r = RemoteEnvironment.detect(Map.of(name, "x", "DISPLAY", ":0"), "Mac OS X");

        assertThat(r.isRemote()).isTrue();
        assertThat(r.reason()).contains(name + " is set");
    }

    @Test
    void linuxWithoutDisplay_isHeadless() {
        assertThat(RemoteEnvironment.detect(Map.of(), "Linux").isRemote()).isTrue();
        assertThat(RemoteEnvironment.detect(Map.of("DISPLAY", ""), "Linux").isRemote()).as("empty = unset").isTrue();
    }

    @Test
    void linuxWithX11OrWayland_isLocal() {
        assertThat(RemoteEnvironment.detect(Map.of("DISPLAY", ":0"), "Linux").isRemote()).isFalse();
        assertThat(RemoteEnvironment.detect(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux").isRemote()).isFalse();
    }

    @Test
    void wslWithoutDisplay_isLocal() {
        assertThat(RemoteEnvironment.detect(Map.of("WSL_DISTRO_NAME", "Ubuntu"), "Linux").isRemote()).isFalse();
        assertThat(RemoteEnvironment.detect(Map.of("WSL_INTEROP", "/run/WSL/1_interop"), "Linux").isRemote()).isFalse();
    }

    @Test
    void macAndWindowsWithoutDisplay_areLocal() {
        assertThat(RemoteEnvironment.detect(Map.of(), "Mac OS X").isRemote()).isFalse();
        assertThat(RemoteEnvironment.detect(Map.of(), "Windows 11").isRemote()).isFalse();
    }
}
