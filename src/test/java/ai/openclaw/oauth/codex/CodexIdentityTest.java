package ai.openclaw.oauth.codex;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.core.Secret;
import ai.openclaw.testing.FakeOAuthServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Account id (logins §2.8) and profile name (§1.4) from Codex tokens. */
class CodexIdentityTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    static ObjectNode claims() {
        return JSON.createObjectNode();
    }

    static Secret token(ObjectNode claims) {
        return Secret.of(FakeOAuthServer.jwt(claims));
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void accessTokenClaims_giveAccountEmailAndPlan() {
        ObjectNode c = claims();
        c.putObject("https://api.openai.com/auth").put("chatgpt_account_id", "acct-1").put("chatgpt_plan_type", "pro");
        c.putObject("https://api.openai.com/profile").put("email", "me@example.com");

        CodexIdentity id = CodexIdentity.of(token(c), null);

        assertThat(id.accountId()).isEqualTo("acct-1");
        assertThat(id.email()).isEqualTo("me@example.com");
        assertThat(id.planType()).isEqualTo("pro");
        assertThat(id.profileName()).isEqualTo("me@example.com");
    }

    @Test
    void email_fallsBackToTheIdToken() {
        ObjectNode access = claims();
        access.putObject("https://api.openai.com/auth").put("chatgpt_account_id", "acct-1");
        ObjectNode idToken = claims().put("email", "from-id@example.com");

        assertThat(CodexIdentity.of(token(access), token(idToken)).email()).isEqualTo("from-id@example.com");
        // the access token's profile claim wins when both have one
        access.putObject("https://api.openai.com/profile").put("email", "from-access@example.com");
        assertThat(CodexIdentity.of(token(access), token(idToken)).email()).isEqualTo("from-access@example.com");
    }

    @Test
    void withoutEmail_theProfileNameIsTheEncodedStableSubject_inPriorityOrder() {
        ObjectNode c = claims().put("iss", "https://auth.openai.com").put("sub", "auth0|u1");
        assertThat(CodexIdentity.of(token(c), null).profileName()).isEqualTo("id-" + b64("https://auth.openai.com|auth0|u1"));

        ObjectNode subOnly = claims().put("sub", "auth0|u1");
        assertThat(CodexIdentity.of(token(subOnly), null).profileName()).isEqualTo("id-" + b64("auth0|u1"));

        ObjectNode auth = c.putObject("https://api.openai.com/auth");
        auth.put("user_id", "user-c");
        assertThat(CodexIdentity.of(token(c), null).stableSubject()).isEqualTo("user-c");
        auth.put("chatgpt_user_id", "user-b");
        assertThat(CodexIdentity.of(token(c), null).stableSubject()).isEqualTo("user-b");
        auth.put("chatgpt_account_user_id", "user-a__acct");
        assertThat(CodexIdentity.of(token(c), null).stableSubject()).isEqualTo("user-a__acct");
        assertThat(CodexIdentity.of(token(c), null).profileName()).isEqualTo("id-" + b64("user-a__acct"));
    }

    @Test
    void tokensSayingNothing_giveTheDefaultName_andNoAccount() {
        CodexIdentity opaque = CodexIdentity.of(Secret.of("opaque-access-token"), null);

        assertThat(opaque.accountId()).isNull();
        assertThat(opaque.email()).isNull();
        assertThat(opaque.profileName()).isEqualTo("default");
        assertThat(CodexIdentity.of(token(claims()), null).profileName()).isEqualTo("default");
    }

    @Test
    void accountIdThatIsNotAString_isAbsent() {
        ObjectNode c = claims();
        c.putObject("https://api.openai.com/auth").put("chatgpt_account_id", 42);

        assertThat(CodexIdentity.of(token(c), null).accountId()).isNull();
    }
}
