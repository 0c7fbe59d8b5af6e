package ai.openclaw.oauth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the browser that completes a login probably runs on another machine (logins §2.5), in which case its
 * redirect to {@code localhost} cannot reach us and the login asks for the redirect URL to be pasted right away.
 *
 * <p>Remote when any of {@code SSH_CLIENT}, {@code SSH_TTY}, {@code SSH_CONNECTION}, {@code REMOTE_CONTAINERS},
 * {@code CODESPACES} is set, or on Linux without {@code DISPLAY} and {@code WAYLAND_DISPLAY} outside WSL (a headless
 * server). WSL is recognised by {@code WSL_DISTRO_NAME} or {@code WSL_INTEROP}, which WSL sets in every session.
 *
 * @param reason why the host counts as remote, for the message; empty when it does not
 */
public record RemoteEnvironment(Optional<String> reason) {
    private static final List<String> REMOTE_MARKERS =
            List.of("SSH_CLIENT", "SSH_TTY", "SSH_CONNECTION", "REMOTE_CONTAINERS", "CODESPACES");

    public RemoteEnvironment {
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param env    the environment to judge (the process's, as the command sees it)
     * @param osName the {@code os.name} system property
     */
    public static RemoteEnvironment detect(Map<String, String> env, String osName) {
        for (String name : REMOTE_MARKERS) {
            if (isSet(env, name)) {
                return new RemoteEnvironment(Optional.of(name + " is set"));
            }
        }
        boolean linux = osName != null && osName.toLowerCase(Locale.ROOT).startsWith("linux");
        boolean wsl = isSet(env, "WSL_DISTRO_NAME") || isSet(env, "WSL_INTEROP");
        if (linux && !wsl && !isSet(env, "DISPLAY") && !isSet(env, "WAYLAND_DISPLAY")) {
            return new RemoteEnvironment(Optional.of("no DISPLAY or WAYLAND_DISPLAY"));
        }
        return new RemoteEnvironment(Optional.empty());
    }

    public boolean isRemote() {
        return reason.isPresent();
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isEmpty();
    }
}
