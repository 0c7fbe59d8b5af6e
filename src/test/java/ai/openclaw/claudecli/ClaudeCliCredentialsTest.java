package ai.openclaw.claudecli;

import static ai.openclaw.claudecli.ClaudeCliFixtures.ACCESS;
import static ai.openclaw.claudecli.ClaudeCliFixtures.REFRESH;
import static ai.openclaw.claudecli.ClaudeCliFixtures.credentialsJson;
import static ai.openclaw.claudecli.ClaudeCliFixtures.write;
import static ai.openclaw.claudecli.ClaudeCliFixtures.writeCredentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.TokenCredential;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaudeCliCredentialsTest {
    private static final long EXPIRES = 1_900_000_000_000L;

    @TempDir
    Path home;

    private ClaudeCliCredentials reader(Map<String, String> env) {
        return new ClaudeCliCredentials(env, home, Keychain.NONE);
    }

    @Test
    void withARefreshToken_theLoginIsAnAnthropicOAuthCredential() {
        writeCredentials(home, credentialsJson(ACCESS, REFRESH, EXPIRES));
        ClaudeCliCredential login = reader(Map.of()).read(false).orElseThrow();
        assertThat(login.credential()).isInstanceOfSatisfying(OAuthCredential.class, o -> {
            assertThat(o.provider()).isEqualTo("anthropic");
            assertThat(o.access().reveal()).isEqualTo(ACCESS);
            assertThat(o.refresh().reveal()).isEqualTo(REFRESH);
            assertThat(o.expires()).isEqualTo(EXPIRES);
            assertThat(o.email()).isNull();
        });
        assertThat(login.source()).isEqualTo(home.resolve(".claude/.credentials.json").toString());
        assertThat(login.expires()).isEqualTo(EXPIRES);
    }

    @Test
    void withoutARefreshToken_theLoginIsATokenCredential() {
        writeCredentials(home, credentialsJson(ACCESS, null, EXPIRES));
        ClaudeCliCredential login = reader(Map.of()).read(false).orElseThrow();
        assertThat(login.credential()).isInstanceOfSatisfying(TokenCredential.class, t -> {
            assertThat(t.provider()).isEqualTo("anthropic");
            assertThat(t.token().reveal()).isEqualTo(ACCESS);
            assertThat(t.expires()).isEqualTo(EXPIRES);
        });
    }

    @Test
    void theAccountEmail_comesFromClaudeJson() {
        writeCredentials(home, credentialsJson(ACCESS, REFRESH, EXPIRES));
        write(home.resolve(".claude.json"), "{\"numStartups\": 3, \"oauthAccount\": {\"emailAddress\": "
                + "\"me@example.com\", \"accountUuid\": \"u-1\"}}");
        assertThat(reader(Map.of()).read(false).orElseThrow().credential().email()).isEqualTo("me@example.com");
    }

    @Test
    void anUnreadableClaudeJson_onlyLosesTheEmail() {
        writeCredentials(home, credentialsJson(ACCESS, REFRESH, EXPIRES));
        write(home.resolve(".claude.json"), "{ not json");
        assertThat(reader(Map.of()).read(false).orElseThrow().credential().email()).isNull();
    }

    @Test
    void noFile_isNoLogin() {
        assertThat(reader(Map.of()).read(false)).isEmpty();
    }

    @Test
    void aFileWithoutClaudeAiOauth_isNoLogin() {
        writeCredentials(home, "{\"mcpOAuth\": {\"server\": {\"accessToken\": \"x\"}}}");
        assertThat(reader(Map.of()).read(false)).isEmpty();
    }

    @Test
    void malformedJson_isAnErrorNamingThePathAndPosition_withoutContent() {
        Path file = writeCredentials(home, "{\n  \"claudeAiOauth\": {\n    \"accessToken\": \"" + ACCESS + "\",\n"
                + "    \"expiresAt\": 17,,\n  }\n}\n");
        assertThatThrownBy(() -> reader(Map.of()).read(false))
                .isInstanceOf(ClaudeCliCredentialsException.class)
                .hasMessageStartingWith("Cannot read the Claude CLI login: " + file + ":4:")
                .hasMessageNotContaining(ACCESS);
    }

    @Test
    void missingOrWrongFields_areErrorsNamingTheField() {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"{\"claudeAiOauth\": {\"expiresAt\": 5}}", "claudeAiOauth.accessToken is missing"});
        cases.add(new String[] {"{\"claudeAiOauth\": {\"accessToken\": \"\", \"expiresAt\": 5}}",
                "claudeAiOauth.accessToken is missing or empty"});
        cases.add(new String[] {"{\"claudeAiOauth\": {\"accessToken\": \"" + ACCESS + "\"}}",
                "claudeAiOauth.expiresAt is missing or not a positive number"});
        cases.add(new String[] {"{\"claudeAiOauth\": {\"accessToken\": \"" + ACCESS + "\", \"expiresAt\": \"soon\"}}",
                "claudeAiOauth.expiresAt is missing or not a positive number"});
        cases.add(new String[] {"{\"claudeAiOauth\": {\"accessToken\": \"" + ACCESS + "\", \"expiresAt\": 0}}",
                "claudeAiOauth.expiresAt is missing or not a positive number"});
        cases.add(new String[] {"{\"claudeAiOauth\": {\"accessToken\": \"" + ACCESS + "\", \"expiresAt\": 5, "
                + "\"refreshToken\": 42}}", "claudeAiOauth.refreshToken is not a string"});
        cases.add(new String[] {"{\"claudeAiOauth\": \"" + ACCESS + "\"}", "claudeAiOauth is not an object"});
        cases.add(new String[] {"[1, 2]", "the file is not a JSON object"});
        for (String[] c : cases) {
            Path file = writeCredentials(home, c[0]);
            assertThatThrownBy(() -> reader(Map.of()).read(false)).as(c[0])
                    .isInstanceOf(ClaudeCliCredentialsException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining(c[1])
                    .hasMessageContaining("Run `claude` and log in again.")
                    .hasMessageNotContaining(ACCESS);
        }
    }

    @Test
    void claudeConfigDir_takesPrecedenceOverTheHomeDirectory(@TempDir Path configDir) {
        writeCredentials(home, credentialsJson("sk-ant-oat01-from-home", REFRESH, EXPIRES));
        write(configDir.resolve(".credentials.json"), credentialsJson(ACCESS, REFRESH, EXPIRES + 1));
        write(configDir.resolve(".claude.json"), "{\"oauthAccount\": {\"emailAddress\": \"dir@example.com\"}}");
        write(home.resolve(".claude.json"), "{\"oauthAccount\": {\"emailAddress\": \"home@example.com\"}}");

        ClaudeCliCredentials r = reader(Map.of("CLAUDE_CONFIG_DIR", configDir.toString()));
        ClaudeCliCredential login = r.read(false).orElseThrow();
        assertThat(((OAuthCredential) login.credential()).access().reveal()).isEqualTo(ACCESS);
        assertThat(login.expires()).isEqualTo(EXPIRES + 1);
        assertThat(login.credential().email()).isEqualTo("dir@example.com");
        assertThat(r.credentialsPath()).isEqualTo(configDir.resolve(".credentials.json"));

        // a blank value means "not set"
        ClaudeCliCredentials blank = reader(Map.of("CLAUDE_CONFIG_DIR", "  "));
        assertThat(blank.credentialsPath()).isEqualTo(home.resolve(".claude/.credentials.json"));
        assertThat(blank.read(false).orElseThrow().credential().email()).isEqualTo("home@example.com");
    }

    @Test
    void claudeConfigDir_withATilde_isUnderTheHomeDirectory() {
        assertThat(reader(Map.of("CLAUDE_CONFIG_DIR", "~/cc")).credentialsPath())
                .isEqualTo(home.resolve("cc/.credentials.json"));
    }

    @Test
    void theKeychain_isAskedFirst_andOnlyWhenAllowed() {
        writeCredentials(home, credentialsJson("sk-ant-oat01-from-the-file", REFRESH, EXPIRES));
        List<String> asked = new ArrayList<>();
        Keychain keychain = service -> {
            asked.add(service);
            return Optional.of(credentialsJson(ACCESS, REFRESH, EXPIRES + 5));
        };
        ClaudeCliCredentials r = new ClaudeCliCredentials(Map.of(), home, keychain);

        ClaudeCliCredential fromFile = r.read(false).orElseThrow();
        assertThat(asked).isEmpty();
        assertThat(fromFile.source()).endsWith(".credentials.json");

        ClaudeCliCredential fromKeychain = r.read(true).orElseThrow();
        assertThat(asked).containsExactly("Claude Code-credentials");
        assertThat(fromKeychain.source()).isEqualTo("macOS Keychain item \"Claude Code-credentials\"");
        assertThat(fromKeychain.expires()).isEqualTo(EXPIRES + 5);
        assertThat(r.whereLooked(true)).startsWith("macOS Keychain item").endsWith(".credentials.json");
    }

    @Test
    void aKeychainWithoutTheItem_fallsBackToTheFile() {
        writeCredentials(home, credentialsJson(ACCESS, REFRESH, EXPIRES));
        ClaudeCliCredentials r = new ClaudeCliCredentials(Map.of(), home, service -> Optional.empty());
        assertThat(r.read(true).orElseThrow().source()).endsWith(".credentials.json");
    }

    @Test
    void onlyMacOs_hasAKeychain() {
        assertThat(Keychain.forOs("Linux")).isSameAs(Keychain.NONE);
        assertThat(Keychain.forOs("Windows 11")).isSameAs(Keychain.NONE);
        assertThat(Keychain.forOs(null)).isSameAs(Keychain.NONE);
        assertThat(Keychain.forOs("Mac OS X")).isInstanceOf(SecurityCommandKeychain.class);
    }

    @Test
    void toString_neverShowsTheTokens() {
        writeCredentials(home, credentialsJson(ACCESS, REFRESH, EXPIRES));
        ClaudeCliCredential login = reader(Map.of()).read(false).orElseThrow();
        assertThat(login.toString()).doesNotContain(ACCESS).doesNotContain(REFRESH);
    }
}
