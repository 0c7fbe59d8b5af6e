package ai.openclaw.store;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of loading one agent's store.
 *
 * @param store     the usable profiles and state (empty when the file is absent or not canonical)
 * @param format    the shape found on disk; null when {@code auth-profiles.json} does not exist
 * @param warnings  dropped entries and other problems, safe to print
 * @param imported  ids imported from legacy files during this load (persisted unless read-only)
 */
public record LoadedStore(Path path, AuthStore store, AuthProfilesCodec.Format format, List<LoadWarning> warnings,
                          List<String> imported) {
    public LoadedStore {
        warnings = List.copyOf(warnings);
        imported = List.copyOf(imported);
    }

    public boolean exists() {
        return format != null;
    }
}
