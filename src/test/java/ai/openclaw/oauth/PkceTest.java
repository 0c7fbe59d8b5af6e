package ai.openclaw.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** PKCE (RFC 7636) and the login state. */
class PkceTest {
    /** RFC 7636 Appendix B: the 32 octets behind the example verifier. */
    static final byte[] RFC7636_OCTETS = FixedBytes.of(116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216,
            173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121);
    static final String RFC7636_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String RFC7636_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void challengeOf_rfc7636AppendixBVerifier_isTheRfcChallenge() {
        assertThat(Pkce.challengeOf(RFC7636_VERIFIER)).isEqualTo(RFC7636_CHALLENGE);
        assertThat(Pkce.fromVerifier(RFC7636_VERIFIER).challenge()).isEqualTo(RFC7636_CHALLENGE);
    }

    @Test
    void generate_fromTheRfcOctets_givesTheRfcVerifierAndChallenge() {
        Pkce pkce = Pkce.generate(new FixedBytes(RFC7636_OCTETS));

        assertThat(pkce.verifier()).isEqualTo(RFC7636_VERIFIER);
        assertThat(pkce.challenge()).isEqualTo(RFC7636_CHALLENGE);
        assertThat(Pkce.METHOD).isEqualTo("S256");
    }

    @Test
    void generate_uses32RandomBytes_43UnpaddedBase64UrlChars() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 50; i++) {
            Pkce pkce = Pkce.generate(random);
            assertThat(pkce.verifier()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
            assertThat(pkce.challenge()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
            assertThat(pkce.challenge()).isEqualTo(Pkce.challengeOf(pkce.verifier()));
        }
        assertThat(Pkce.generate(random).verifier()).isNotEqualTo(Pkce.generate(random).verifier());
    }

    @Test
    void toString_hidesTheVerifier() {
        Pkce pkce = Pkce.fromVerifier(RFC7636_VERIFIER);

        assertThat(pkce.toString()).doesNotContain(RFC7636_VERIFIER).contains(RFC7636_CHALLENGE);
    }

    @Test
    void state_is16RandomBytesAsLowerHex() {
        byte[] bytes = FixedBytes.of(0x00, 0x01, 0xab, 0xcd, 0xef, 0x10, 0x7f, 0x80, 0xff, 0x22, 0x33, 0x44, 0x55, 0x66,
                0x77, 0x88);

        assertThat(OAuthState.generate(new FixedBytes(bytes))).isEqualTo("0001abcdef107f80ff22334455667788");
        assertThat(OAuthState.generate(new SecureRandom())).matches("[0-9a-f]{32}");
    }
}
