package ai.openclaw.credential;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.core.Secret;
import ai.openclaw.json.Json;
import ai.openclaw.secrets.SecretRef;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Credentials end up in logs and exception messages: none of their toStrings may print secret material. */
class CredentialToStringTest {
    private static final String KEY = "sk-live-KEYSECRET-0123456789";
    private static final String TOKEN = "tok-TOKENSECRET-0123456789";
    private static final String ACCESS = "acc-ACCESSSECRET-0123456789";
    private static final String REFRESH = "ref-REFRESHSECRET-0123456789";
    private static final String ID_TOKEN = "idt-IDTOKENSECRET-0123456789";
    private static final String EXTRA = "xtra-EXTRASECRET-0123456789";
    private static final String NESTED = "nest-NESTEDSECRET-0123456789";
    private static final String METADATA = "meta-METADATASECRET-0123456789";

    private static ProfileMeta metaWithSecretExtras() {
        Map<String, JsonNode> extras = new LinkedHashMap<>();
        extras.put("privateKey", JsonNodeFactory.instance.stringNode(EXTRA));
        var nested = Json.object();
        nested.putObject("inner").put("password", NESTED);
        extras.put("vendorBlob", nested);
        return new ProfileMeta("user@example.com", "Work", true, extras);
    }

    @Test
    void apiKeyCredential_toString_hidesKeyMetadataAndExtras() {
        var c = new ApiKeyCredential("anthropic", Secret.of(KEY), null, Map.of("note", METADATA),
                metaWithSecretExtras());
        assertThat(c.toString())
                .contains("anthropic")
                .doesNotContain("KEYSECRET", "METADATASECRET", "EXTRASECRET", "NESTEDSECRET");
    }

    @Test
    void apiKeyCredential_toString_namesARefWithoutResolvingIt() {
        var c = new ApiKeyCredential("openai", null, new SecretRef(SecretRef.Source.ENV, "default", "OPENAI_API_KEY"),
                Map.of(), ProfileMeta.EMPTY);
        assertThat(c.toString()).contains("env:default:OPENAI_API_KEY");
    }

    @Test
    void tokenCredential_toString_hidesTokenAndExtras() {
        var c = new TokenCredential("github-copilot", Secret.of(TOKEN), null, 1_800_000_000_000L,
                metaWithSecretExtras());
        assertThat(c.toString())
                .contains("github-copilot", "1800000000000")
                .doesNotContain("TOKENSECRET", "EXTRASECRET", "NESTEDSECRET");
    }

    @Test
    void oauthCredential_toString_hidesAccessRefreshIdTokenOauthRefAndExtras() {
        var oauthRef = Json.object().put("source", "openclaw-credentials").put("id", "OAUTHREFSECRET");
        var c = new OAuthCredential("openai", Secret.of(ACCESS), Secret.of(REFRESH), Secret.of(ID_TOKEN),
                1_800_000_000_000L, "client", null, null, "acct-1", null, oauthRef, metaWithSecretExtras());
        assertThat(c.toString())
                .contains("openai", "acct-1", "user@example.com")
                .doesNotContain("ACCESSSECRET", "REFRESHSECRET", "IDTOKENSECRET", "OAUTHREFSECRET",
                        "EXTRASECRET", "NESTEDSECRET");
    }

    @Test
    void profileMeta_toString_printsExtraNamesButNeverTheirValues() {
        ProfileMeta meta = metaWithSecretExtras();
        assertThat(meta.toString())
                .contains("privateKey", "vendorBlob", "user@example.com")
                .doesNotContain("EXTRASECRET", "NESTEDSECRET", "password");
    }

    @Test
    void profileMeta_extrasAreDeepCopies_soCallerMutationsDoNotLeakIn() {
        var blob = Json.object().put("a", "1");
        ProfileMeta meta = new ProfileMeta(null, null, null, Map.of("blob", blob));
        blob.put("a", "changed");
        ((ObjectNode) meta.extra("blob")).put("a", "changed-too");
        assertThat(meta.extra("blob").get("a").asString()).isEqualTo("1");
    }
}
