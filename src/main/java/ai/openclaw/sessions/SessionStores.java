package ai.openclaw.sessions;

import ai.openclaw.fs.FileLockManager;
import ai.openclaw.paths.AgentIds;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/** Where each agent keeps its sessions: {@code <stateDir>/agents/<agentId>/sessions/sessions.json}. */
public final class SessionStores {
    private final Path stateDir;
    private final FileLockManager locks;
    private final Clock clock;

    /** @param locks the process's single lock manager (the same one the credential stores use) */
    public SessionStores(Path stateDir, FileLockManager locks, Clock clock) {
        this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The store of {@code agentId}.
     *
     * @throws IllegalArgumentException the id is not a valid agent id (it names a folder)
     */
    public SessionStore forAgent(String agentId) {
        return new SessionStore(pathFor(stateDir, agentId), locks, clock);
    }

    /** {@code <stateDir>/agents/<agentId>/sessions/sessions.json}, the id validated with {@link AgentIds#normalize}. */
    public static Path pathFor(Path stateDir, String agentId) {
        return stateDir.resolve("agents").resolve(AgentIds.normalize(agentId)).resolve("sessions")
                .resolve(SessionStore.FILE_NAME);
    }
}
