package ai.openclaw.translate;

import java.util.Locale;

/** A base64 {@code data:} URL, {@code data:<media type>[;params];base64,<data>}. */
record DataUrl(String mediaType, String base64) {

    static boolean isDataUrl(String url) {
        return url.regionMatches(true, 0, "data:", 0, 5);
    }

    /**
     * @throws TranslationException at {@code path} when the URL has no comma, no media type or is not base64
     */
    static DataUrl parse(String url, String path) {
        int comma = url.indexOf(',');
        if (comma < 0) {
            throw new TranslationException(path, "data: URL has no ',' before its data");
        }
        String meta = url.substring(5, comma);
        String[] parts = meta.split(";");
        boolean base64 = parts.length > 1 && parts[parts.length - 1].equalsIgnoreCase("base64");
        if (!base64) {
            throw new TranslationException(path, "data: URL must be base64-encoded (data:<media type>;base64,...)");
        }
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        if (mediaType.isEmpty()) {
            throw new TranslationException(path, "data: URL has no media type");
        }
        return new DataUrl(mediaType, url.substring(comma + 1));
    }

    String format() {
        return "data:" + mediaType + ";base64," + base64;
    }
}
