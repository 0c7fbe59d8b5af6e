package ai.openclaw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.cli.CliHarness.Result;
import ai.openclaw.json.Json;
import ai.openclaw.testing.AnthropicFixtures;
import ai.openclaw.testing.FakeUpstream;
import ai.openclaw.testing.OpenAiFixtures;
import ai.openclaw.testing.RecordedRequest;
import ai.openclaw.testing.Responder;
import ai.openclaw.testing.Responders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code openclaw models status --probe} against real loopback upstreams ({@link FakeUpstream}) configured as
 * providers through {@code models.providers.<id>.baseUrl}.
 */
class ModelsStatusProbeTest {
    private static final String CHAT = "/v1/chat/completions";
    private static final String MESSAGES = "/v1/messages";

    /** One OpenAI-compatible key per status bucket, each answered differently by the fake upstream. */
    private static final Map<String, String> BUCKET_KEYS = new LinkedHashMap<>();

    static {
        BUCKET_KEYS.put("acme:ok", "sk-acme-ok-0123456789abcdef");
        BUCKET_KEYS.put("acme:auth", "sk-acme-auth-0123456789abcdef");
        BUCKET_KEYS.put("acme:rate", "sk-acme-rate-0123456789abcdef");
        BUCKET_KEYS.put("acme:billing", "sk-acme-billing-0123456789abcdef");
        BUCKET_KEYS.put("acme:slow", "sk-acme-slow-0123456789abcdef");
        BUCKET_KEYS.put("acme:format", "sk-acme-format-0123456789abcdef");
        BUCKET_KEYS.put("acme:teapot", "sk-acme-teapot-0123456789abcdef");
    }

    private static final String NOMODEL_KEY = "sk-nomodel-0123456789abcdef";
    private static final String ANTHROPIC_KEY = "sk-ant-api03-probeprobeprobe-0123456789abcdef";
    private static final String ANTHROPIC_SETUP_TOKEN = "sk-ant-oat01-probeprobeprobe-0123456789abcdef";

    @TempDir
    Path dir;
    CliHarness h;
    FakeUpstream up;

    @BeforeEach
    void setUp() {
        h = new CliHarness(dir);
        up = FakeUpstream.start();
    }

    @AfterEach
    void tearDown() {
        up.close();
    }

    /**
     * {@code acme} (openai-completions, default model acme/acme-1), {@code nomodel} (openai-completions, no model
     * anywhere) and {@code anthropic} (anthropic-messages), all on the fake upstream; {@code extra} goes into the
     * top-level object.
     */
    private void config(String extra) {
        h.writeConfig("""
                {
                  agents: { defaults: { model: { primary: 'acme/acme-1' } } },
                  models: { providers: {
                    acme: { baseUrl: '%1$s/v1', api: 'openai-completions' },
                    nomodel: { baseUrl: '%1$s/v1', api: 'openai-completions' },
                    anthropic: { baseUrl: '%1$s', api: 'anthropic-messages' },
                  } },
                  %2$s
                }
                """.formatted(up.baseUrl(), extra));
    }

    private void store(String profilesJson) {
        h.writeStore("main", "{\"version\":1,\"profiles\":{" + profilesJson + "}}");
    }

    private static String apiKey(String id, String provider, String key) {
        return "\"%s\":{\"type\":\"api_key\",\"provider\":\"%s\",\"key\":\"%s\"}".formatted(id, provider, key);
    }

    private void bucketFixture() {
        config("");
        List<String> profiles = new ArrayList<>();
        BUCKET_KEYS.forEach((id, key) -> profiles.add(apiKey(id, "acme", key)));
        profiles.add(apiKey("nomodel:key", "nomodel", NOMODEL_KEY));
        store(String.join(",", profiles));
        up.onPost(CHAT, key("acme:ok"), Responders.json(OpenAiFixtures.chatCompletion("acme-1", "OK")));
        up.onPost(CHAT, key("acme:auth"), Responders.unauthorized(OpenAiFixtures.invalidKeyError(key("acme:auth"))));
        up.onPost(CHAT, key("acme:rate"), Responders.rateLimited(OpenAiFixtures.rateLimitError(), "20"));
        up.onPost(CHAT, key("acme:billing"), Responders.paymentRequired(
                OpenAiFixtures.error("Payment required: insufficient credits.", "billing_error", null)));
        up.onPost(CHAT, key("acme:slow"), Responders.hangUntilAborted());
        up.onPost(CHAT, key("acme:format"), Responders.json(400,
                OpenAiFixtures.error("Invalid request format: messages[0] is malformed.", "invalid_request_error",
                        null)));
        up.onPost(CHAT, key("acme:teapot"), Responders.text(418, "I'm a teapot"));
    }

    private static String key(String profileId) {
        return BUCKET_KEYS.get(profileId);
    }

    private static Map<String, JsonNode> rowsByLabel(JsonNode probes) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        probes.get("results").forEach(r -> rows.put(r.get("label").asString(), r));
        return rows;
    }

    private static JsonNode probes(Result r) {
        assertThat(r.exit()).as(r.toString()).isZero();
        return r.json().get("auth").get("probes");
    }

    @Test
    void probeRowsForEachBucket() {
        bucketFixture();

        JsonNode probes = probes(h.run("models", "status", "--json", "--probe", "--probe-timeout", "700"));

        Map<String, JsonNode> rows = rowsByLabel(probes);
        Map<String, String> statuses = new LinkedHashMap<>();
        rows.forEach((label, row) -> statuses.put(label, row.get("status").asString()));
        assertThat(statuses).containsExactly(
                Map.entry("acme:auth", "auth"),
                Map.entry("acme:billing", "billing"),
                Map.entry("acme:format", "format"),
                Map.entry("acme:ok", "ok"),
                Map.entry("acme:rate", "rate_limit"),
                Map.entry("acme:slow", "timeout"),
                Map.entry("acme:teapot", "unknown"),
                Map.entry("nomodel:key", "no_model"));
        assertThat(probes.get("totalTargets").asInt()).isEqualTo(7);
        assertThat(up.requests(CHAT)).hasSize(7);

        JsonNode ok = rows.get("acme:ok");
        assertThat(ok.get("model").asString()).isEqualTo("acme/acme-1");
        assertThat(ok.get("profileId").asString()).isEqualTo("acme:ok");
        assertThat(ok.get("source").asString()).isEqualTo("profile");
        assertThat(ok.get("mode").asString()).isEqualTo("api_key");
        assertThat(ok.has("error")).isFalse();
        assertThat(ok.has("reasonCode")).isFalse();
        for (String label : List.of("acme:ok", "acme:auth", "acme:slow", "acme:teapot")) {
            assertThat(rows.get(label).get("latencyMs").asLong()).as(label).isNotNegative();
        }
        assertThat(rows.get("acme:auth").get("error").asString()).startsWith("HTTP 401: Incorrect API key provided: ")
                .doesNotContain(key("acme:auth"));
        assertThat(rows.get("acme:slow").get("error").asString()).contains("700 ms");
        assertThat(rows.get("acme:teapot").get("error").asString()).isEqualTo("HTTP 418: I'm a teapot");

        JsonNode noModel = rows.get("nomodel:key");
        assertThat(noModel.get("reasonCode").asString()).isEqualTo("no_model");
        assertThat(noModel.get("error").asString()).isEqualTo("No model available for probe");
        assertThat(noModel.has("model")).isFalse();
        assertThat(noModel.has("latencyMs")).isFalse();
    }

    @Test
    void probeRowsForEachBucket_inTheHumanTable() {
        bucketFixture();

        Result r = h.run("models", "status", "--probe", "--probe-timeout", "700");

        assertThat(r.exit()).as(r.toString()).isZero();
        String table = r.out().substring(r.out().indexOf("Auth probes"));
        List<String> lines = table.lines().toList();
        assertThat(lines.get(1)).matches("Model +Profile +Status");
        assertThat(table).containsPattern("acme/acme-1 +acme:ok \\(api_key\\) +ok · \\d+(ms|\\.\\ds)\\n")
                .containsPattern("acme/acme-1 +acme:rate \\(api_key\\) +rate_limit · \\d+")
                .containsPattern("acme/acme-1 +acme:slow \\(api_key\\) +timeout · \\d+")
                .containsPattern("nomodel/- +nomodel:key \\(api_key\\) +no_model · -\\n  ↳ No model available for probe");
        assertThat(table).containsPattern("auth · \\d+(ms|\\.\\ds)\\n  ↳ HTTP 401: Incorrect API key provided: ");
        // sorted by provider, then label
        assertThat(lines.stream().filter(l -> l.startsWith("acme/") || l.startsWith("nomodel/"))
                .map(l -> l.split(" +")[1]).toList())
                .containsExactly("acme:auth", "acme:billing", "acme:format", "acme:ok", "acme:rate", "acme:slow",
                        "acme:teapot", "nomodel:key");
        assertThat(lines.getLast()).matches("Probed 7 target\\(s\\) in \\d+(ms|\\.\\ds)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void rowsDecidedWithoutACall_sayWhy() {
        long now = h.now();
        config("""
                auth: {
                  order: { anthropic: ['anthropic:first'] },
                  profiles: { 'acme:mode': { provider: 'acme', mode: 'token' } },
                },
                """);
        store(String.join(",",
                apiKey("anthropic:first", "anthropic", ANTHROPIC_KEY),
                apiKey("anthropic:second", "anthropic", "sk-ant-api03-second-0123456789abcdef"),
                apiKey("acme:mode", "acme", "sk-acme-mode-0123456789abcdef"),
                "\"acme:old\":{\"type\":\"token\",\"provider\":\"acme\",\"token\":\"tok-old-0123456789abcdef\","
                        + "\"expires\":" + (now - 60_000) + "}",
                "\"acme:oauth\":{\"type\":\"oauth\",\"provider\":\"acme\",\"access\":\"eyJ-access-0123456789abc\","
                        + "\"refresh\":\"rt-0123456789abcdef\",\"expires\":" + (now - 60_000) + "}",
                "\"acme:ref\":{\"type\":\"api_key\",\"provider\":\"acme\",\"keyRef\":{\"source\":\"env\","
                        + "\"provider\":\"default\",\"id\":\"ACME_KEY_UNSET\"}}"));
        up.onPost(MESSAGES, Responders.json(AnthropicFixtures.message("claude-opus-4-6", "OK")));

        Result r = h.run("models", "status", "--json", "--probe");
        Map<String, JsonNode> rows = rowsByLabel(probes(r));

        assertThat(rows.get("anthropic:first").get("status").asString()).isEqualTo("ok");
        assertDecided(rows.get("anthropic:second"), "excluded_by_auth_order", "Excluded by auth.order for this provider.");
        assertDecided(rows.get("acme:mode"), "ineligible_profile", "Auth profile credentials are missing or expired.\n"
                + "↳ Auth reason [mode_mismatch]: config mode token does not accept a stored api_key credential");
        assertDecided(rows.get("acme:old"), "expired",
                "Auth profile credentials are missing or expired.\n↳ Auth reason [expired]: token expired");
        assertDecided(rows.get("acme:oauth"), "expired", "Auth profile credentials are missing or expired.\n"
                + "↳ Auth reason [expired]: the access token has expired or expires within 5 minutes and needs a "
                + "refresh");
        assertThat(rows.get("acme:ref").get("reasonCode").asString()).isEqualTo("unresolved_ref");
        assertThat(rows.get("acme:ref").get("error").asString())
                .startsWith("Auth profile credentials are missing or expired.\n↳ Auth reason [unresolved_ref]: ")
                .contains("ACME_KEY_UNSET");
        assertThat(up.requests()).singleElement()
                .satisfies(req -> assertThat(req.credential()).contains(ANTHROPIC_KEY));
        assertThat(probes(r).get("totalTargets").asInt()).isEqualTo(2); // anthropic:first and the expired OAuth
    }

    private static void assertDecided(JsonNode row, String reasonCode, String error) {
        assertThat(row.get("status").asString()).isEqualTo("unknown");
        assertThat(row.get("reasonCode").asString()).isEqualTo(reasonCode);
        assertThat(row.get("error").asString()).isEqualTo(error);
        assertThat(row.has("latencyMs")).isFalse();
    }

    @Test
    void providersWithoutProfiles_getOneEnvOrModelsJsonRow() {
        h.writeConfig("""
                {
                  agents: { defaults: { model: { primary: 'acme/acme-1' } } },
                  models: { providers: {
                    acme: { baseUrl: '%1$s/v1', api: 'openai-completions' },
                    keyed: { baseUrl: '%1$s/v1', apiKey: 'sk-keyed-config-0123456789', models: [{ id: 'k-1' }] },
                    jsoned: { baseUrl: '%1$s/v1', models: [{ id: 'j-1' }] },
                    anthropic: { baseUrl: '%1$s', api: 'anthropic-messages' },
                  } },
                }
                """.formatted(up.baseUrl()));
        h.writePrivate(h.agentDir("main").resolve("models.json"),
                "{\"providers\":{\"jsoned\":{\"apiKey\":\"sk-jsoned-file-0123456789\"}}}");
        h.env("ACME_API_KEY", "sk-acme-env-0123456789abcdef");
        h.env("ANTHROPIC_OAUTH_TOKEN", ANTHROPIC_SETUP_TOKEN);
        up.onPost(CHAT, Responders.json(OpenAiFixtures.chatCompletion("m", "OK")));
        up.onPost(MESSAGES, Responders.json(AnthropicFixtures.message("claude-opus-4-6", "OK")));

        Map<String, JsonNode> byProvider = new LinkedHashMap<>();
        probes(h.run("models", "status", "--json", "--probe")).get("results")
                .forEach(row -> byProvider.put(row.get("provider").asString(), row));

        assertThat(byProvider.keySet()).containsExactlyInAnyOrder("acme", "keyed", "jsoned", "anthropic");
        assertRow(byProvider.get("acme"), "env", "env", "api_key", "acme/acme-1");
        assertRow(byProvider.get("anthropic"), "env", "env", "oauth", "anthropic/claude-opus-4-6");
        assertRow(byProvider.get("keyed"), "models.json", "models.json", "api_key", "keyed/k-1");
        assertRow(byProvider.get("jsoned"), "models.json", "models.json", "api_key", "jsoned/j-1");
        byProvider.values().forEach(row -> {
            assertThat(row.get("status").asString()).as(row.toString()).isEqualTo("ok");
            assertThat(row.has("profileId")).isFalse();
        });
        assertThat(up.requests()).extracting(req -> req.credential().orElse(null)).containsExactlyInAnyOrder(
                "sk-acme-env-0123456789abcdef", ANTHROPIC_SETUP_TOKEN, "sk-keyed-config-0123456789",
                "sk-jsoned-file-0123456789");
    }

    private static void assertRow(JsonNode row, String label, String source, String mode, String model) {
        assertThat(row.get("label").asString()).isEqualTo(label);
        assertThat(row.get("source").asString()).isEqualTo(source);
        assertThat(row.get("mode").asString()).isEqualTo(mode);
        assertThat(row.get("model").asString()).isEqualTo(model);
    }

    @Test
    void anUnresolvableModelsJsonKey_isDecidedAsUnresolvedRef() {
        h.writeConfig("""
                { models: { providers: { keyed: { baseUrl: '%s/v1', apiKey: '${KEYED_UNSET}', models: [{ id: 'k' }] } } } }
                """.formatted(up.baseUrl()));

        JsonNode row = probes(h.run("models", "status", "--json", "--probe", "--probe-provider", "keyed"))
                .get("results").get(0);

        assertThat(row.get("label").asString()).isEqualTo("models.json");
        assertThat(row.get("status").asString()).isEqualTo("unknown");
        assertThat(row.get("reasonCode").asString()).isEqualTo("unresolved_ref");
        assertThat(row.get("error").asString()).startsWith("The key cannot be used.\n↳ Auth reason [unresolved_ref]: ")
                .contains("KEYED_UNSET");
        assertThat(up.requests()).isEmpty();
    }

    @Test
    void anthropicProbe_sendsMaxTokensAndTheRightAuthHeader() {
        config("");
        store(apiKey("anthropic:key", "anthropic", ANTHROPIC_KEY) + ","
                + "\"anthropic:sub\":{\"type\":\"token\",\"provider\":\"anthropic\",\"token\":\""
                + ANTHROPIC_SETUP_TOKEN + "\"}");
        up.onPost(MESSAGES, Responders.json(AnthropicFixtures.message("claude-opus-4-6", "OK")));

        Result r = h.run("models", "status", "--json", "--probe", "--probe-max-tokens", "16");
        Map<String, JsonNode> rows = rowsByLabel(probes(r));

        assertThat(rows.get("anthropic:key").get("status").asString()).isEqualTo("ok");
        assertThat(rows.get("anthropic:sub").get("status").asString()).isEqualTo("ok");
        assertThat(rows.get("anthropic:sub").get("mode").asString()).isEqualTo("token");
        RecordedRequest viaKey = byCredential(ANTHROPIC_KEY);
        assertThat(viaKey.header("x-api-key")).contains(ANTHROPIC_KEY);
        assertThat(viaKey.header("authorization")).isEmpty();
        assertThat(viaKey.header("anthropic-version")).contains("2023-06-01");
        RecordedRequest viaToken = byCredential(ANTHROPIC_SETUP_TOKEN);
        assertThat(viaToken.header("authorization")).contains("Bearer " + ANTHROPIC_SETUP_TOKEN);
        assertThat(viaToken.header("x-api-key")).isEmpty();
        assertThat(viaToken.header("anthropic-beta").orElse("")).contains("oauth-2025-04-20");
        JsonNode body = Json.MAPPER.readTree(viaKey.bodyText());
        assertThat(body.get("model").asString()).isEqualTo("claude-opus-4-6");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(16);
        assertThat(body.get("stream").asBoolean()).isFalse();
        assertThat(body.has("tools")).isFalse();
        assertThat(body.has("thinking")).isFalse();
        assertThat(body.get("messages").get(0).get("content").asString())
                .isEqualTo("Reply with OK. Do not use tools.");
    }

    private RecordedRequest byCredential(String credential) {
        return up.requests().stream().filter(req -> req.credential().orElse("").equals(credential)).findFirst()
                .orElseThrow(() -> new AssertionError("no request with that credential: " + up.requests()));
    }

    @Test
    void openAiCompatibleProbe_sendsThePromptAndTheOutputCap() {
        config("");
        store(apiKey("acme:ok", "acme", key("acme:ok")));
        up.onPost(CHAT, Responders.json(OpenAiFixtures.chatCompletion("acme-1", "OK")));

        probes(h.run("models", "status", "--json", "--probe"));

        RecordedRequest req = up.requests().getFirst();
        assertThat(req.header("authorization")).contains("Bearer " + key("acme:ok"));
        JsonNode body = Json.MAPPER.readTree(req.bodyText());
        assertThat(body.get("model").asString()).isEqualTo("acme-1");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(8);
        assertThat(body.get("stream").asBoolean()).isFalse();
        assertThat(body.has("tools")).isFalse();
        assertThat(body.get("messages")).hasSize(1);
        assertThat(body.get("messages").get(0).get("role").asString()).isEqualTo("user");
        assertThat(body.get("messages").get(0).get("content").asString())
                .isEqualTo("Reply with OK. Do not use tools.");
    }

    @Test
    void providerFilter_andProfileFilter_repeatableAndCommaSeparated() {
        bucketFixture();
        store(String.join(",", apiKey("acme:ok", "acme", key("acme:ok")), apiKey("acme:auth", "acme",
                key("acme:auth")), apiKey("acme:rate", "acme", key("acme:rate")),
                apiKey("anthropic:key", "anthropic", ANTHROPIC_KEY)));
        h.env("NOMODEL_API_KEY", NOMODEL_KEY);
        up.onPost(MESSAGES, Responders.json(AnthropicFixtures.message("claude-opus-4-6", "OK")));

        JsonNode byProvider = probes(h.run("models", "status", "--json", "--probe", "--probe-provider", "Anthropic"));
        assertThat(rowsByLabel(byProvider).keySet()).containsExactly("anthropic:key");
        assertThat(byProvider.get("options").get("provider").asString()).isEqualTo("anthropic");

        JsonNode byProfile = probes(h.run("models", "status", "--json", "--probe", "--probe-profile",
                "acme:ok,anthropic:key", "--probe-profile", "acme:rate"));
        assertThat(rowsByLabel(byProfile).keySet()).as("no env row when profiles are named")
                .containsExactly("acme:ok", "acme:rate", "anthropic:key");
        assertThat(byProfile.get("options").get("profileIds")).extracting(JsonNode::asString)
                .containsExactly("acme:ok", "anthropic:key", "acme:rate");

        JsonNode all = probes(h.run("models", "status", "--json", "--probe"));
        assertThat(rowsByLabel(all).keySet()).contains("env", "acme:auth");
    }

    @Test
    void atMostTheGivenNumberOfProbesRunAtOnce() {
        config("");
        List<String> profiles = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            profiles.add(apiKey("acme:k" + i, "acme", "sk-acme-k" + i + "-0123456789abcdef"));
        }
        store(String.join(",", profiles));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        up.onPost(CHAT, countingInFlight(inFlight, most, 2));

        JsonNode probes = probes(h.run("models", "status", "--json", "--probe", "--probe-concurrency", "2",
                "--probe-timeout", "20000"));

        assertThat(probes.get("results")).extracting(r -> r.get("status").asString()).containsOnly("ok").hasSize(6);
        assertThat(most.get()).as("most requests in flight at once").isEqualTo(2);
        assertThat(probes.get("options").get("concurrency").asInt()).isEqualTo(2);
    }

    /**
     * Counts requests in flight. Until {@code expected} have been in flight together, a request waits for company
     * (at most 10 s), so a run that never reaches the bound shows up as a smaller maximum; then it lingers briefly, so
     * that a run that exceeds the bound shows up as a larger one.
     */
    private static Responder countingInFlight(AtomicInteger inFlight, AtomicInteger most, int expected) {
        return ex -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (most.get() < expected && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                Thread.sleep(50);
            } finally {
                inFlight.decrementAndGet();
            }
            ex.json(200, OpenAiFixtures.chatCompletion("acme-1", "OK"));
        };
    }

    @Test
    void probesNeverChangeTheAuthStateOrTheStore() throws IOException {
        bucketFixture();
        long now = h.now();
        h.writeAuthState("main", """
                {"version":1,"order":{"anthropic":["anthropic:x"]},"lastGood":{"acme":"acme:ok"},
                 "usageStats":{"acme:rate":{"lastUsed":%d,"cooldownUntil":%d,"cooldownReason":"rate_limit","errorCount":2},
                 "acme:ok":{"lastUsed":%d}}}
                """.formatted(now - 600_000, now + 60_000, now - 900_000));
        byte[] state = Files.readAllBytes(h.authState("main"));
        byte[] store = Files.readAllBytes(h.store("main"));

        Result r = h.run("models", "status", "--json", "--probe", "--probe-timeout", "700");

        assertThat(rowsByLabel(probes(r)).get("acme:rate").get("status").asString())
                .as("a profile in cooldown is still probed").isEqualTo("rate_limit");
        assertThat(Files.readAllBytes(h.authState("main"))).isEqualTo(state);
        assertThat(Files.readAllBytes(h.store("main"))).isEqualTo(store);
        assertThat(CliHarness.list(h.agentDir("main"))).containsExactlyInAnyOrder("auth-profiles.json",
                "auth-state.json");
    }

    @Test
    void probesOfAStoreWithoutState_createNoStateFile() {
        bucketFixture();

        probes(h.run("models", "status", "--json", "--probe", "--probe-timeout", "700"));

        assertThat(h.authState("main")).doesNotExist();
    }

    @Test
    void secretsAppearNeitherInTheOutputNorInErrors() {
        bucketFixture();
        h.env("NOMODEL_API_KEY", "sk-never-used-0123456789abcdef");
        up.onPost(CHAT, key("acme:rate"), Responders.rateLimited(OpenAiFixtures.error("Too many requests for key "
                + key("acme:rate") + " (Authorization: Bearer " + key("acme:rate") + ")", "requests", null), null));

        Result json = h.run("models", "status", "--json", "--probe", "--probe-timeout", "700");
        Result text = h.run("models", "status", "--probe", "--probe-timeout", "700");

        assertThat(rowsByLabel(probes(json)).get("acme:rate").get("error").asString()).contains("Too many requests");
        for (Result r : List.of(json, text)) {
            for (String secret : BUCKET_KEYS.values()) {
                assertThat(r.all()).as("output never shows " + secret).doesNotContain(secret);
            }
            assertThat(r.all()).doesNotContain(NOMODEL_KEY);
        }
    }

    @Test
    void badProbeOptions_areRefusedWithOpenClawsMessages() {
        config("");
        Map<List<String>, String> cases = new LinkedHashMap<>();
        cases.put(List.of("--probe", "--plain"), "--probe cannot be used with --plain output.");
        cases.put(List.of("--probe", "--probe-timeout", "0"), "--probe-timeout must be a positive number (ms).");
        cases.put(List.of("--probe", "--probe-timeout", "soon"), "--probe-timeout must be a positive number (ms).");
        cases.put(List.of("--probe", "--probe-concurrency", "0"), "--probe-concurrency must be > 0.");
        cases.put(List.of("--probe", "--probe-concurrency", "two"), "--probe-concurrency must be > 0.");
        cases.put(List.of("--probe", "--probe-max-tokens", "-1"), "--probe-max-tokens must be > 0.");
        cases.forEach((flags, message) -> {
            List<String> args = new ArrayList<>(List.of("models", "status"));
            args.addAll(flags);
            Result r = h.run(args.toArray(String[]::new));
            assertThat(r.exit()).as(flags + "\n" + r).isEqualTo(1);
            assertThat(r.err()).as(flags.toString()).isEqualTo("Error: " + message + "\n");
            assertThat(r.out()).isEmpty();
        });
        assertThat(up.requests()).isEmpty();
    }

    @Test
    void theJsonShapeIsTheDocumentedOne() {
        bucketFixture();
        store(String.join(",", apiKey("acme:ok", "acme", key("acme:ok")), apiKey("nomodel:key", "nomodel",
                NOMODEL_KEY)));

        Result r = h.run("models", "status", "--json", "--probe", "--probe-provider", "acme", "--probe-profile",
                "acme:ok", "--probe-timeout", "5000", "--probe-concurrency", "3", "--probe-max-tokens", "4");
        JsonNode probes = probes(r);

        assertThat(fieldNames(probes)).containsExactly("startedAt", "finishedAt", "durationMs", "totalTargets",
                "options", "results");
        assertThat(probes.get("startedAt").asLong()).isEqualTo(h.now());
        assertThat(probes.get("finishedAt").asLong()).isEqualTo(h.now() + probes.get("durationMs").asLong());
        assertThat(probes.get("options").toString()).isEqualTo("{\"provider\":\"acme\",\"profileIds\":[\"acme:ok\"],"
                + "\"timeoutMs\":5000,\"concurrency\":3,\"maxTokens\":4}");
        assertThat(fieldNames(probes.get("results").get(0))).containsExactly("provider", "model", "profileId",
                "label", "source", "mode", "status", "latencyMs");
        assertThat(r.json().get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(h.run("models", "status", "--json").json().get("auth").has("probes"))
                .as("no probes key without --probe").isFalse();
    }

    @Test
    void everyProbeJsonKeyIsDocumented() {
        bucketFixture();
        String doc = CliHarness.read(Path.of(System.getProperty("basedir", ".")).resolve("docs/models-status-json.md"));

        JsonNode probes = probes(h.run("models", "status", "--json", "--probe", "--probe-provider", "nomodel",
                "--probe-profile", "nomodel:key"));

        Set<String> keys = new TreeSet<>();
        collectKeys(probes, keys);
        assertThat(keys).contains("provider", "profileIds", "reasonCode", "error");
        for (String k : keys) {
            assertThat(doc.contains("\"" + k + "\"") || doc.contains("`" + k + "`"))
                    .as("key %s is documented in docs/models-status-json.md", k).isTrue();
        }
        assertThat(doc).contains("\"probes\"");
    }

    private static void collectKeys(JsonNode node, Set<String> keys) {
        if (node.isArray()) {
            node.forEach(n -> collectKeys(n, keys));
        } else if (node.isObject()) {
            for (var e : node.properties()) {
                keys.add(e.getKey());
                collectKeys(e.getValue(), keys);
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    @Test
    void noTargets_saysSo() {
        bucketFixture();

        Result r = h.run("models", "status", "--probe", "--probe-profile", "nobody:here");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).endsWith("Auth probes\nNo probe targets.\n");
        assertThat(up.requests()).isEmpty();
    }

    @Test
    void failedProbes_doNotChangeTheCheckExitCode() {
        bucketFixture();
        store(apiKey("acme:auth", "acme", key("acme:auth")));

        Result r = h.run("models", "status", "--check", "--probe");

        assertThat(r.out()).contains("acme/acme-1").containsPattern("acme:auth \\(api_key\\) +auth · ");
        assertThat(r.exit()).as(r.toString()).isZero();
    }

    @Test
    void progress_isShownOnATerminalOnly_onStandardError_andClearedAtTheEnd() {
        bucketFixture();
        store(apiKey("acme:ok", "acme", key("acme:ok")));

        Result piped = h.run("models", "status", "--probe");
        Result terminal = h.run(ScriptedTerminal.typing(), "models", "status", "--probe");

        assertThat(piped.err()).isEmpty();
        assertThat(terminal.err()).startsWith("\rProbing auth profiles… 0/1").contains("\rProbing auth profiles… 1/1")
                .endsWith("\r" + " ".repeat("Probing auth profiles… 1/1".length()) + "\r");
        assertThat(terminal.out()).contains("Probed 1 target(s) in ").doesNotContain("Probing");
        assertThat(piped.out()).contains("Probed 1 target(s) in ");
    }

    @Test
    void progress_onARealPseudoTerminal() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")),
                "util-linux script(1) is needed for a pseudo-terminal");
        bucketFixture();
        store(apiKey("acme:ok", "acme", key("acme:ok")));

        Process p = h.startInTerminal(Map.of(), "models", "status", "--probe");
        Result screen = CliHarness.finish(p, null, Duration.ofSeconds(60));
        Result piped = h.runProcess(Map.of(), null, "models", "status", "--probe");

        assertThat(screen.exit()).as(screen.toString()).isZero();
        assertThat(screen.out()).contains("Probing auth profiles… 1/1").contains("Probed 1 target(s) in ");
        assertThat(piped.exit()).as(piped.toString()).isZero();
        assertThat(piped.out()).contains("Probed 1 target(s) in ");
        assertThat(piped.all()).doesNotContain("Probing auth profiles");
        assertThat(screen.out()).doesNotContain(key("acme:ok"));
    }
}
