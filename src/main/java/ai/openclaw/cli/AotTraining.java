package ai.openclaw.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the launcher's JDK AOT cache ({@code bin/lib/aot.sh}): one JVM runs several commands in
 * process, so the cache covers the classes of each (one JVM records one training run). Arguments are command lines
 * separated by {@code ;;}. Not used otherwise.
 */
public final class AotTraining {
    private AotTraining() {}

    public static void main(String[] argv) {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String a : argv) {
            if (a.equals(";;")) {
                commands.add(current);
                current = new ArrayList<>();
            } else {
                current.add(a);
            }
        }
        commands.add(current);
        for (List<String> command : commands) {
            if (!command.isEmpty()) {
                Main.run(command.toArray(String[]::new));
            }
        }
    }
}
