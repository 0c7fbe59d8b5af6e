package ai.openclaw.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version Maven records in the jar. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = "dev";
        try (InputStream in = VersionProvider.class.getResourceAsStream(
                "/META-INF/maven/ai.openclaw/openclaw/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                version = p.getProperty("version", version);
            }
        } catch (IOException ignored) {
            // the version line is informational; "dev" is an honest answer when the build metadata is absent
        }
        return new String[] {"openclaw-java " + version + " (Java " + Runtime.version() + ")"};
    }
}
