package ai.openclaw.gateway;

import ai.openclaw.core.Secret;
import ai.openclaw.env.LayeredEnv;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Where the gateway listens and how clients authenticate, from {@code gateway.*} in the config, the environment
 * ({@code OPENCLAW_GATEWAY_TOKEN}, {@code OPENCLAW_GATEWAY_PASSWORD}) and command-line overrides.
 *
 * @param bindHost  the address to bind ({@code 127.0.0.1} for {@code loopback}, {@code 0.0.0.0} for {@code lan})
 * @param secret    the token or password clients must present; null when {@code mode} is {@code NONE} or unset
 */
public record GatewaySettings(String bindHost, int port, AuthMode mode, Secret secret) {
    public static final int DEFAULT_PORT = 18789;

    public enum AuthMode {
        TOKEN, PASSWORD, NONE,
        /** Nothing configured yet: the first start generates a token. */
        UNSET;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static GatewaySettings from(JsonNode gatewayNode, LayeredEnv env, Integer portOverride, String bindOverride) {
        JsonNode g = gatewayNode == null ? null : gatewayNode;
        int port = portOverride != null ? portOverride
                : g != null && g.path("port").isInt() ? g.path("port").asInt() : DEFAULT_PORT;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("gateway.port must be between 0 and 65535, got " + port);
        }
        String bind = bindOverride != null ? bindOverride
                : g != null && g.path("bind").isString() ? g.path("bind").asString() : "loopback";
        JsonNode auth = g == null ? null : g.path("auth");
        String modeText = auth != null && auth.path("mode").isString() ? auth.path("mode").asString() : null;
        Secret token = env.get("OPENCLAW_GATEWAY_TOKEN").map(Secret::ofNullable)
                .orElseGet(() -> auth != null && auth.path("token").isString()
                        ? Secret.ofNullable(auth.path("token").asString()) : null);
        Secret password = env.get("OPENCLAW_GATEWAY_PASSWORD").map(Secret::ofNullable)
                .orElseGet(() -> auth != null && auth.path("password").isString()
                        ? Secret.ofNullable(auth.path("password").asString()) : null);
        AuthMode mode;
        Secret secret;
        if (modeText == null) {
            mode = token != null ? AuthMode.TOKEN : password != null ? AuthMode.PASSWORD : AuthMode.UNSET;
            secret = token != null ? token : password;
        } else {
            switch (modeText.strip().toLowerCase(Locale.ROOT)) {
                case "token" -> {
                    mode = AuthMode.TOKEN;
                    secret = token;
                }
                case "password" -> {
                    mode = AuthMode.PASSWORD;
                    secret = password;
                }
                case "none" -> {
                    mode = AuthMode.NONE;
                    secret = null;
                }
                default -> throw new IllegalArgumentException(
                        "gateway.auth.mode must be \"token\", \"password\" or \"none\", got \"" + modeText + "\"");
            }
            if (mode != AuthMode.NONE && secret == null) {
                throw new IllegalArgumentException("gateway.auth.mode is \"" + modeText + "\" but no "
                        + modeText + " is set: add gateway.auth." + modeText + " to the config or set OPENCLAW_GATEWAY_"
                        + modeText.toUpperCase(Locale.ROOT));
            }
        }
        return new GatewaySettings(bindHost(bind), port, mode, secret);
    }

    static String bindHost(String bind) {
        return switch (bind.strip().toLowerCase(Locale.ROOT)) {
            case "loopback", "localhost" -> "127.0.0.1";
            case "lan", "all" -> "0.0.0.0";
            default -> bind.strip();
        };
    }

    /** True when the bind address can only be reached from this host. */
    public boolean loopbackOnly() {
        try {
            return InetAddress.getByName(bindHost).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public GatewaySettings withSecret(AuthMode newMode, Secret newSecret) {
        return new GatewaySettings(bindHost, port, newMode, newSecret);
    }

    @Override
    public String toString() {
        return "GatewaySettings[" + bindHost + ":" + port + ", auth=" + mode.wireName() + "]";
    }
}
