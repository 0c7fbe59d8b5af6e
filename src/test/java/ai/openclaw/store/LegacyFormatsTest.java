package ai.openclaw.store;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.core.Secret;
import ai.openclaw.credential.ApiKeyCredential;
import ai.openclaw.credential.Credential;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.TokenCredential;
import ai.openclaw.json.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LegacyFormatsTest {
    private static JsonNode json(String text) {
        return Json.parse(Path.of("legacy.json"), text);
    }

    // ---- auth.json ----

    @Test
    void fromAuthJson_convertsEachProviderToProviderDefault() {
        Map<String, Credential> out = LegacyFormats.fromAuthJson(json("""
                {"anthropic":{"type":"api_key","key":"sk-ant","email":"a@example.com"},
                 "github-copilot":{"type":"token","token":"ghp","expires":1800000000000,"email":"g@example.com"},
                 "openai":{"type":"oauth","access":"acc","refresh":"ref","expires":1767225600000,
                           "enterpriseUrl":"https://e","projectId":"proj","accountId":"acct","email":"o@example.com",
                           "clientId":"ignored"}}
                """));
        assertThat(out.keySet()).containsExactly("anthropic:default", "github-copilot:default", "openai:default");

        var k = (ApiKeyCredential) out.get("anthropic:default");
        assertThat(k.provider()).isEqualTo("anthropic");
        assertThat(k.key()).isEqualTo(Secret.of("sk-ant"));
        assertThat(k.email()).isEqualTo("a@example.com");

        var t = (TokenCredential) out.get("github-copilot:default");
        assertThat(t.token()).isEqualTo(Secret.of("ghp"));
        assertThat(t.expires()).isEqualTo(1_800_000_000_000L);
        assertThat(t.email()).isEqualTo("g@example.com");

        var o = (OAuthCredential) out.get("openai:default");
        assertThat(o.access()).isEqualTo(Secret.of("acc"));
        assertThat(o.refresh()).isEqualTo(Secret.of("ref"));
        assertThat(o.expires()).isEqualTo(1_767_225_600_000L);
        assertThat(o.enterpriseUrl()).isEqualTo("https://e");
        assertThat(o.projectId()).isEqualTo("proj");
        assertThat(o.accountId()).isEqualTo("acct");
        assertThat(o.email()).isEqualTo("o@example.com");
        assertThat(o.clientId()).isNull();
    }

    @Test
    void fromAuthJson_entryWithoutKnownTypeIsTreatedAsOAuth() {
        Map<String, Credential> out = LegacyFormats.fromAuthJson(json("{\"google\":{\"access\":\"a\",\"refresh\":\"r\"}}"));
        assertThat(out.get("google:default")).isInstanceOf(OAuthCredential.class);
    }

    @Test
    void fromAuthJson_tokenKeepsExpiresOnlyWhenNumeric() {
        Map<String, Credential> out = LegacyFormats.fromAuthJson(json(
                "{\"x\":{\"type\":\"token\",\"token\":\"t\",\"expires\":\"soon\"}}"));
        assertThat(((TokenCredential) out.get("x:default")).expires()).isNull();
    }

    @Test
    void fromAuthJson_providerFieldOverridesTheKey() {
        Map<String, Credential> out = LegacyFormats.fromAuthJson(json(
                "{\"work\":{\"type\":\"api_key\",\"provider\":\"Anthropic\",\"key\":\"k\"}}"));
        assertThat(out).containsOnlyKeys("anthropic:default");
        assertThat(out.get("anthropic:default").provider()).isEqualTo("anthropic");
    }

    @Test
    void fromAuthJson_skipsNonObjectsReservedKeysAndOAuthWithoutTokens() {
        Map<String, Credential> out = LegacyFormats.fromAuthJson(json("""
                {"a":"string","__proto__":{"type":"api_key","key":"k"},"constructor":{"type":"api_key","key":"k"},
                 "empty":{"type":"oauth","expires":5},"ok":{"type":"api_key","key":"k"}}
                """));
        assertThat(out).containsOnlyKeys("ok:default");
    }

    @Test
    void fromAuthJson_aCanonicalStoreOrNonObjectIsNotAnAuthJson() {
        assertThat(LegacyFormats.fromAuthJson(json("{\"profiles\":{},\"anthropic\":{\"type\":\"api_key\",\"key\":\"k\"}}")))
                .isEmpty();
        assertThat(LegacyFormats.fromAuthJson(json("[1]"))).isEmpty();
    }

    // ---- oauth.json ----

    @Test
    void fromOAuthJson_addsOAuthProfilesForProviderDefaultIds() {
        Map<String, Credential> out = LegacyFormats.fromOAuthJson(json("""
                {"Anthropic":{"access":"acc","refresh":"ref","expires":1800000000000,"email":"me@example.com"}}
                """), Map.of());
        var o = (OAuthCredential) out.get("anthropic:default");
        assertThat(o.provider()).isEqualTo("anthropic");
        assertThat(o.access()).isEqualTo(Secret.of("acc"));
        assertThat(o.expires()).isEqualTo(1_800_000_000_000L);
        assertThat(o.email()).isEqualTo("me@example.com");
    }

    @Test
    void fromOAuthJson_doesNotOverrideExistingIds() {
        Map<String, Credential> existing = Map.of("openai:default", ApiKeyCredential.of("openai", Secret.of("k")));
        Map<String, Credential> out = LegacyFormats.fromOAuthJson(json("""
                {"openai":{"access":"a","refresh":"r"},"google":{"access":"g","refresh":"r"}}
                """), existing);
        assertThat(out).containsOnlyKeys("google:default");
    }

    @Test
    void fromOAuthJson_skipsEntriesWithoutAccessOrRefresh() {
        assertThat(LegacyFormats.fromOAuthJson(json("{\"x\":{\"expires\":5},\"y\":3}"), Map.of())).isEmpty();
    }

    // ---- flat auth-profiles.json (doctor --fix) ----

    @Test
    void fromFlatStore_infersTypeFromFields() {
        var conv = LegacyFormats.fromFlatStore(json("""
                {"openrouter":{"apiKey":"sk-or"},
                 "anthropic":{"key":"sk-ant","email":"a@example.com"},
                 "github-copilot":{"token":"ghp","expires":1800000000000},
                 "openai":{"access":"acc","refresh":"ref","expires":1767225600000,"accountId":"acct",
                           "projectId":"proj","enterpriseUrl":"https://e"}}
                """));
        assertThat(conv.skippedKeys()).isEmpty();
        assertThat(conv.profiles().keySet()).containsExactly("openrouter:default", "anthropic:default",
                "github-copilot:default", "openai:default");
        assertThat(((ApiKeyCredential) conv.profiles().get("openrouter:default")).key()).isEqualTo(Secret.of("sk-or"));
        var ant = (ApiKeyCredential) conv.profiles().get("anthropic:default");
        assertThat(ant.key()).isEqualTo(Secret.of("sk-ant"));
        assertThat(ant.email()).isEqualTo("a@example.com");
        var tok = (TokenCredential) conv.profiles().get("github-copilot:default");
        assertThat(tok.expires()).isEqualTo(1_800_000_000_000L);
        var o = (OAuthCredential) conv.profiles().get("openai:default");
        assertThat(o.accountId()).isEqualTo("acct");
        assertThat(o.projectId()).isEqualTo("proj");
        assertThat(o.enterpriseUrl()).isEqualTo("https://e");
    }

    @Test
    void fromFlatStore_explicitTypeOrModeWinsOverInference() {
        var conv = LegacyFormats.fromFlatStore(json("""
                {"a":{"type":"token","token":"t","key":"k"},"b":{"mode":"api_key","key":"k","token":"t"}}
                """));
        assertThat(conv.profiles().get("a:default")).isInstanceOf(TokenCredential.class);
        assertThat(conv.profiles().get("b:default")).isInstanceOf(ApiKeyCredential.class);
    }

    @Test
    void fromFlatStore_oauthNeedsAccessRefreshAndNumericExpires() {
        var conv = LegacyFormats.fromFlatStore(json("""
                {"x":{"access":"a","refresh":"r"},"y":{"access":"a","refresh":"r","expires":"1"},
                 "z":{"access":"a","expires":1}}
                """));
        assertThat(conv.profiles()).isEmpty();
        assertThat(conv.skippedKeys()).containsExactly("x", "y", "z");
    }

    @Test
    void fromFlatStore_providerFieldIsUsedButTheIdComesFromTheKey() {
        var conv = LegacyFormats.fromFlatStore(json("{\"mine\":{\"provider\":\"Anthropic\",\"key\":\"k\"}}"));
        assertThat(conv.profiles()).containsOnlyKeys("mine:default");
        assertThat(conv.profiles().get("mine:default").provider()).isEqualTo("anthropic");
    }

    @Test
    void fromFlatStore_skipsReservedAndBlankKeysSilently_andListsUnconvertibleOnes() {
        var conv = LegacyFormats.fromFlatStore(json("""
                {"__proto__":{"key":"k"},"constructor":{"key":"k"},"prototype":{"key":"k"},"  ":{"key":"k"},
                 "version":1,"nothing":{"email":"x@example.com"},"ok":{"key":"k"}}
                """));
        assertThat(conv.profiles()).containsOnlyKeys("ok:default");
        assertThat(conv.skippedKeys()).containsExactly("version", "nothing");
    }

    @Test
    void fromFlatStore_nonObjectRootConvertsNothing() {
        var conv = LegacyFormats.fromFlatStore(json("[1,2]"));
        assertThat(conv.profiles()).isEmpty();
        assertThat(conv.skippedKeys()).isEmpty();
    }
}
