package ai.openclaw.core;

/** How secrets are shown to people. */
public final class Mask {
    private Mask() {}

    /**
     * OpenClaw's status mask: empty is {@code missing}; up to 6 characters keep the first and last
     * one; up to 16 keep two on each side; longer values keep eight on each side. Control characters
     * are dropped first.
     */
    public static String apiKey(String value) {
        if (value == null) {
            return "missing";
        }
        String v = value.strip().replaceAll("\\p{Cntrl}", "");
        if (v.isEmpty()) {
            return "missing";
        }
        int n = v.length();
        if (n <= 6) {
            return v.charAt(0) + "..." + v.charAt(n - 1);
        }
        if (n <= 16) {
            return v.substring(0, 2) + "..." + v.substring(n - 2);
        }
        return v.substring(0, 8) + "..." + v.substring(n - 8);
    }

    /**
     * The mask used by {@code toString()} of secret-bearing values: reveals no characters at all, only
     * the length class, because such strings end up in logs nobody reviews.
     */
    public static String opaque(String value) {
        if (value == null || value.isEmpty()) {
            return "missing";
        }
        return "***(" + value.length() + " chars)";
    }
}
