package ai.openclaw.providers;

import java.net.URI;
import java.util.Locale;

/**
 * Whether a base URL points at this machine or a private network: {@code localhost} (and {@code *.localhost}),
 * loopback ({@code 127.0.0.0/8}, {@code ::1}), RFC 1918 ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}),
 * link-local ({@code 169.254/16}, {@code fe80::/10}), unique-local IPv6 ({@code fc00::/7}) and {@code 0.0.0.0}.
 * Only literal addresses and the {@code localhost} names count: no DNS lookup is made, so the answer is fast and
 * does not depend on the network.
 */
final class LocalHosts {
    private LocalHosts() {}

    static boolean isLocalOrPrivate(String baseUrl) {
        String host;
        try {
            host = URI.create(baseUrl.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null || host.isEmpty()) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            return isPrivateIpv6(host.substring(1, host.length() - 1));
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        int[] v4 = ipv4(host);
        return v4 != null && isPrivateIpv4(v4);
    }

    private static boolean isPrivateIpv4(int[] a) {
        return a[0] == 127 || a[0] == 10
                || (a[0] == 172 && a[1] >= 16 && a[1] <= 31)
                || (a[0] == 192 && a[1] == 168)
                || (a[0] == 169 && a[1] == 254)
                || (a[0] == 0 && a[1] == 0 && a[2] == 0 && a[3] == 0);
    }

    private static boolean isPrivateIpv6(String host) {
        int zone = host.indexOf('%');
        String h = zone < 0 ? host : host.substring(0, zone);
        if (h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.equals("::")) {
            return true;
        }
        if (h.startsWith("::ffff:")) {
            int[] v4 = ipv4(h.substring("::ffff:".length()));
            return v4 != null && isPrivateIpv4(v4);
        }
        int colon = h.indexOf(':');
        String first = colon < 0 ? h : h.substring(0, colon);
        if (first.isEmpty() || first.length() > 4) {
            return false;
        }
        int word;
        try {
            word = Integer.parseInt(first, 16);
        } catch (NumberFormatException e) {
            return false;
        }
        return (word & 0xfe00) == 0xfc00 || (word & 0xffc0) == 0xfe80;
    }

    /** The four octets of a dotted-quad literal, or null when {@code host} is not one. */
    private static int[] ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            out[i] = Integer.parseInt(p);
            if (out[i] > 255) {
                return null;
            }
        }
        return out;
    }
}
