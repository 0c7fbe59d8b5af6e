package ai.openclaw.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP proxy the environment asks for (logins §2.5 step 7: the token calls honour proxy variables), with the
 * conventions curl and Node share: {@code https_proxy}/{@code HTTPS_PROXY} for https targets, falling back to the
 * http proxy; {@code http_proxy}/{@code HTTP_PROXY} for http targets (lower case wins); {@code no_proxy}/{@code NO_PROXY}
 * lists hosts to reach directly ({@code *} for all; {@code example.com} or {@code .example.com} also match
 * subdomains; an entry may end in {@code :port}). A proxy value without a scheme means {@code http://}.
 *
 * <p>Proxies that need a user and password are refused with a clear message rather than sent unauthenticated: the
 * credentials would have to be handled as secrets, and no caller needs them yet.
 *
 * @param https   proxy for https targets, or null
 * @param http    proxy for http targets, or null
 * @param noProxy lower-cased {@code NO_PROXY} entries
 */
public record EnvProxy(URI https, URI http, List<String> noProxy) {
    public static final EnvProxy NONE = new EnvProxy(null, null, List.of());

    public EnvProxy {
        noProxy = List.copyOf(noProxy);
    }

    /**
     * Reads the variables from {@code env}.
     *
     * @throws IllegalArgumentException when a proxy variable is not a usable {@code http(s)://host:port} URL; the
     *                                  message names the variable but not its value (it may hold a password)
     */
    public static EnvProxy fromEnv(Map<String, String> env) {
        Optional<Map.Entry<String, String>> httpVar = first(env, "http_proxy", "HTTP_PROXY");
        Optional<Map.Entry<String, String>> httpsVar = first(env, "https_proxy", "HTTPS_PROXY");
        URI http = httpVar.map(EnvProxy::parse).orElse(null);
        URI https = httpsVar.map(EnvProxy::parse).orElse(http);
        List<String> noProxy = first(env, "no_proxy", "NO_PROXY")
                .map(e -> Arrays.stream(e.getValue().split("[,\\s]+"))
                        .map(s -> s.strip().toLowerCase(Locale.ROOT))
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
        return new EnvProxy(https, http, noProxy);
    }

    /** The proxy for a request to {@code target}, or empty to connect directly. */
    public Optional<URI> forTarget(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        URI proxy = switch (scheme) {
            case "https" -> https;
            case "http" -> http;
            default -> null;
        };
        if (proxy == null || target.getHost() == null || bypassed(target.getHost(), port(target))) {
            return Optional.empty();
        }
        return Optional.of(proxy);
    }

    private boolean bypassed(String rawHost, int port) {
        String host = stripBrackets(rawHost.toLowerCase(Locale.ROOT));
        for (String entry : noProxy) {
            if (entry.equals("*")) {
                return true;
            }
            String name = entry;
            int entryPort = -1;
            if (entry.startsWith("[") && entry.contains("]")) {
                int close = entry.indexOf(']');
                name = entry.substring(1, close);
                entryPort = parsePort(entry.substring(close + 1));
            } else if (entry.indexOf(':') > 0 && entry.indexOf(':') == entry.lastIndexOf(':')) {
                // "host:port"; an entry with several colons is a bare IPv6 address
                name = entry.substring(0, entry.indexOf(':'));
                entryPort = parsePort(entry.substring(entry.indexOf(':')));
            }
            if (entryPort >= 0 && entryPort != port) {
                continue;
            }
            String bare = name.startsWith("*.") ? name.substring(2) : name.startsWith(".") ? name.substring(1) : name;
            if (!bare.isEmpty() && (host.equals(bare) || host.endsWith("." + bare))) {
                return true;
            }
        }
        return false;
    }

    /** {@code ":443"} gives 443; anything else -1 (no port restriction). */
    private static int parsePort(String suffix) {
        if (!suffix.startsWith(":")) {
            return -1;
        }
        try {
            return Integer.parseInt(suffix.substring(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int port(URI target) {
        if (target.getPort() >= 0) {
            return target.getPort();
        }
        return "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static Optional<Map.Entry<String, String>> first(Map<String, String> env, String... names) {
        for (String name : names) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return Optional.of(Map.entry(name, v.strip()));
            }
        }
        return Optional.empty();
    }

    private static URI parse(Map.Entry<String, String> variable) {
        String value = variable.getValue();
        String text = value.contains("://") ? value : "http://" + value;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(variable.getKey() + " is not a proxy URL (expected http://host:port).");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(variable.getKey() + " is not a proxy URL (expected http://host:port).");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(variable.getKey()
                    + " names a proxy with a user and password, which is not supported for OAuth token calls;"
                    + " use a proxy that does not need them, or list the token host in NO_PROXY.");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return URI.create(scheme + "://" + uri.getHost() + ":" + port);
    }

    @Override
    public String toString() {
        return "EnvProxy[https=" + https + ", http=" + http + ", noProxy=" + noProxy + "]";
    }
}
