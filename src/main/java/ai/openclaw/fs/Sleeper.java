package ai.openclaw.fs;

/** Waits between lock attempts; replaced in tests to observe the back-off without real waiting. */
@FunctionalInterface
interface Sleeper {
    void sleep(long millis) throws InterruptedException;
}
