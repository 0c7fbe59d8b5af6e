package ai.openclaw.sessions;

import ai.openclaw.fs.AtomicWriter;
import ai.openclaw.fs.FileLockManager;
import ai.openclaw.fs.LockPolicy;
import ai.openclaw.json.Json;
import ai.openclaw.json.MalformedFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One agent's {@code sessions.json}: a JSON object from session key to {@link SessionEntry}.
 *
 * <p>Reads are strict and lock-free (writes are atomic, so a reader sees a whole file). Every change follows the
 * credential store's rule: take {@code sessions.json.lock}, read the file fresh, change one entry, write the whole
 * file atomically (0600, folders 0700). Other sessions and unknown fields are written back as they were read. A
 * file that cannot be parsed, whose top level is not an object, or whose entry for the key is not an object is
 * never written over: the change fails with the file's path (and line:column for syntax errors).
 */
public final class SessionStore {
    public static final String FILE_NAME = "sessions.json";

    private final Path path;
    private final FileLockManager locks;
    private final Clock clock;

    public SessionStore(Path path, FileLockManager locks, Clock clock) {
        this.path = Objects.requireNonNull(path, "path").toAbsolutePath();
        this.locks = Objects.requireNonNull(locks, "locks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path path() {
        return path;
    }

    /**
     * The entry of {@code sessionKey}; empty when the file or the key does not exist.
     *
     * @throws MalformedFileException the file cannot be read or parsed, or the entry is not an object
     */
    public Optional<SessionEntry> get(String sessionKey) {
        String key = requireKey(sessionKey);
        JsonNode raw = readRoot().get(key);
        return raw == null ? Optional.empty() : Optional.of(SessionEntryCodec.decode(entryObject(key, raw)));
    }

    /**
     * Applies {@code change} to a fresh read of the entry ({@link SessionEntry#EMPTY} when absent) under the lock
     * and saves it with {@code updatedAt} set to now. When the change returns the entry unchanged nothing is
     * written.
     *
     * @return the entry as saved (or as found, when unchanged)
     * @throws MalformedFileException the file cannot be read or parsed, or the entry is not an object (nothing
     *                                written)
     */
    public SessionEntry update(String sessionKey, UnaryOperator<SessionEntry> change) {
        String key = requireKey(sessionKey);
        Objects.requireNonNull(change, "change");
        return locks.withLock(path, LockPolicy.STORE, () -> {
            ObjectNode root = readRoot();
            JsonNode previous = root.get(key);
            SessionEntry before = previous == null ? SessionEntry.EMPTY
                    : SessionEntryCodec.decode(entryObject(key, previous));
            SessionEntry after = Objects.requireNonNull(change.apply(before), "change returned null");
            if (after.equals(before)) {
                return before;
            }
            SessionEntry saved = after.withUpdatedAt(clock.millis());
            root.set(key, SessionEntryCodec.encode(saved, previous));
            AtomicWriter.write(path, Json.prettyBytes(root));
            return saved;
        });
    }

    /**
     * {@code /new} and {@code /reset}: clears the session's model and auth profile selection, and the CLI backends'
     * session ids (the next CLI turn starts a new conversation).
     */
    public SessionEntry reset(String sessionKey) {
        return update(sessionKey, e -> e.withoutOverrides().withoutCliSessionIds());
    }

    private ObjectNode readRoot() {
        Optional<JsonNode> node = Json.read(path);
        if (node.isEmpty()) {
            return Json.object();
        }
        if (!node.get().isObject()) {
            throw new MalformedFileException(path, 0, 0,
                    "expected a JSON object of sessions by key; the file is left as it is");
        }
        return (ObjectNode) node.get();
    }

    private ObjectNode entryObject(String key, JsonNode raw) {
        if (!raw.isObject()) {
            throw new MalformedFileException(path, 0, 0,
                    "the entry of session \"" + key + "\" is not a JSON object; the file is left as it is");
        }
        return (ObjectNode) raw;
    }

    private static String requireKey(String sessionKey) {
        if (sessionKey == null || sessionKey.isBlank()) {
            throw new IllegalArgumentException("session key must not be blank");
        }
        return sessionKey;
    }
}
