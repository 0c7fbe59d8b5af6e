package ai.openclaw.gateway;

import ai.openclaw.app.AppContext;
import ai.openclaw.core.Secret;
import java.security.SecureRandom;
import java.util.Base64;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secure by default: when no gateway auth is configured at all, the first start generates a random token and saves
 * it as {@code gateway.auth = {mode: "token", token}} in the config (written 0600, previous file kept as .bak).
 */
final class TokenBootstrap {
    private TokenBootstrap() {}

    static Secret generateAndSave(AppContext ctx, SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "ocgw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ctx.configWriter().update(ctx.paths().configPath(), root -> {
            ObjectNode auth = root.withObjectProperty("gateway").withObjectProperty("auth");
            // another process may have configured auth meanwhile: never replace what is there
            if (!auth.has("mode") && !auth.has("token") && !auth.has("password")) {
                auth.put("mode", "token");
                auth.put("token", token);
            }
            return root;
        });
        ctx.configChanged();
        return Secret.of(ctx.config().gatewayNode().path("auth").path("token").asString(token));
    }
}
