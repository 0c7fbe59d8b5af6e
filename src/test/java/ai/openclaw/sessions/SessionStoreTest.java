package ai.openclaw.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.fs.FileLockManager;
import ai.openclaw.json.Json;
import ai.openclaw.json.MalformedFileException;
import ai.openclaw.models.ModelRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class SessionStoreTest {
    private static final long NOW = 1_760_000_000_000L;
    private static final ModelRef GPT = new ModelRef("openai", "gpt-4o");

    @TempDir
    Path stateDir;

    private final Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
    private final FileLockManager locks = new FileLockManager(clock, ProcessHandle.current().pid());

    private SessionStore store() {
        return new SessionStores(stateDir, locks, clock).forAgent("main");
    }

    private Path file() {
        return stateDir.resolve("agents/main/sessions/sessions.json");
    }

    @Test
    void storeOfAnAgent_livesUnderAgentsIdSessions() {
        assertThat(store().path()).isEqualTo(file().toAbsolutePath());
        assertThatThrownBy(() -> new SessionStores(stateDir, locks, clock).forAgent("../evil"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void get_ofAMissingFileOrKey_isEmpty() throws Exception {
        assertThat(store().get("s1")).isEmpty();
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"other\": {}}");
        assertThat(store().get("s1")).isEmpty();
    }

    @Test
    void update_createsPrivateFileAndFolders_andStampsUpdatedAt() throws Exception {
        SessionEntry saved = store().update("s1", e -> e.withModel(GPT).withUserPin("openai:work"));

        assertThat(saved.updatedAt()).isEqualTo(NOW);
        assertThat(store().get("s1")).contains(saved);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir.resolve("agents/main"))))
                .isEqualTo("rwx------");
        JsonNode json = Json.parse(file(), Files.readString(file()));
        assertThat(json.get("s1").get("providerOverride").asString()).isEqualTo("openai");
        assertThat(json.get("s1").get("modelOverride").asString()).isEqualTo("gpt-4o");
        assertThat(json.get("s1").get("authProfileOverride").asString()).isEqualTo("openai:work");
        assertThat(json.get("s1").get("authProfileOverrideSource").asString()).isEqualTo("user");
        assertThat(json.get("s1").get("updatedAt").asLong()).isEqualTo(NOW);
        assertThat(file().resolveSibling("sessions.json.lock")).doesNotExist();
    }

    @Test
    void update_keepsOtherSessionsAndUnknownFieldsInPlace() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), """
                {
                  "agent:main:main": {"sessionId": "abc", "updatedAt": 5, "nested": {"x": [1, 2]}},
                  "s1": {
                    "sessionId": "s1-id",
                    "modelOverride": 42,
                    "authProfileOverride": "anthropic:old",
                    "authProfileOverrideCompactionCount": 3,
                    "compactionCount": 7,
                    "systemSent": true
                  },
                  "weird": [1, 2, 3]
                }
                """);

        store().update("s1", e -> e.withModel(GPT).withUserPin("openai:work"));

        JsonNode json = Json.parse(file(), Files.readString(file()));
        assertThat(json.get("agent:main:main").toString())
                .isEqualTo("{\"sessionId\":\"abc\",\"updatedAt\":5,\"nested\":{\"x\":[1,2]}}");
        assertThat(json.get("weird").toString()).isEqualTo("[1,2,3]");
        assertThat(json.get("s1").propertyNames()).containsExactly("sessionId", "modelOverride",
                "authProfileOverride", "compactionCount", "systemSent", "providerOverride",
                "authProfileOverrideSource", "updatedAt");
        assertThat(json.get("s1").get("modelOverride").asString()).isEqualTo("gpt-4o");
        assertThat(json.get("s1").get("compactionCount").asInt()).isEqualTo(7);
        assertThat(json.get("s1").get("systemSent").asBoolean()).isTrue();
    }

    @Test
    void update_thatChangesNothing_writesNothing() throws Exception {
        assertThat(store().reset("s1")).isEqualTo(SessionEntry.EMPTY);
        assertThat(file()).doesNotExist();

        store().update("s1", e -> e.withModel(GPT));
        String before = Files.readString(file());
        Files.setLastModifiedTime(file(), java.nio.file.attribute.FileTime.fromMillis(1000));
        store().update("s1", e -> e.withModel(GPT));

        assertThat(Files.readString(file())).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file()).toMillis()).isEqualTo(1000);
    }

    @Test
    void reset_clearsModelAndPin_andKeepsTheRest() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), """
                {"s1": {"sessionId": "x", "providerOverride": "openai", "modelOverride": "gpt-4o",
                        "authProfileOverride": "openai:work", "authProfileOverrideSource": "auto",
                        "authProfileOverrideCompactionCount": 2}}
                """);

        SessionEntry after = store().reset("s1");

        assertThat(after.hasOverrides()).isFalse();
        assertThat(after.authProfileOverrideSource()).isNull();
        assertThat(after.authProfileOverrideCompactionCount()).isNull();
        JsonNode json = Json.parse(file(), Files.readString(file()));
        assertThat(json.get("s1").propertyNames()).containsExactly("sessionId", "updatedAt");
    }

    @Test
    void reset_forgetsTheCliSessions() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), """
                {"s1": {"sessionId": "x", "cliSessionIds": {"claude-cli": "c1", "codex-cli": "c2"},
                        "claudeCliSessionId": "c1", "cliSessionBindings": {"claude-cli": {"sessionId": "c1"}}}}
                """);

        SessionEntry after = store().reset("s1");

        assertThat(after.cliSessionId("claude-cli")).isEmpty();
        JsonNode json = Json.parse(file(), Files.readString(file()));
        assertThat(json.get("s1").propertyNames()).containsExactly("sessionId", "updatedAt");
    }

    @Test
    void malformedFile_failsWithPathLineAndColumn_andIsNeverOverwritten() throws Exception {
        Files.createDirectories(file().getParent());
        String broken = "{\n  \"s1\": {\"modelOverride\": \"sk-secret-value\",,}\n}\n";
        Files.writeString(file(), broken);

        assertThatThrownBy(() -> store().update("s1", e -> e.withModel(GPT)))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith(file().toAbsolutePath() + ":2:")
                .hasMessageNotContaining("sk-secret-value");
        assertThatThrownBy(() -> store().get("s1")).isInstanceOf(MalformedFileException.class);
        assertThatThrownBy(() -> store().reset("s1")).isInstanceOf(MalformedFileException.class);

        assertThat(Files.readString(file())).isEqualTo(broken);
        assertThat(file().resolveSibling("sessions.json.lock")).doesNotExist();
    }

    @Test
    void fileThatIsNotAnObject_orEntryThatIsNotAnObject_isLeftAsItIs() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "[]");
        assertThatThrownBy(() -> store().update("s1", e -> e.withModel(GPT)))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("expected a JSON object of sessions");
        assertThat(Files.readString(file())).isEqualTo("[]");

        Files.writeString(file(), "{\"s1\": \"text\"}");
        assertThatThrownBy(() -> store().update("s1", e -> e.withModel(GPT)))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("session \"s1\" is not a JSON object");
        assertThatThrownBy(() -> store().get("s1")).isInstanceOf(MalformedFileException.class);
        assertThat(Files.readString(file())).isEqualTo("{\"s1\": \"text\"}");
        // other keys stay usable
        store().update("s2", e -> e.withModel(GPT));
        assertThat(Json.parse(file(), Files.readString(file())).get("s1").asString()).isEqualTo("text");
    }

    @Test
    void blankSessionKey_isRefused() {
        assertThatThrownBy(() -> store().get(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().update("", e -> e)).isInstanceOf(IllegalArgumentException.class);
    }
}
