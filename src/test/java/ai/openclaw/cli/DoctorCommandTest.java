package ai.openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.cli.CliHarness.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code openclaw doctor [--fix]}: what it finds, what --fix does, and that without --fix nothing changes. */
class DoctorCommandTest {
    static final String FLAT_KEY = "sk-or-v1-flatflatflatflat-0123456789";
    static final String ALIAS_KEY = "sk-proj-aliasaliasalias-0123456789";
    static final String LEGACY_KEY = "sk-ant-legacylegacylegacy-0123456789";
    static final String TRUNCATED_KEY = "sk-truncatedtruncated-0123456789";
    static final String FLAT = "{\"openrouter\":{\"apiKey\":\"" + FLAT_KEY + "\"}}\n";
    static final String TRUNCATED = "{\"version\":1,\"profiles\":{\"openai:x\":{\"type\":\"api_key\",\n"
            + "  \"provider\":\"openai\",\"key\":\"" + TRUNCATED_KEY;

    @TempDir
    Path dir;
    CliHarness h;

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
    }

    private static void chmod(Path p, String mode) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertNoRawSecrets(Result r) {
        for (String s : new String[] {FLAT_KEY, ALIAS_KEY, LEGACY_KEY, TRUNCATED_KEY}) {
            assertThat(r.all()).doesNotContain(s);
        }
    }

    @Test
    void cleanStateHasNothingToReport() {
        h.runWithStdin("sk-or-v1-clean-0123456789abcdef", "models", "auth", "paste-api-key", "--provider", "openrouter");
        Result r = h.run("doctor");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("OpenClaw doctor").contains("State dir: ~/.openclaw").contains("No problems found.");
        assertThat(h.run("doctor", "--fix").out()).contains("No problems found.");
    }

    @Test
    void legacyFlatStoreIsConvertedWithABackupOfTheOriginalBytes() {
        h.writeStore("main", FLAT);
        Result status = h.run("models", "status");
        assertThat(status.out()).contains("legacy flat format: run `openclaw doctor --fix`");

        Result dry = h.run("doctor");
        assertThat(dry.exit()).isEqualTo(1);
        assertThat(dry.out()).contains(h.store("main") + " is in the legacy flat format")
                .contains("--fix would: convert it to {version, profiles} as openrouter:default")
                .contains("Run `openclaw doctor --fix` to apply the repairs above.");

        Result fix = h.run("doctor", "--fix");

        assertThat(fix.exit()).as(fix.toString()).isZero();
        String backupName = "auth-profiles.json.legacy-flat." + h.now() + ".bak";
        assertThat(fix.out()).contains("fixed: converted " + h.store("main") + " (backup: " + backupName + ")");
        Path backup = h.agentDir("main").resolve(backupName);
        assertThat(CliHarness.read(backup)).isEqualTo(FLAT);
        assertThat(CliHarness.mode(backup)).isEqualTo("rw-------");
        JsonNode store = CliHarness.json(h.store("main"));
        assertThat(store.get("version").asInt()).isEqualTo(1);
        JsonNode p = store.get("profiles").get("openrouter:default");
        assertThat(p.get("type").asString()).isEqualTo("api_key");
        assertThat(p.get("provider").asString()).isEqualTo("openrouter");
        assertThat(p.get("key").asString()).isEqualTo(FLAT_KEY);
        assertThat(store.get("profiles").size()).isEqualTo(1);
        assertNoRawSecrets(dry);
        assertNoRawSecrets(fix);

        assertThat(h.run("models", "status").out()).contains("openrouter:default=sk-or-v1...23456789");
        Result again = h.run("doctor", "--fix");
        assertThat(again.out()).contains("No problems found.");
    }

    @Test
    void apiKeyAliasIsRepairedWithItsBackup() {
        String original = "{\"version\":1,\"profiles\":{\"openai:old\":{\"type\":\"api_key\",\"provider\":\"openai\","
                + "\"api_key\":\"" + ALIAS_KEY + "\",\"note\":\"keep me\"}}}";
        h.writeStore("main", original);

        Result dry = h.run("doctor");
        assertThat(dry.out()).contains("profiles use the field \"api_key\", which is not read: openai:old")
                .contains("--fix would: rename \"api_key\" to \"key\"");

        Result fix = h.run("doctor", "--fix");
        String backupName = "auth-profiles.json.api-key-alias." + h.now() + ".bak";
        assertThat(fix.out()).contains("fixed: renamed api_key to key (backup: " + backupName + ")");
        assertThat(CliHarness.read(h.agentDir("main").resolve(backupName))).isEqualTo(original);
        JsonNode p = CliHarness.json(h.store("main")).get("profiles").get("openai:old");
        assertThat(p.get("key").asString()).isEqualTo(ALIAS_KEY);
        assertThat(p.has("api_key")).isFalse();
        assertThat(p.get("note").asString()).isEqualTo("keep me");
        assertNoRawSecrets(dry);
        assertNoRawSecrets(fix);
        assertThat(h.run("doctor").out()).contains("No problems found.");
    }

    @Test
    void legacyAuthJsonIsImported() {
        String legacy = "{\"anthropic\":{\"type\":\"api_key\",\"key\":\"" + LEGACY_KEY + "\"}}";
        h.writePrivate(h.agentDir("main").resolve("auth.json"), legacy);

        Result dry = h.run("doctor");
        assertThat(dry.out()).contains("legacy credentials not yet in the store: anthropic:default")
                .contains("--fix would: import them into " + h.store("main"));
        assertThat(Files.exists(h.store("main"))).isFalse();

        Result fix = h.run("doctor", "--fix");
        assertThat(fix.out()).contains("fixed: imported anthropic:default");
        JsonNode p = CliHarness.json(h.store("main")).get("profiles").get("anthropic:default");
        assertThat(p.get("key").asString()).isEqualTo(LEGACY_KEY);
        assertThat(Files.exists(h.agentDir("main").resolve("auth.json"))).isFalse();
        Path retired = h.agentDir("main").resolve("auth.json.imported." + h.now() + ".bak");
        assertThat(CliHarness.read(retired)).isEqualTo(legacy);
        assertNoRawSecrets(dry);
        assertNoRawSecrets(fix);
        assertThat(h.run("doctor").out()).contains("No problems found.");
    }

    @Test
    void flatStoreAndLegacyAuthJsonTogetherAreRepairedInOneRun() {
        String legacy = "{\"anthropic\":{\"type\":\"api_key\",\"key\":\"" + LEGACY_KEY + "\"},"
                + "\"openrouter\":{\"type\":\"api_key\",\"key\":\"sk-or-from-auth-json-0123456789\"}}";
        h.writeStore("main", FLAT);
        h.writePrivate(h.agentDir("main").resolve("auth.json"), legacy);
        var before = h.snapshot();

        Result dry = h.run("doctor");
        assertThat(dry.out()).contains("--fix would: convert it to {version, profiles} as openrouter:default")
                .contains(h.agentDir("main").resolve("auth.json") + " is a legacy file");
        assertThat(h.snapshot()).isEqualTo(before);

        Result fix = h.run("doctor", "--fix");
        assertThat(fix.out()).as(fix.out()).contains("fixed: converted")
                .contains("fixed: imported 1 profile(s) from auth.json and retired it")
                .doesNotContain("repair failed");
        JsonNode profiles = CliHarness.json(h.store("main")).get("profiles");
        // the flat store's own openrouter key wins over the one in auth.json; anthropic comes from auth.json
        assertThat(profiles.get("openrouter:default").get("key").asString()).isEqualTo(FLAT_KEY);
        assertThat(profiles.get("anthropic:default").get("key").asString()).isEqualTo(LEGACY_KEY);
        assertThat(Files.exists(h.agentDir("main").resolve("auth.json"))).isFalse();
        assertThat(CliHarness.read(h.agentDir("main").resolve("auth.json.imported." + h.now() + ".bak"))).isEqualTo(legacy);
        assertNoRawSecrets(fix);

        var afterFix = h.snapshot();
        Result second = h.run("doctor", "--fix");
        assertThat(second.out()).contains("No problems found.");
        assertThat(h.snapshot()).isEqualTo(afterFix);
    }

    @Test
    void authJsonBesideAFlatStoreStaysWhenTheConversionIsNotApplied() {
        h.writeStore("main", "{\"openrouter\":{\"apiKey\":\"" + FLAT_KEY + "\"}}");
        h.writePrivate(h.agentDir("main").resolve("auth.json"),
                "{\"anthropic\":{\"type\":\"api_key\",\"key\":\"" + LEGACY_KEY + "\"}}");
        CliHarness.immutable(h.store("main"), true);
        try {
            Result fix = h.run("doctor", "--fix");
            assertThat(fix.out()).contains("repair failed");
        } finally {
            CliHarness.immutable(h.store("main"), false);
        }
        assertThat(CliHarness.read(h.store("main"))).contains("\"apiKey\"");
        assertThat(Files.exists(h.agentDir("main").resolve("auth.json"))).isTrue();
    }

    @Test
    void legacyAuthJsonBesideAnExistingStoreIsMergedAndRetired() {
        h.writeStore("main", "{\"version\":1,\"profiles\":{\"openai:x\":{\"type\":\"api_key\",\"provider\":\"openai\",\"key\":\"sk-x-0123456789abcdefgh\"}}}");
        h.writePrivate(h.agentDir("main").resolve("auth.json"),
                "{\"anthropic\":{\"type\":\"api_key\",\"key\":\"" + LEGACY_KEY + "\"}}");

        Result dry = h.run("doctor");
        assertThat(dry.out()).contains("auth.json is a legacy file with credentials missing from the store: anthropic:default");
        Result fix = h.run("doctor", "--fix");
        assertThat(fix.out()).contains("fixed: imported 1 profile(s) from auth.json and retired it");
        JsonNode profiles = CliHarness.json(h.store("main")).get("profiles");
        assertThat(profiles.has("openai:x")).isTrue();
        assertThat(profiles.get("anthropic:default").get("key").asString()).isEqualTo(LEGACY_KEY);
        assertThat(Files.exists(h.agentDir("main").resolve("auth.json"))).isFalse();
    }

    @Test
    void insecurePermissionsAreFixed() {
        h.writeStore("main", "{\"version\":1,\"profiles\":{\"openai:x\":{\"type\":\"api_key\",\"provider\":\"openai\",\"key\":\"sk-x-0123456789abcdefgh\"}}}");
        h.writeDotEnv("OPENAI_API_KEY=sk-dotenv-0123456789abcdef\n");
        chmod(h.store("main"), "rw-r--r--");
        chmod(h.stateDir().resolve(".env"), "rw-r--r--");
        chmod(h.agentDir("main"), "rwxr-xr-x");

        Result dry = h.run("doctor");
        assertThat(dry.exit()).isEqualTo(1);
        assertThat(dry.out()).contains(h.store("main") + " is readable or writable by other users")
                .contains("--fix would: chmod 0600 " + h.store("main"))
                .contains("--fix would: chmod 0600 " + h.stateDir().resolve(".env"))
                .contains("--fix would: chmod 0700 " + h.agentDir("main"));
        assertThat(CliHarness.mode(h.store("main"))).isEqualTo("rw-r--r--");

        Result fix = h.run("doctor", "--fix");
        assertThat(fix.exit()).as(fix.toString()).isZero();
        assertThat(fix.out()).contains("fixed: restricted " + h.store("main") + " to 0600");
        assertThat(CliHarness.mode(h.store("main"))).isEqualTo("rw-------");
        assertThat(CliHarness.mode(h.stateDir().resolve(".env"))).isEqualTo("rw-------");
        assertThat(CliHarness.mode(h.agentDir("main"))).isEqualTo("rwx------");
        assertThat(h.run("doctor").out()).contains("No problems found.");
    }

    @Test
    void claudeCliTokenModeIsMigratedToOauth() {
        String original = """
                // Claude CLI profile written by an early version
                { auth: { profiles: { 'anthropic:claude-cli': { provider: 'anthropic', mode: 'token', email: 'a@b.c' } } },
                  gateway: { port: 18789 } }
                """;
        h.writeConfig(original);
        assertThat(h.run("models", "status").out()).contains("config migration pending (doctor --fix)");

        Result dry = h.run("doctor");
        assertThat(dry.out()).contains("outdated setting: auth.profiles[\"anthropic:claude-cli\"].mode: token → oauth")
                .contains("--fix would: rewrite");
        assertThat(CliHarness.read(h.configPath())).isEqualTo(original);

        Result fix = h.run("doctor", "--fix");
        assertThat(fix.out()).contains("fixed: migrated auth.profiles[\"anthropic:claude-cli\"].mode: token → oauth");
        JsonNode cfg = CliHarness.json(h.configPath());
        JsonNode entry = cfg.get("auth").get("profiles").get("anthropic:claude-cli");
        assertThat(entry.get("mode").asString()).isEqualTo("oauth");
        assertThat(entry.get("email").asString()).isEqualTo("a@b.c");
        assertThat(cfg.get("gateway").get("port").asInt()).isEqualTo(18789);
        assertThat(CliHarness.read(h.stateDir().resolve("openclaw.json.bak"))).isEqualTo(original);
        assertThat(h.run("models", "status").out()).doesNotContain("config migration pending");
        assertThat(h.run("doctor").out()).contains("No problems found.");
    }

    @Test
    void truncatedStoreIsReportedWithPositionAndNeverTouched() {
        h.writeStore("main", TRUNCATED);
        var before = h.snapshot();

        Result dry = h.run("doctor");
        Result fix = h.run("doctor", "--fix", "--yes");

        for (Result r : new Result[] {dry, fix}) {
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).containsPattern("cannot parse " + java.util.regex.Pattern.quote(h.store("main").toString())
                    + ":2:\\d+: ").contains("left untouched");
            assertNoRawSecrets(r);
        }
        assertThat(fix.out()).contains("0 repaired").contains("1 need manual action");
        assertThat(h.snapshot()).isEqualTo(before);
    }

    @Test
    void oauthSecretRefViolationNamesProfileAndField() {
        h.writeStore("main", """
                {"version":1,"profiles":{"openai-codex:me":{"type":"oauth","provider":"openai-codex",
                  "access":{"source":"env","provider":"default","id":"CODEX_ACCESS"},"refresh":"rt-0123456789abcdefgh",
                  "expires":%d}}}
                """.formatted(h.now() + 10 * 86_400_000L));
        Result r = h.run("doctor");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("policy validation failed: OAuth + SecretRef is not supported.")
                .contains("- profiles.openai-codex:me.access: ");
        Result status = h.run("models", "status");
        assertThat(status.out()).contains("Policy violations").contains("- profiles.openai-codex:me.access: ");
        JsonNode v = h.run("models", "status", "--json").json().get("auth").get("policyViolations").get(0);
        assertThat(v.get("profileId").asString()).isEqualTo("openai-codex:me");
        assertThat(v.get("field").asString()).isEqualTo("access");
    }

    @Test
    void oauthModeOverARefBackedTokenIsAViolation() {
        h.writeConfig("{ auth: { profiles: { 'anthropic:sub': { provider: 'anthropic', mode: 'oauth' } } } }");
        h.writeStore("main", """
                {"version":1,"profiles":{"anthropic:sub":{"type":"token","provider":"anthropic",
                  "tokenRef":{"source":"env","provider":"default","id":"ANTHROPIC_SUB_TOKEN"}}}}
                """);
        Result r = h.run("doctor");
        assertThat(r.out()).contains("- profiles.anthropic:sub.tokenRef: ");
    }

    @Test
    void expiringExpiredTokensAndCooldownsAreReported() {
        long now = h.now();
        h.writeStore("main", """
                {"version":1,"profiles":{
                  "anthropic:soon":{"type":"token","provider":"anthropic","token":"tok-soon-0123456789abcdef","expires":%d},
                  "anthropic:old":{"type":"token","provider":"anthropic","token":"tok-old-0123456789abcdef","expires":%d},
                  "openai:busy":{"type":"api_key","provider":"openai","key":"sk-busy-0123456789abcdef"},
                  "groq:billing":{"type":"api_key","provider":"groq","key":"gsk-billing-0123456789abcdef"}
                }}
                """.formatted(now + 5 * 3_600_000L, now - 2 * 86_400_000L));
        h.writeAuthState("main", """
                {"version":1,"usageStats":{
                  "openai:busy":{"cooldownUntil":%d,"cooldownReason":"rate_limit","errorCount":1},
                  "groq:billing":{"disabledUntil":%d,"disabledReason":"billing","errorCount":1}
                }}
                """.formatted(now + 10 * 60_000L, now + 5 * 3_600_000L));
        var before = h.snapshot();

        Result r = h.run("doctor");

        assertThat(r.out()).contains("- note: anthropic:soon: expiring (5h) — Paste a new one: `openclaw models auth paste-token --provider anthropic --profile-id anthropic:soon`.")
                .contains("- anthropic:old: expired (2d ago)")
                .contains("- note: openai:busy: cooldown rate_limit (10m) — Wait for cooldown or switch provider.")
                .contains("- note: groq:billing: disabled:billing (5h) — Top up credits (provider billing) or switch provider.");
        assertThat(r.exit()).as("an expired token needs manual action").isEqualTo(1);
        assertThat(h.run("doctor", "--fix").out()).contains("0 repaired");
        assertThat(h.snapshot()).isEqualTo(before);
    }

    @Test
    void unknownTypeProfileIsReportedAndKept() {
        String store = "{\"version\":1,\"profiles\":{\"x:y\":{\"type\":\"magic\",\"provider\":\"x\",\"key\":\"sk-magic-0123456789abcdef\"},"
                + "\"openai:x\":{\"type\":\"api_key\",\"provider\":\"openai\",\"key\":\"sk-x-0123456789abcdefgh\"}}}";
        h.writeStore("main", store);
        Result r = h.run("doctor", "--fix");
        assertThat(r.out()).contains("[x:y]").contains("unknown type \"magic\"");
        assertThat(CliHarness.read(h.store("main"))).isEqualTo(store);
    }

    /** One state dir with every repairable and every manual problem at once. */
    private void everything() {
        long now = h.now();
        h.writeConfig("""
                // mixed bag
                { agents: { list: [ { id: 'main', default: true }, { id: 'work' }, { id: 'legacy' }, { id: 'broken' }, { id: 'oauth' } ] },
                  auth: { profiles: { 'anthropic:claude-cli': { provider: 'anthropic', mode: 'token' } } } }
                """);
        h.writeStore("main", FLAT);
        chmod(h.store("main"), "rw-r--r--");
        h.writeStore("work", "{\"version\":1,\"profiles\":{\"openai:old\":{\"type\":\"api_key\",\"provider\":\"openai\",\"api_key\":\""
                + ALIAS_KEY + "\"},\"anthropic:soon\":{\"type\":\"token\",\"provider\":\"anthropic\",\"token\":\"tok-soon-0123456789abcdef\",\"expires\":"
                + (now + 5 * 3_600_000L) + "}}}");
        h.writeAuthState("work", "{\"version\":1,\"usageStats\":{\"anthropic:soon\":{\"cooldownUntil\":" + (now + 300_000L)
                + ",\"cooldownReason\":\"timeout\"}}}");
        h.writePrivate(h.agentDir("legacy").resolve("auth.json"),
                "{\"anthropic\":{\"type\":\"api_key\",\"key\":\"" + LEGACY_KEY + "\"}}");
        h.writeStore("broken", TRUNCATED);
        h.writeStore("oauth", "{\"version\":1,\"profiles\":{\"openai-codex:me\":{\"type\":\"oauth\",\"provider\":\"openai-codex\","
                + "\"access\":\"${CODEX_ACCESS}\",\"refresh\":\"rt-0123456789abcdefgh\",\"expires\":" + (now + 10 * 86_400_000L) + "}}}");
        h.writeDotEnv("GROQ_API_KEY=gsk-dotenv-0123456789abcdef\n");
        chmod(h.stateDir().resolve(".env"), "rw-rw-rw-");
    }

    @Test
    void withoutFixNothingChangesAndEachRepairIsAnnounced() {
        everything();
        var before = h.snapshot();

        Result r = h.run("doctor");

        assertThat(h.snapshot()).isEqualTo(before);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("\nConfig\n", "\nState directory\n", "\nAgent main\n", "\nAgent work\n",
                "\nAgent legacy\n", "\nAgent broken\n", "\nAgent oauth\n");
        assertThat(r.out().split("--fix would: ", -1)).hasSize(1 + 6);
        assertThat(r.out()).contains("Summary: ").contains("0 repaired; 6 need --fix")
                .contains("cannot parse " + h.store("broken") + ":2:")
                .contains("- profiles.openai-codex:me.access: ")
                .contains("anthropic:soon: expiring (5h)")
                .contains("anthropic:soon: cooldown timeout (5m)");
        assertThat(r.out()).doesNotContain("fixed:");
        assertNoRawSecrets(r);
        // --non-interactive without --fix changes nothing either
        h.run("doctor", "--non-interactive");
        assertThat(h.snapshot()).isEqualTo(before);
    }

    @Test
    void fixRepairsEverythingRepairableAndASecondRunFindsNothingToRepair() {
        everything();
        byte[] broken = CliHarness.read(h.store("broken")).getBytes();

        Result first = h.run("doctor", "--fix");

        assertThat(first.out().split("  fixed: ", -1)).as(first.out()).hasSize(1 + 6);
        assertThat(first.out()).doesNotContain("repair failed").contains("6 repaired; 0 need --fix");
        assertNoRawSecrets(first);
        assertThat(CliHarness.read(h.store("broken")).getBytes()).isEqualTo(broken);
        assertThat(CliHarness.json(h.store("main")).get("profiles").has("openrouter:default")).isTrue();
        assertThat(CliHarness.json(h.store("work")).get("profiles").get("openai:old").get("key").asString()).isEqualTo(ALIAS_KEY);
        assertThat(CliHarness.json(h.store("legacy")).get("profiles").has("anthropic:default")).isTrue();
        assertThat(CliHarness.json(h.configPath()).get("auth").get("profiles").get("anthropic:claude-cli").get("mode")
                .asString()).isEqualTo("oauth");
        assertThat(CliHarness.mode(h.store("main"))).isEqualTo("rw-------");
        assertThat(CliHarness.mode(h.stateDir().resolve(".env"))).isEqualTo("rw-------");

        var afterFirst = h.snapshot();
        h.clock().advance(java.time.Duration.ofSeconds(1));
        Result second = h.run("doctor", "--fix");
        assertThat(second.out()).doesNotContain("fixed:").doesNotContain("--fix would")
                .contains("0 repaired; 0 need --fix");
        assertThat(h.snapshot()).as("an idempotent second run writes nothing").isEqualTo(afterFirst);
        // what is left needs a person: the truncated store and the OAuth+SecretRef profile
        assertThat(second.exit()).isEqualTo(1);
        assertThat(second.out()).contains("cannot parse " + h.store("broken")).contains("profiles.openai-codex:me.access");
    }

    @Test
    void malformedConfigIsReportedAndDoctorStillExaminesTheStores() {
        String bad = "{ auth: { profiles: { 'a:b': { provider: 'a', mode: 'api_key' } }\n  oops }\n";
        h.writeConfig(bad);
        h.writeStore("main", FLAT);
        var before = h.snapshot();
        Result r = h.run("doctor");
        assertThat(r.out()).containsPattern(java.util.regex.Pattern.quote(h.configPath().toString()) + ":\\d+:\\d+: ")
                .contains("legacy flat format");
        assertThat(h.snapshot()).isEqualTo(before);
        // --fix repairs the stores but never rewrites the malformed config
        Result fix = h.run("doctor", "--fix");
        assertThat(fix.out()).contains("fixed: converted");
        assertThat(CliHarness.read(h.configPath())).isEqualTo(bad);
    }

    @Test
    void interactiveFixAsksFirstAndNoMeansNoChanges() {
        h.writeStore("main", FLAT);
        var before = h.snapshot();
        Result no = h.run(ScriptedTerminal.typing("n"), "doctor", "--fix");
        assertThat(h.lastTerminal().prompts()).containsExactly("Apply 1 repair(s)? [Y/n] ");
        assertThat(no.out()).contains("--fix would:");
        assertThat(h.snapshot()).isEqualTo(before);

        Result yes = h.run(ScriptedTerminal.typing("y"), "doctor", "--fix");
        assertThat(yes.out()).contains("fixed: converted");

        h.writeStore("main", FLAT);
        Result noPrompt = h.run(ScriptedTerminal.typing(), "doctor", "--fix", "--yes");
        assertThat(h.lastTerminal().prompts()).isEmpty();
        assertThat(noPrompt.out()).contains("fixed: converted");
    }
}
