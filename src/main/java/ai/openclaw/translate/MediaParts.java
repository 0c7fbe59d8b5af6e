package ai.openclaw.translate;

import static ai.openclaw.translate.RequestFields.get;
import static ai.openclaw.translate.RequestFields.optionalString;
import static ai.openclaw.translate.RequestFields.path;
import static ai.openclaw.translate.RequestFields.requireObject;
import static ai.openclaw.translate.RequestFields.requireString;

import ai.openclaw.json.Json;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Images and PDFs both ways: OpenAI {@code image_url} parts ⇄ Anthropic {@code image} blocks (base64 data: URL ⇄
 * {@code source.type: base64}, http(s) URL ⇄ {@code source.type: url}) and OpenAI {@code file} parts with PDF
 * {@code file_data} ⇄ Anthropic {@code document} blocks with a base64 PDF source ({@code filename} ⇄ {@code title}).
 */
final class MediaParts {
    static final Set<String> ANTHROPIC_IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");
    static final String PDF = "application/pdf";
    private static final String DEFAULT_FILENAME = "document.pdf";

    private MediaParts() {}

    /** OpenAI {@code {"type":"image_url","image_url":{"url":...}}} (or a bare URL string) → Anthropic image. */
    static ObjectNode anthropicImage(JsonNode part, String partPath) {
        JsonNode imageUrl = get(part, "image_url");
        String urlPath = path(partPath, "image_url");
        String url;
        if (imageUrl != null && imageUrl.isString()) {
            url = imageUrl.stringValue();
        } else {
            requireObject(imageUrl, urlPath);
            url = requireString(imageUrl, "url", urlPath);
            urlPath = path(urlPath, "url");
        }
        ObjectNode block = Json.object();
        block.put("type", "image");
        ObjectNode source = block.putObject("source");
        if (DataUrl.isDataUrl(url)) {
            DataUrl data = DataUrl.parse(url, urlPath);
            if (!ANTHROPIC_IMAGE_TYPES.contains(data.mediaType())) {
                throw new TranslationException(urlPath, "Anthropic accepts image/jpeg, image/png, image/gif and "
                        + "image/webp images, not " + describe(data.mediaType()));
            }
            source.put("type", "base64");
            source.put("media_type", data.mediaType());
            source.put("data", data.base64());
        } else if (isHttp(url)) {
            source.put("type", "url");
            source.put("url", url);
        } else {
            throw new TranslationException(urlPath, "must be an http(s) URL or a base64 data: URL");
        }
        return block;
    }

    /** OpenAI {@code {"type":"file","file":{"file_data":"data:application/pdf;base64,..."}}} → Anthropic document. */
    static ObjectNode anthropicDocument(JsonNode part, String partPath) {
        String filePath = path(partPath, "file");
        JsonNode file = requireObject(get(part, "file"), filePath);
        if (get(file, "file_id") != null && get(file, "file_data") == null) {
            throw new TranslationException(path(filePath, "file_id"),
                    "files uploaded to OpenAI cannot be read by Anthropic; send the content as file_data");
        }
        String dataPath = path(filePath, "file_data");
        String fileData = requireString(file, "file_data", filePath);
        if (!DataUrl.isDataUrl(fileData)) {
            throw new TranslationException(dataPath, "must be a base64 data: URL (data:application/pdf;base64,...)");
        }
        DataUrl data = DataUrl.parse(fileData, dataPath);
        if (!data.mediaType().equals(PDF)) {
            throw new TranslationException(dataPath,
                    "only PDF files can be sent to Anthropic as documents, not " + describe(data.mediaType()));
        }
        ObjectNode block = Json.object();
        block.put("type", "document");
        ObjectNode source = block.putObject("source");
        source.put("type", "base64");
        source.put("media_type", PDF);
        source.put("data", data.base64());
        String filename = optionalString(file, "filename", filePath);
        if (filename != null && !filename.isBlank()) {
            block.put("title", filename);
        }
        return block;
    }

    /** Anthropic image (base64 or url source) → OpenAI {@code image_url} part. */
    static ObjectNode openAiImage(JsonNode block, String blockPath) {
        String sourcePath = path(blockPath, "source");
        JsonNode source = requireObject(get(block, "source"), sourcePath);
        String type = requireString(source, "type", sourcePath);
        String url = switch (type) {
            case "base64" -> new DataUrl(requireString(source, "media_type", sourcePath).toLowerCase(Locale.ROOT),
                    requireString(source, "data", sourcePath)).format();
            case "url" -> requireString(source, "url", sourcePath);
            default -> throw new TranslationException(path(sourcePath, "type"),
                    "only base64 and url image sources can be sent to OpenAI Chat Completions");
        };
        ObjectNode part = Json.object();
        part.put("type", "image_url");
        part.putObject("image_url").put("url", url);
        return part;
    }

    /** Anthropic document (base64 PDF → OpenAI {@code file} part; plain-text source → text part). */
    static ObjectNode openAiDocument(JsonNode block, String blockPath) {
        String sourcePath = path(blockPath, "source");
        JsonNode source = requireObject(get(block, "source"), sourcePath);
        String type = requireString(source, "type", sourcePath);
        ObjectNode part = Json.object();
        if (type.equals("text")) {
            part.put("type", "text");
            part.put("text", requireString(source, "data", sourcePath));
            return part;
        }
        String mediaType = type.equals("base64") ? requireString(source, "media_type", sourcePath) : "";
        if (!mediaType.equalsIgnoreCase(PDF)) {
            throw new TranslationException(sourcePath,
                    "only base64 PDF and plain-text documents can be sent to OpenAI Chat Completions");
        }
        part.put("type", "file");
        ObjectNode file = part.putObject("file");
        String title = optionalString(block, "title", blockPath);
        file.put("filename", title == null || title.isBlank() ? DEFAULT_FILENAME : title);
        file.put("file_data", new DataUrl(PDF, requireString(source, "data", sourcePath)).format());
        return part;
    }

    private static boolean isHttp(String url) {
        return url.regionMatches(true, 0, "https://", 0, 8) || url.regionMatches(true, 0, "http://", 0, 7);
    }

    /** A media type quoted only when it looks like one (it comes from the client and could be anything). */
    private static String describe(String mediaType) {
        return mediaType.matches("[a-z0-9.+-]{1,40}/[a-z0-9.+-]{1,80}") ? mediaType : "this media type";
    }
}
