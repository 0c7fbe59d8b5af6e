package ai.openclaw.store;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.TokenCredential;
import ai.openclaw.json.Json;
import ai.openclaw.secrets.SecretRef;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class AuthProfilesCodecTest {
    private static final Path FILE = Path.of("/agents/main/agent/auth-profiles.json");
    private static final SecretRef OPENAI_REF = new SecretRef(SecretRef.Source.ENV, "default", "OPENAI_API_KEY");

    private static JsonNode json(String text) {
        return Json.parse(FILE, text);
    }

    private static AuthProfilesCodec.Decoded decode(String text) {
        return AuthProfilesCodec.decode(FILE, json(text));
    }

    private static AuthProfilesCodec.Decoded decodeOne(String entry) {
        return decode("{\"version\":1,\"profiles\":{\"p:default\":" + entry + "}}");
    }

    private static JsonNode encodedEntry(AuthProfilesCodec.Decoded d) {
        return AuthProfilesCodec.encode(d.profiles()).get("profiles").get("p:default");
    }

    @Test
    void decode_canonicalFile_readsEveryCredentialType() {
        var d = decode("""
                {
                  "version": 1,
                  "profiles": {
                    "anthropic:default": {"type": "api_key", "provider": "anthropic", "key": "sk-ant",
                                          "email": "a@example.com", "displayName": "Work", "copyToAgents": false},
                    "github-copilot:manual": {"type": "token", "provider": "github-copilot", "token": "ghp",
                                              "expires": 1800000000000},
                    "openai:user@example.com": {"type": "oauth", "provider": "openai", "access": "acc",
                                                "refresh": "ref", "idToken": "idt", "expires": 1767225600000,
                                                "clientId": "cid", "enterpriseUrl": "https://e", "projectId": "proj",
                                                "accountId": "acct", "chatgptPlanType": "plus"}
                  }
                }
                """);

        assertThat(d.format()).isEqualTo(AuthProfilesCodec.Format.CANONICAL);
        assertThat(d.warnings()).isEmpty();
        assertThat(d.profiles()).containsOnlyKeys("anthropic:default", "github-copilot:manual",
                "openai:user@example.com");

        var k = (ApiKeyCredential) d.profiles().get("anthropic:default");
        assertThat(k.key()).isEqualTo(Secret.of("sk-ant"));
        assertThat(k.keyRef()).isNull();
        assertThat(k.email()).isEqualTo("a@example.com");
        assertThat(k.displayName()).isEqualTo("Work");
        assertThat(k.meta().copyToAgents()).isFalse();
        assertThat(k.meta().extras()).isEmpty();

        var t = (TokenCredential) d.profiles().get("github-copilot:manual");
        assertThat(t.token()).isEqualTo(Secret.of("ghp"));
        assertThat(t.expires()).isEqualTo(1_800_000_000_000L);

        var o = (OAuthCredential) d.profiles().get("openai:user@example.com");
        assertThat(o.access()).isEqualTo(Secret.of("acc"));
        assertThat(o.refresh()).isEqualTo(Secret.of("ref"));
        assertThat(o.idToken()).isEqualTo(Secret.of("idt"));
        assertThat(o.expires()).isEqualTo(1_767_225_600_000L);
        assertThat(o.clientId()).isEqualTo("cid");
        assertThat(o.enterpriseUrl()).isEqualTo("https://e");
        assertThat(o.projectId()).isEqualTo("proj");
        assertThat(o.accountId()).isEqualTo("acct");
        assertThat(o.chatgptPlanType()).isEqualTo("plus");
        assertThat(o.meta().extras()).isEmpty();
    }

    @Test
    void decode_profilesKeepFileOrder() {
        var d = decode("""
                {"profiles": {"z:1": {"type":"api_key","provider":"z","key":"k"},
                              "a:1": {"type":"api_key","provider":"a","key":"k"},
                              "m:1": {"type":"api_key","provider":"m","key":"k"}}}
                """);
        assertThat(d.profiles().keySet()).containsExactly("z:1", "a:1", "m:1");
    }

    @Test
    void decode_modeIsAnAliasForAMissingType() {
        var d = decodeOne("{\"mode\":\"token\",\"provider\":\"p\",\"token\":\"t\"}");
        assertThat(d.profiles().get("p:default")).isInstanceOf(TokenCredential.class);
        // consumed as the type: not kept as an unknown field
        assertThat(d.profiles().get("p:default").meta().extras()).doesNotContainKey("mode");
    }

    @Test
    void decode_typeWinsOverMode_andModeIsKeptAsUnknownField() {
        var d = decodeOne("{\"type\":\"api_key\",\"mode\":\"token\",\"provider\":\"p\",\"key\":\"k\"}");
        assertThat(d.profiles().get("p:default")).isInstanceOf(ApiKeyCredential.class);
        assertThat(encodedEntry(d).get("mode").asString()).isEqualTo("token");
    }

    @Test
    void decode_camelCaseApiKeyTypeIsApiKey_andIsWrittenBackAsApiUnderscoreKey() {
        var d = decodeOne("{\"type\":\"apiKey\",\"provider\":\"p\",\"key\":\"k\"}");
        assertThat(d.profiles().get("p:default")).isInstanceOf(ApiKeyCredential.class);
        assertThat(encodedEntry(d).get("type").asString()).isEqualTo("api_key");
    }

    @Test
    void decode_apiKeyFieldIsAnAliasForKey_andIsWrittenBackAsKey() {
        var d = decodeOne("{\"type\":\"api_key\",\"provider\":\"p\",\"apiKey\":\"sk-alias\"}");
        var k = (ApiKeyCredential) d.profiles().get("p:default");
        assertThat(k.key()).isEqualTo(Secret.of("sk-alias"));
        JsonNode out = encodedEntry(d);
        assertThat(out.get("key").asString()).isEqualTo("sk-alias");
        assertThat(out.has("apiKey")).isFalse();
    }

    @Test
    void decode_apiKeyFieldIsIgnoredWhenKeyExists() {
        var d = decodeOne("{\"type\":\"api_key\",\"provider\":\"p\",\"key\":\"sk-real\",\"apiKey\":\"sk-alias\"}");
        var k = (ApiKeyCredential) d.profiles().get("p:default");
        assertThat(k.key()).isEqualTo(Secret.of("sk-real"));
    }

    @Test
    void decode_apiKeyFieldIsIgnoredWhenKeyRefExists() {
        var d = decodeOne("""
                {"type":"api_key","provider":"p","apiKey":"sk-alias",
                 "keyRef":{"source":"env","provider":"default","id":"OPENAI_API_KEY"}}
                """);
        var k = (ApiKeyCredential) d.profiles().get("p:default");
        assertThat(k.key()).isNull();
        assertThat(k.keyRef()).isEqualTo(OPENAI_REF);
    }

    @Test
    void decode_refObjectInKey_movesToKeyRef() {
        var d = decodeOne("""
                {"type":"api_key","provider":"p","key":{"source":"env","provider":"default","id":"OPENAI_API_KEY"}}
                """);
        var k = (ApiKeyCredential) d.profiles().get("p:default");
        assertThat(k.key()).isNull();
        assertThat(k.keyRef()).isEqualTo(OPENAI_REF);
        assertThat(k.meta().extras()).doesNotContainKey("key");
        JsonNode out = encodedEntry(d);
        assertThat(out.has("key")).isFalse();
        assertThat(Json.compact(out.get("keyRef")))
                .isEqualTo("{\"source\":\"env\",\"provider\":\"default\",\"id\":\"OPENAI_API_KEY\"}");
    }

    @Test
    void decode_refObjectInToken_movesToTokenRef() {
        var d = decodeOne("""
                {"type":"token","provider":"p","token":{"source":"file","provider":"vault","id":"/gh/token"}}
                """);
        var t = (TokenCredential) d.profiles().get("p:default");
        assertThat(t.token()).isNull();
        assertThat(t.tokenRef()).isEqualTo(new SecretRef(SecretRef.Source.FILE, "vault", "/gh/token"));
        JsonNode out = encodedEntry(d);
        assertThat(out.has("token")).isFalse();
        assertThat(out.get("tokenRef").get("id").asString()).isEqualTo("/gh/token");
    }

    @Test
    void decode_keyRefWinsOverKey_andKeyIsNotWrittenBack() {
        var d = decodeOne("""
                {"type":"api_key","provider":"p","key":"sk-plain-SHOULDNOTPERSIST",
                 "keyRef":{"source":"env","provider":"default","id":"OPENAI_API_KEY"}}
                """);
        var k = (ApiKeyCredential) d.profiles().get("p:default");
        assertThat(k.keyRef()).isEqualTo(OPENAI_REF);
        JsonNode out = encodedEntry(d);
        assertThat(out.has("key")).isFalse();
        assertThat(Json.pretty(AuthProfilesCodec.encode(d.profiles()))).doesNotContain("SHOULDNOTPERSIST");
    }

    @Test
    void decode_tokenRefWinsOverToken_andTokenIsNotWrittenBack() {
        var d = decodeOne("""
                {"type":"token","provider":"p","token":"tok-SHOULDNOTPERSIST",
                 "tokenRef":{"source":"env","provider":"default","id":"GH_TOKEN"}}
                """);
        assertThat(((TokenCredential) d.profiles().get("p:default")).tokenRef()).isNotNull();
        assertThat(Json.pretty(AuthProfilesCodec.encode(d.profiles()))).doesNotContain("SHOULDNOTPERSIST");
    }

    @Test
    void encode_refObjectInKeyNextToAnExistingKeyRef_isNotWrittenBackAsKey() {
        // key holds a second ref while keyRef is set: keyRef wins, and "key" must not survive a save
        var d = decodeOne("""
                {"type":"api_key","provider":"p",
                 "key":{"source":"env","provider":"default","id":"OTHER_KEY"},
                 "keyRef":{"source":"env","provider":"default","id":"OPENAI_API_KEY"}}
                """);
        var k = (ApiKeyCredential) d.profiles().get("p:default");
        assertThat(k.keyRef()).isEqualTo(OPENAI_REF);
        JsonNode out = encodedEntry(d);
        assertThat(out.has("key")).isFalse();
        assertThat(out.get("keyRef").get("id").asString()).isEqualTo("OPENAI_API_KEY");
    }

    @Test
    void encode_refObjectInTokenNextToAnExistingTokenRef_isNotWrittenBackAsToken() {
        var d = decodeOne("""
                {"type":"token","provider":"p",
                 "token":{"source":"env","provider":"default","id":"OTHER_TOKEN"},
                 "tokenRef":{"source":"env","provider":"default","id":"GH_TOKEN"}}
                """);
        JsonNode out = encodedEntry(d);
        assertThat(out.has("token")).isFalse();
        assertThat(out.get("tokenRef").get("id").asString()).isEqualTo("GH_TOKEN");
    }

    @Test
    void decode_legacyTwoKeyRef_isReadWithoutProvider_andWrittenBackWithoutOne() {
        var d = decodeOne("{\"type\":\"api_key\",\"provider\":\"p\",\"keyRef\":{\"source\":\"env\",\"id\":\"MY_KEY\"}}");
        var k = (ApiKeyCredential) d.profiles().get("p:default");
        assertThat(k.keyRef()).isEqualTo(SecretRef.env("MY_KEY"));
        assertThat(Json.compact(encodedEntry(d).get("keyRef"))).isEqualTo("{\"source\":\"env\",\"id\":\"MY_KEY\"}");
    }

    @Test
    void decode_snakeCaseApiKeyField_isNotReadAsKey_butIsPreserved() {
        var d = decodeOne("{\"type\":\"api_key\",\"provider\":\"p\",\"api_key\":\"sk-snake\"}");
        var k = (ApiKeyCredential) d.profiles().get("p:default");
        assertThat(k.key()).isNull();
        assertThat(k.keyRef()).isNull();
        JsonNode out = encodedEntry(d);
        assertThat(out.has("key")).isFalse();
        assertThat(out.get("api_key").asString()).isEqualTo("sk-snake");
    }

    @Test
    void decode_dropsNonObjectEntriesWithReasonNonObject() {
        var d = decode("""
                {"profiles": {"a:1": "sk-just-a-string", "b:1": [1, 2], "c:1": null,
                              "ok:1": {"type":"api_key","provider":"ok","key":"k"}}}
                """);
        assertThat(d.profiles()).containsOnlyKeys("ok:1");
        assertThat(d.warnings()).extracting(LoadWarning::profileId).containsExactly("a:1", "b:1", "c:1");
        assertThat(d.warnings()).extracting(LoadWarning::reason).containsOnly("non_object");
        assertThat(d.warnings()).extracting(LoadWarning::file).containsOnly(FILE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"provider\":\"p\",\"key\":\"k\"}",
            "{\"type\":\"aws-sdk\",\"provider\":\"p\"}",
            "{\"type\":\"API_KEY\",\"provider\":\"p\",\"key\":\"k\"}",
            "{\"type\":7,\"provider\":\"p\",\"key\":\"k\"}",
            "{\"mode\":\"aws-sdk\",\"provider\":\"p\"}"
    })
    void decode_dropsEntriesWithoutAKnownTypeWithReasonInvalidType(String entry) {
        var d = decodeOne(entry);
        assertThat(d.profiles()).isEmpty();
        assertThat(d.warnings()).singleElement().satisfies(w -> {
            assertThat(w.reason()).isEqualTo("invalid_type");
            assertThat(w.profileId()).isEqualTo("p:default");
        });
    }

    @Test
    void decode_invalidTypeWarning_doesNotEchoTheCredential() {
        var d = decodeOne("{\"type\":\"bogus\",\"provider\":\"p\",\"key\":\"sk-SECRETVALUE\"}");
        assertThat(d.warnings().getFirst().message()).contains("bogus").doesNotContain("SECRETVALUE");
        assertThat(d.warnings().getFirst().toString()).doesNotContain("SECRETVALUE");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"api_key\",\"key\":\"k\"}",
            "{\"type\":\"api_key\",\"provider\":\"   \",\"key\":\"k\"}",
            "{\"type\":\"api_key\",\"provider\":42,\"key\":\"k\"}"
    })
    void decode_dropsEntriesWithoutProviderWithReasonMissingProvider(String entry) {
        var d = decodeOne(entry);
        assertThat(d.profiles()).isEmpty();
        assertThat(d.warnings()).extracting(LoadWarning::reason).containsExactly("missing_provider");
    }

    @Test
    void decode_providerIsTrimmedAndLowerCased() {
        var d = decodeOne("{\"type\":\"api_key\",\"provider\":\"  OpenAI \",\"key\":\"k\"}");
        assertThat(d.profiles().get("p:default").provider()).isEqualTo("openai");
        assertThat(encodedEntry(d).get("provider").asString()).isEqualTo("openai");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"tomorrow\"", "-5", "0", "true", "{}", "[1]", "\"1800000000000\""})
    void decode_presentButInvalidExpires_becomesZero(String expires) {
        var token = decodeOne("{\"type\":\"token\",\"provider\":\"p\",\"token\":\"t\",\"expires\":" + expires + "}");
        assertThat(((TokenCredential) token.profiles().get("p:default")).expires()).isZero();
        var oauth = decodeOne("{\"type\":\"oauth\",\"provider\":\"p\",\"access\":\"a\",\"expires\":" + expires + "}");
        assertThat(((OAuthCredential) oauth.profiles().get("p:default")).expires()).isZero();
    }

    @Test
    void decode_absentExpires_staysNull_andFractionalMillisAreTruncated() {
        var absent = decodeOne("{\"type\":\"token\",\"provider\":\"p\",\"token\":\"t\"}");
        assertThat(((TokenCredential) absent.profiles().get("p:default")).expires()).isNull();
        assertThat(encodedEntry(absent).has("expires")).isFalse();
        var fractional = decodeOne("{\"type\":\"token\",\"provider\":\"p\",\"token\":\"t\",\"expires\":1000.9}");
        assertThat(((TokenCredential) fractional.profiles().get("p:default")).expires()).isEqualTo(1000L);
    }

    @Test
    void decode_unknownFieldsSurviveADecodeEncodeRoundTripWithIdenticalValues() {
        String vendorBlob = "{\"nested\":[1,2.5,{\"deep\":\"v\"}],\"flag\":true,\"nothing\":null,\"big\":12345678901234}";
        var d = decodeOne("""
                {"type":"oauth","provider":"p","access":"a","refresh":"r","expires":1800000000000,
                 "vendorBlob": %s, "tier": "pro", "counter": 3, "copyToAgents": "yes",
                 "email": 17, "access_scope": ["x","y"]}
                """.formatted(vendorBlob));
        JsonNode out = encodedEntry(d);
        assertThat(Json.compact(out.get("vendorBlob"))).isEqualTo(vendorBlob);
        assertThat(out.get("tier").asString()).isEqualTo("pro");
        assertThat(out.get("counter").asInt()).isEqualTo(3);
        // known fields with an unusable type are kept verbatim rather than dropped
        assertThat(out.get("copyToAgents").asString()).isEqualTo("yes");
        assertThat(out.get("email").asInt()).isEqualTo(17);
        assertThat(Json.compact(out.get("access_scope"))).isEqualTo("[\"x\",\"y\"]");
        assertThat(d.profiles().get("p:default").meta().copyToAgents()).isNull();
        assertThat(d.profiles().get("p:default").email()).isNull();
    }

    @Test
    void encode_ofADecodedCanonicalFile_isByteIdentical() {
        String file = """
                {
                  "version": 1,
                  "profiles": {
                    "anthropic:default": {
                      "type": "api_key",
                      "provider": "anthropic",
                      "key": "sk-ant",
                      "metadata": {
                        "team": "core"
                      },
                      "email": "a@example.com",
                      "x-vendor": {
                        "list": [],
                        "obj": {}
                      }
                    },
                    "openai:default": {
                      "type": "oauth",
                      "provider": "openai",
                      "access": "acc",
                      "refresh": "ref",
                      "expires": 1767225600000,
                      "accountId": "acct",
                      "oauthRef": {
                        "source": "openclaw-credentials",
                        "provider": "openai-codex",
                        "id": "0123456789abcdef0123456789abcdef"
                      },
                      "copyToAgents": true
                    }
                  }
                }
                """;
        var d = decode(file);
        assertThat(Json.pretty(AuthProfilesCodec.encode(d.profiles()))).isEqualTo(file);
    }

    @Test
    void decode_oauthWithRefObjectInAccess_keepsItAsUnknownField_andWritesItBack() {
        var d = decodeOne("""
                {"type":"oauth","provider":"p","access":{"source":"env","provider":"default","id":"ACCESS"},
                 "refresh":"r"}
                """);
        var o = (OAuthCredential) d.profiles().get("p:default");
        assertThat(o.access()).isNull();
        assertThat(o.refresh()).isEqualTo(Secret.of("r"));
        assertThat(o.meta().extras()).containsKey("access");
        assertThat(encodedEntry(d).get("access").get("id").asString()).isEqualTo("ACCESS");
    }

    @Test
    void decode_apiKeyMetadata_keepsOnlyStringValues() {
        var d = decodeOne("{\"type\":\"api_key\",\"provider\":\"p\",\"key\":\"k\",\"metadata\":{\"a\":\"1\",\"b\":2,\"c\":null}}");
        assertThat(((ApiKeyCredential) d.profiles().get("p:default")).metadata()).containsExactly(
                java.util.Map.entry("a", "1"));
    }

    @Test
    void decode_flatFileIsLegacyFlat_withNoProfiles() {
        var d = decode("{\"openrouter\":{\"apiKey\":\"sk-or-1\"}}");
        assertThat(d.format()).isEqualTo(AuthProfilesCodec.Format.LEGACY_FLAT);
        assertThat(d.profiles()).isEmpty();
    }

    @Test
    void decode_profilesThatIsNotAnObject_isLegacyFlat() {
        assertThat(decode("{\"version\":1,\"profiles\":[]}").format()).isEqualTo(AuthProfilesCodec.Format.LEGACY_FLAT);
        assertThat(decode("{}").format()).isEqualTo(AuthProfilesCodec.Format.LEGACY_FLAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"text\"", "42", "null", "true"})
    void decode_nonObjectRoot_isNotAnObject(String text) {
        var d = decode(text);
        assertThat(d.format()).isEqualTo(AuthProfilesCodec.Format.NOT_AN_OBJECT);
        assertThat(d.profiles()).isEmpty();
    }

    @Test
    void decode_readsInlineOrderLastGoodAndUsageStatsOfOlderReleases() {
        var d = decode("""
                {"version":1,
                 "profiles":{"openai:a":{"type":"api_key","provider":"openai","key":"k"}},
                 "order":{"OpenAI":["openai:a","openai:b"]},
                 "lastGood":{"openai":"openai:a"},
                 "usageStats":{"openai:a":{"lastUsed":1700000000000,"errorCount":2}}}
                """);
        assertThat(d.inlineState().order()).containsEntry("openai", java.util.List.of("openai:a", "openai:b"));
        assertThat(d.inlineState().lastGood()).containsEntry("openai", "openai:a");
        assertThat(d.inlineState().stats("openai:a").lastUsed()).isEqualTo(1_700_000_000_000L);
        assertThat(d.inlineState().stats("openai:a").errorCount()).isEqualTo(2);
    }

    @Test
    void encode_writesOnlyVersionAndProfiles() {
        var d = decode("""
                {"version":3,"extraTop":true,"profiles":{"p:1":{"type":"api_key","provider":"p","key":"k"}},
                 "order":{"p":["p:1"]}}
                """);
        var out = AuthProfilesCodec.encode(d.profiles());
        assertThat(out.propertyNames()).containsExactly("version", "profiles");
        assertThat(out.get("version").asInt()).isEqualTo(1);
    }
}
