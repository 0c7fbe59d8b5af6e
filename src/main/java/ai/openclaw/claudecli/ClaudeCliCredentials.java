package ai.openclaw.claudecli;

import ai.openclaw.config.ConfigMigrations;
import ai.openclaw.core.Secret;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.ProfileMeta;
import ai.openclaw.credential.TokenCredential;
import ai.openclaw.json.Json;
import ai.openclaw.json.MalformedFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads the Claude CLI's own login (logins §3.5), never writing to it.
 *
 * <p>Where: on macOS, when the caller allows it, the Keychain item {@value #KEYCHAIN_SERVICE} first; then the file
 * {@code $CLAUDE_CONFIG_DIR/.credentials.json} when {@code CLAUDE_CONFIG_DIR} is set and not blank, else
 * {@code <home>/.claude/.credentials.json}. The account e-mail, when known, comes from {@code oauthAccount.emailAddress}
 * of {@code $CLAUDE_CONFIG_DIR/.claude.json} (else {@code <home>/.claude.json}); that file is optional and read
 * leniently.
 *
 * <p>Shape: {@code {"claudeAiOauth": {"accessToken": "...", "refreshToken": "...", "expiresAt": <epoch ms>, ...}}}.
 * With a refresh token the login is an {@code oauth} credential, without one a {@code token} credential; provider
 * {@code anthropic} either way.
 */
public final class ClaudeCliCredentials {
    /** The Keychain item Claude Code keeps its login in. */
    public static final String KEYCHAIN_SERVICE = "Claude Code-credentials";
    /** How a login read from the Keychain is named in messages. */
    public static final String KEYCHAIN_SOURCE = "macOS Keychain item \"" + KEYCHAIN_SERVICE + "\"";
    /** The profile id the Claude CLI's login is kept under in an agent's store. */
    public static final String PROFILE_ID = ConfigMigrations.CLAUDE_CLI_PROFILE_ID;
    public static final String PROVIDER = "anthropic";

    private final Map<String, String> env;
    private final Path home;
    private final Keychain keychain;

    /**
     * @param env      the environment the Claude CLI would see ({@code CLAUDE_CONFIG_DIR})
     * @param home     the user's home directory
     * @param keychain the macOS Keychain, or {@link Keychain#NONE}
     */
    public ClaudeCliCredentials(Map<String, String> env, Path home, Keychain keychain) {
        this.env = Map.copyOf(env);
        this.home = Objects.requireNonNull(home, "home");
        this.keychain = Objects.requireNonNull(keychain, "keychain");
    }

    /** {@code $CLAUDE_CONFIG_DIR}, when set and not blank. */
    private Optional<Path> configDirOverride() {
        String dir = env.get("CLAUDE_CONFIG_DIR");
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        String d = dir.strip();
        if (d.equals("~")) {
            return Optional.of(home);
        }
        return Optional.of(d.startsWith("~/") ? home.resolve(d.substring(2)) : Path.of(d));
    }

    /** The credentials file the Claude CLI uses. */
    public Path credentialsPath() {
        return configDirOverride().orElse(home.resolve(".claude")).resolve(".credentials.json");
    }

    /** The Claude CLI's settings file (account e-mail). */
    public Path accountPath() {
        return configDirOverride().orElse(home).resolve(".claude.json");
    }

    /** True when {@link #read} would ask the Keychain (macOS) if allowed. */
    public boolean hasKeychain() {
        return keychain != Keychain.NONE;
    }

    /** Where {@link #read} looks, for "not found" messages. */
    public String whereLooked(boolean useKeychain) {
        return (useKeychain && hasKeychain() ? KEYCHAIN_SOURCE + " and " : "") + credentialsPath();
    }

    /**
     * The Claude CLI's login, or empty when it has none (no Keychain item, no file, or a file without a
     * {@code claudeAiOauth} login, e.g. one holding only MCP server logins).
     *
     * @param useKeychain whether the Keychain may be asked (it may show an access prompt; status output never does)
     * @throws ClaudeCliCredentialsException the store exists but is not JSON or lacks a required field
     */
    public Optional<ClaudeCliCredential> read(boolean useKeychain) {
        if (useKeychain) {
            Optional<String> item = keychain.genericPassword(KEYCHAIN_SERVICE);
            if (item.isPresent()) {
                JsonNode root = parseOrThrow(Path.of(KEYCHAIN_SOURCE), item.get());
                Optional<ClaudeCliCredential> login = fromJson(root, KEYCHAIN_SOURCE);
                if (login.isPresent()) {
                    return login;
                }
            }
        }
        Path file = credentialsPath();
        Optional<JsonNode> root;
        try {
            root = Json.read(file);
        } catch (MalformedFileException e) {
            throw new ClaudeCliCredentialsException("Cannot read the Claude CLI login: " + e.getMessage());
        }
        return root.flatMap(r -> fromJson(r, file.toString()));
    }

    private static JsonNode parseOrThrow(Path source, String text) {
        try {
            return Json.parse(source, text);
        } catch (MalformedFileException e) {
            throw new ClaudeCliCredentialsException("Cannot read the Claude CLI login: " + e.getMessage());
        }
    }

    private Optional<ClaudeCliCredential> fromJson(JsonNode root, String source) {
        if (!root.isObject()) {
            throw invalid(source, "the file is not a JSON object");
        }
        JsonNode oauth = root.get("claudeAiOauth");
        if (oauth == null || oauth.isNull()) {
            return Optional.empty();
        }
        if (!oauth.isObject()) {
            throw invalid(source, "claudeAiOauth is not an object");
        }
        JsonNode access = oauth.get("accessToken");
        if (access == null || !access.isString() || access.stringValue().isBlank()) {
            throw invalid(source, "claudeAiOauth.accessToken is missing or empty");
        }
        JsonNode expiresAt = oauth.get("expiresAt");
        if (expiresAt == null || !expiresAt.isNumber() || !Double.isFinite(expiresAt.asDouble())
                || expiresAt.asDouble() <= 0) {
            throw invalid(source, "claudeAiOauth.expiresAt is missing or not a positive number (epoch milliseconds)");
        }
        JsonNode refresh = oauth.get("refreshToken");
        if (refresh != null && !refresh.isNull() && !refresh.isString()) {
            throw invalid(source, "claudeAiOauth.refreshToken is not a string");
        }
        long expires = (long) expiresAt.asDouble();
        ProfileMeta meta = email().map(ProfileMeta.EMPTY::withEmail).orElse(ProfileMeta.EMPTY);
        Secret refreshToken = refresh == null || refresh.isNull() ? null : Secret.ofNullable(refresh.stringValue());
        Credential credential = refreshToken != null
                ? new OAuthCredential(PROVIDER, Secret.of(access.stringValue()), refreshToken, null, expires, null,
                        null, null, null, null, null, meta)
                : new TokenCredential(PROVIDER, Secret.of(access.stringValue()), null, expires, meta);
        return Optional.of(new ClaudeCliCredential(credential, source));
    }

    /** {@code oauthAccount.emailAddress} of the Claude CLI's settings; anything unreadable means "unknown". */
    private Optional<String> email() {
        try {
            return Json.read(accountPath())
                    .map(r -> r.path("oauthAccount").path("emailAddress"))
                    .filter(JsonNode::isString)
                    .map(JsonNode::stringValue)
                    .map(String::strip)
                    .filter(s -> !s.isEmpty());
        } catch (MalformedFileException e) {
            return Optional.empty();
        }
    }

    private static ClaudeCliCredentialsException invalid(String source, String problem) {
        return new ClaudeCliCredentialsException("Cannot use the Claude CLI login in " + source + ": " + problem
                + ". Run `claude` and log in again.");
    }

    @Override
    public String toString() {
        return "ClaudeCliCredentials[" + credentialsPath() + ", keychain=" + hasKeychain() + "]";
    }
}
