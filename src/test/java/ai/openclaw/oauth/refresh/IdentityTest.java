package ai.openclaw.oauth.refresh;

import static ai.openclaw.oauth.refresh.RefreshFixture.oauth;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.core.Secret;
import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.credential.ProfileMeta;
import org.junit.jupiter.api.Test;

class IdentityTest {
    private static OAuthCredential who(String accountId, String email) {
        return oauth("at-0123456789abcdef", "rt-0123456789abcdef", 1L, accountId, email);
    }

    @Test
    void accountIdsDecideWhenBothHaveOne() {
        assertThat(Identity.compatible(who(" acct-1 ", "a@x.io"), who("acct-1", "b@x.io"))).isTrue();
        assertThat(Identity.compatible(who("acct-1", "a@x.io"), who("acct-2", "a@x.io"))).isFalse();
    }

    @Test
    void elseEmailsDecide_trimmedAndCaseInsensitive() {
        assertThat(Identity.compatible(who(null, " Me@Example.com "), who("acct-1", "me@example.com"))).isTrue();
        assertThat(Identity.compatible(who(null, "me@example.com"), who(null, "you@example.com"))).isFalse();
    }

    @Test
    void anExistingIdentityThatCannotBeCompared_isNotReplaced_butNoIdentityIs() {
        assertThat(Identity.compatible(who("acct-1", null), who(null, "me@example.com"))).isFalse();
        assertThat(Identity.compatible(who(null, null), who("acct-1", "me@example.com"))).isTrue();
    }

    @Test
    void otherProviders_neverMatch() {
        OAuthCredential anthropic = new OAuthCredential("anthropic", Secret.of("at-0123456789abcdef"),
                Secret.of("rt-0123456789abcdef"), null, 1L, null, null, null, null, null, null, ProfileMeta.EMPTY);
        assertThat(Identity.compatible(who(null, null), anthropic)).isFalse();
    }

    @Test
    void equivalent_comparesTokensExpiryAndIdentity() {
        assertThat(Identity.equivalent(who("a", "e@x.io"), who("a", "e@x.io"))).isTrue();
        assertThat(Identity.equivalent(who("a", "e@x.io"),
                oauth("at-0123456789abcdef", "rt-other-0123456789", 1L, "a", "e@x.io"))).isFalse();
    }
}
