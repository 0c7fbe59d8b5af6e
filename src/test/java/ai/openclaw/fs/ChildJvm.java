package ai.openclaw.fs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a {@code main} class of the test classpath in a fresh JVM (a real, separate OS process). */
public final class ChildJvm {
    private ChildJvm() {}

    public static ProcessBuilder builder(Class<?> mainClass, String... args) {
        String java = ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java,
                "-cp", System.getProperty("java.class.path"),
                // Short-lived helpers: fast startup matters more than peak speed.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                mainClass.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    public static Process start(Class<?> mainClass, Path output, String... args) throws IOException {
        return builder(mainClass, args).redirectOutput(output.toFile()).start();
    }
}
