package ai.openclaw.oauth.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.credential.OAuthCredential;
import ai.openclaw.oauth.TokenRefresher;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefresherRegistryTest {
    private static TokenRefresher named(String provider) {
        return new TokenRefresher() {
            @Override
            public String provider() {
                return provider;
            }

            @Override
            public OAuthCredential refresh(OAuthCredential current, Duration timeout) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void aProfileOwnRefresherWins_thenTheProvidersByNormalizedId() {
        TokenRefresher codex = named("OpenAI-Codex");
        TokenRefresher special = named("openai-codex");
        RefresherRegistry r = RefresherRegistry.builder().provider(codex).profile("openai-codex:work", special).build();
        assertThat(r.find("openai-codex", "openai-codex:me")).containsSame(codex);
        assertThat(r.find(" OPENAI-CODEX ", "openai-codex:work")).containsSame(special);
        assertThat(r.find("anthropic", "anthropic:me")).isEmpty();
    }

    @Test
    void aProfileOwnedByAnExternalCli_neverFallsBackToItsProvidersRefresher() {
        TokenRefresher anthropic = named("anthropic");
        TokenRefresher claudeCli = named("anthropic");
        assertThat(RefresherRegistry.builder().provider(anthropic).build().find("anthropic", "anthropic:claude-cli"))
                .isEmpty();
        assertThat(RefresherRegistry.builder().provider(anthropic).profile("anthropic:claude-cli", claudeCli).build()
                .find("anthropic", "anthropic:claude-cli")).containsSame(claudeCli);
    }
}
