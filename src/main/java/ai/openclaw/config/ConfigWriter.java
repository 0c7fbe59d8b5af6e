package ai.openclaw.config;

import ai.openclaw.fs.AtomicWriter;
import ai.openclaw.fs.FileLockManager;
import ai.openclaw.fs.LockPolicy;
import ai.openclaw.json.Json;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Read-modify-write of {@code openclaw.json}.
 *
 * <p>Under the config's sidecar lock: re-read the raw file (JSON5, no {@code ${VAR}} substitution, so
 * references stay references and every key the mutation does not touch survives), apply the mutation, copy
 * the previous file to {@code <config>.bak} (0600), and replace the file atomically with pretty JSON (0600).
 * A missing file is created (parent folders 0700). A malformed file is refused and left byte-identical.
 * When the mutation changes nothing, nothing is written.
 *
 * <p>Comments and JSON5 syntax are not preserved in the rewritten file (it is written as plain JSON); the
 * {@code .bak} copy keeps the previous text, comments included.
 */
public final class ConfigWriter {
    static final String BACKUP_SUFFIX = ".bak";

    private final FileLockManager locks;

    public ConfigWriter(FileLockManager locks) {
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    /**
     * Applies {@code mutation} to the raw config tree and persists the result.
     *
     * @param configPath the config file
     * @param mutation   edits the tree it is given (in place or by returning another object); must not return null
     * @return whether the file was written (false when the mutation changed nothing)
     * @throws ai.openclaw.json.MalformedFileException when the current file cannot be read or parsed (nothing written)
     * @throws ConfigException                         when its root is not an object (nothing written)
     * @throws ai.openclaw.fs.FileWriteException       when the backup or the write fails (file unchanged)
     * @throws ai.openclaw.fs.LockTimeoutException     when the lock stays busy
     */
    public boolean update(Path configPath, UnaryOperator<ObjectNode> mutation) {
        Objects.requireNonNull(configPath, "configPath");
        Objects.requireNonNull(mutation, "mutation");
        return locks.withLock(configPath, LockPolicy.STORE, () -> updateLocked(configPath, mutation));
    }

    private boolean updateLocked(Path configPath, UnaryOperator<ObjectNode> mutation) {
        Optional<ParsedDocument> current = Json5.read(configPath);
        ObjectNode before = current.map(ConfigWriter::rootObject).orElseGet(JsonNodeFactory.instance::objectNode);
        ObjectNode after = Objects.requireNonNull(mutation.apply(before.deepCopy()), "mutation result");
        if (current.isPresent() && after.equals(before)) {
            return false;
        }
        if (current.isPresent()) {
            AtomicWriter.copyPrivate(configPath, configPath.resolveSibling(configPath.getFileName() + BACKUP_SUFFIX));
        }
        AtomicWriter.write(configPath, Json.prettyBytes(after));
        return true;
    }

    private static ObjectNode rootObject(ParsedDocument document) {
        JsonNode root = document.root();
        if (!root.isObject()) {
            throw document.errorAt(JsonPath.ROOT, "the config must be a JSON5 object; not rewriting it");
        }
        return (ObjectNode) root;
    }
}
