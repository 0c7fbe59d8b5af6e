package ai.openclaw.sessions;

import ai.openclaw.fs.FileLockManager;
import ai.openclaw.models.ModelRef;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Child-process helper for the multi-process test: selects a model for sessions {@code <prefix>0} to
 * {@code <prefix>(n-1)} of agent {@code main}, one locked update each. Arguments: state dir, prefix, n.
 */
public final class SessionUpdaterMain {
    private SessionUpdaterMain() {}

    public static void main(String[] args) {
        Path stateDir = Path.of(args[0]);
        String prefix = args[1];
        int n = Integer.parseInt(args[2]);
        Clock clock = Clock.systemUTC();
        SessionStore store = new SessionStores(stateDir, new FileLockManager(clock, ProcessHandle.current().pid()),
                clock).forAgent("main");
        updateAll(store, prefix, n);
    }

    static void updateAll(SessionStore store, String prefix, int n) {
        for (int i = 0; i < n; i++) {
            String model = prefix + i;
            store.update(prefix + i, e -> e.withModel(new ModelRef("openai", model)));
        }
    }
}
