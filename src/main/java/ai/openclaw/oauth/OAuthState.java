package ai.openclaw.oauth;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The {@code state} of an authorization request: 16 random bytes as 32 lower-case hex characters. The callback and a
 * pasted redirect URL must bring it back unchanged, which ties the answer to this login (CSRF protection).
 */
public final class OAuthState {
    static final int BYTES = 16;

    private OAuthState() {}

    public static String generate(RandomGenerator random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
