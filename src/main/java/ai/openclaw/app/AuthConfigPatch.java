package ai.openclaw.app;

import ai.openclaw.core.ProviderIds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Config edits that go with storing a credential ({@code applyAuthProfileConfig} in OpenClaw): upsert
 * {@code auth.profiles.<id> = {provider, mode}} keeping its other keys, move the id to the front of an existing
 * {@code auth.order.<provider>}, and create that order when the provider's configured profiles now mix modes (so
 * the newest credential is tried first rather than whichever sorts first by type).
 */
public final class AuthConfigPatch {
    private AuthConfigPatch() {}

    public static ObjectNode applyProfile(ObjectNode root, String profileId, String provider, String mode) {
        ObjectNode auth = root.withObjectProperty("auth");
        ObjectNode profiles = auth.withObjectProperty("profiles");
        JsonNode existing = profiles.get(profileId);
        ObjectNode entry = existing instanceof ObjectNode o ? o : profiles.putObject(profileId);
        entry.put("provider", provider);
        entry.put("mode", mode);

        ObjectNode order = auth.get("order") instanceof ObjectNode o ? o : null;
        String orderKey = order == null ? null : findProviderKey(order, provider);
        if (orderKey != null && order.get(orderKey) instanceof ArrayNode list) {
            moveToFront(list, profileId);
            return root;
        }
        Set<String> modes = new LinkedHashSet<>();
        List<String> sameProvider = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : profiles.properties()) {
            JsonNode p = e.getValue().get("provider");
            JsonNode m = e.getValue().get("mode");
            if (p != null && p.isString() && ProviderIds.normalize(p.asString()).equals(provider)) {
                sameProvider.add(e.getKey());
                if (m != null && m.isString()) {
                    modes.add(m.asString());
                }
            }
        }
        if (modes.size() > 1) {
            ArrayNode list = auth.withObjectProperty("order").putArray(provider);
            list.add(profileId);
            sameProvider.stream().filter(id -> !id.equals(profileId)).forEach(list::add);
        }
        return root;
    }

    private static String findProviderKey(ObjectNode order, String provider) {
        for (Map.Entry<String, JsonNode> e : order.properties()) {
            if (ProviderIds.normalize(e.getKey()).equals(provider)) {
                return e.getKey();
            }
        }
        return null;
    }

    private static void moveToFront(ArrayNode list, String id) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).isString() && list.get(i).asString().strip().equals(id)) {
                list.remove(i);
            }
        }
        list.insert(0, id);
    }
}
