package ai.openclaw.cli.onboard;

import ai.openclaw.credential.TokenCredential;
import ai.openclaw.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** The {@code --json} summary: what was stored where and where each secret came from, never a secret. */
public final class OnboardJson {
    private OnboardJson() {}

    public static ObjectNode render(OnboardResult r, Mode mode) {
        ObjectNode o = Json.object();
        o.put("mode", mode.wireName());
        o.put("authChoice", r.plan().choice().id());
        o.put("agentId", r.agentId());
        if (r.profile() == null) {
            o.putNull("profile");
        } else {
            ObjectNode p = o.putObject("profile");
            p.put("id", r.profile().profileId());
            p.put("provider", r.profile().provider());
            p.put("mode", r.profile().mode().wireName());
            p.put("stored", !r.keptExisting());
            p.put("storePath", r.profile().storePath().toString());
            if (r.plan().auth() instanceof AuthStep.Store s) {
                p.put("source", s.origin().wireName());
                p.put("sourceDetail", s.originText());
                if (s.credential() instanceof TokenCredential t && t.expires() != null) {
                    p.put("expiresAt", t.expires());
                }
            } else {
                p.put("source", "existing_profile");
            }
        }
        r.plan().customProvider().ifPresentOrElse(c -> {
            ObjectNode p = o.putObject("customProvider");
            p.put("id", c.id());
            p.put("baseUrl", c.baseUrl());
            p.put("api", c.compatibility().api().wireName());
            p.put("modelId", c.modelId());
        }, () -> o.putNull("customProvider"));
        r.loginOutcome().ifPresentOrElse(l -> {
            ObjectNode p = o.putObject("login");
            p.put("completed", l.completed());
            p.put("command", l.command());
        }, () -> o.putNull("login"));
        o.put("defaultModel", r.defaultModel());
        o.put("defaultModelChanged", r.defaultModelChanged());
        o.put("configPath", r.configPath().toString());
        o.put("configUpdated", r.configUpdated());
        return o;
    }
}
