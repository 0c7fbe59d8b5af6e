package ai.openclaw.store;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthStateCodecTest {
    private static AuthState decode(String text) {
        return AuthStateCodec.decode(Json.parse(Path.of("auth-state.json"), text));
    }

    private static UsageStats statsOf(String statsJson) {
        return decode("{\"usageStats\":{\"p:1\":" + statsJson + "}}").stats("p:1");
    }

    @Test
    void decode_nonObjectRootIsEmpty() {
        assertThat(decode("[]")).isEqualTo(AuthState.EMPTY);
        assertThat(AuthStateCodec.decode(null)).isEqualTo(AuthState.EMPTY);
    }

    @Test
    void decode_orderNormalizesProviderKeysAndTrimsIds() {
        var s = decode("{\"order\":{\"  OpenAI \":[\" openai:a \",\"openai:b\"]}}");
        assertThat(s.order()).containsExactly(Map.entry("openai", List.of("openai:a", "openai:b")));
    }

    @Test
    void decode_orderDropsEmptyListsNonArraysBlankAndNonStringIds() {
        var s = decode("""
                {"order":{"a":[],"b":"b:1","c":[" ", 7, null],"d":[" ","d:1",7],"   ":["x:1"]}}
                """);
        assertThat(s.order()).containsOnlyKeys("d");
        assertThat(s.order().get("d")).containsExactly("d:1");
    }

    @Test
    void decode_lastGoodLowerCasesProviderKeysAndDropsBlankOrNonStringValues() {
        var s = decode("{\"lastGood\":{\" Anthropic \":\" anthropic:work \",\"openai\":\"\",\"x\":5}}");
        assertThat(s.lastGood()).containsExactly(Map.entry("anthropic", "anthropic:work"));
    }

    @Test
    void decode_usageStats_readsEveryRecognizedField() {
        UsageStats u = statsOf("""
                {"lastUsed":1,"cooldownUntil":2,"cooldownReason":"rate_limit","cooldownModel":"gpt-5",
                 "disabledUntil":3,"disabledReason":"billing","blockedUntil":4,"blockedReason":"subscription_limit",
                 "blockedSource":"wham","blockedModel":"gpt-5-codex","errorCount":5,
                 "failureCounts":{"rate_limit":2,"billing":1},"lastFailureAt":6}
                """);
        assertThat(u).isEqualTo(new UsageStats(1L, 2L, FailureReason.RATE_LIMIT, "gpt-5", 3L, FailureReason.BILLING,
                4L, "subscription_limit", "wham", "gpt-5-codex", 5,
                Map.of(FailureReason.RATE_LIMIT, 2, FailureReason.BILLING, 1), 6L));
    }

    @Test
    void decode_usageStats_dropsInvalidReasonsAndUnknownFields() {
        UsageStats u = statsOf("""
                {"cooldownUntil":10,"cooldownReason":"server_error","disabledReason":"nope","extra":"x"}
                """);
        assertThat(u.cooldownUntil()).isEqualTo(10L);
        assertThat(u.cooldownReason()).isNull();
        assertThat(u.disabledReason()).isNull();
        assertThat(AuthStateCodec.encodeStats(u).propertyNames()).containsExactly("cooldownUntil");
    }

    @Test
    void decode_failureCounts_dropsUnknownReasonsAndNonPositiveOrNonNumericCounts() {
        UsageStats u = statsOf("""
                {"failureCounts":{"rate_limit":3,"auth":0,"billing":-1,"timeout":"2","server_error":4,"format":1}}
                """);
        assertThat(u.failureCounts()).containsOnly(Map.entry(FailureReason.RATE_LIMIT, 3),
                Map.entry(FailureReason.FORMAT, 1));
    }

    @Test
    void decode_blockedSourceMustBeCodexRateLimitsOrWham() {
        assertThat(statsOf("{\"blockedUntil\":9,\"blockedSource\":\"codex_rate_limits\"}").blockedSource())
                .isEqualTo("codex_rate_limits");
        assertThat(statsOf("{\"blockedUntil\":9,\"blockedSource\":\"wham\"}").blockedSource()).isEqualTo("wham");
        assertThat(statsOf("{\"blockedUntil\":9,\"blockedSource\":\"somewhere\"}").blockedSource()).isNull();
    }

    @Test
    void decode_blockedReasonMustBeSubscriptionLimit() {
        assertThat(statsOf("{\"blockedUntil\":9,\"blockedReason\":\"rate_limit\"}").blockedReason()).isNull();
        assertThat(statsOf("{\"blockedUntil\":9,\"blockedReason\":\"subscription_limit\"}").blockedReason())
                .isEqualTo("subscription_limit");
    }

    @Test
    void decode_invalidTimestampsAndNegativeErrorCountAreDropped() {
        UsageStats u = statsOf("{\"lastUsed\":-1,\"cooldownUntil\":\"soon\",\"errorCount\":-2,\"disabledUntil\":0,"
                + "\"lastFailureAt\":7}");
        assertThat(u.lastUsed()).isNull();
        assertThat(u.cooldownUntil()).isNull();
        assertThat(u.errorCount()).isNull();
        assertThat(u.disabledUntil()).isNull();
        assertThat(u.lastFailureAt()).isEqualTo(7L);
    }

    @Test
    void decode_entriesThatEndUpEmptyOrAreNotObjects_areRemoved() {
        var s = decode("""
                {"usageStats":{"a:1":{"cooldownReason":"server_error","junk":1},"b:1":"x","c:1":{},
                               "d:1":{"lastUsed":5}}}
                """);
        assertThat(s.usageStats()).containsOnlyKeys("d:1");
    }

    @Test
    void encode_emptyState_isVersionOnly() {
        assertThat(Json.compact(AuthStateCodec.encode(AuthState.EMPTY))).isEqualTo("{\"version\":1}");
    }

    @Test
    void encode_writesOnlyNonEmptyMaps() {
        JsonNode onlyLastGood = AuthStateCodec.encode(AuthState.EMPTY.withLastGood("openai", "openai:a"));
        assertThat(onlyLastGood.propertyNames()).containsExactly("version", "lastGood");

        JsonNode onlyOrder = AuthStateCodec.encode(AuthState.EMPTY.withOrder("openai", List.of("openai:a")));
        assertThat(onlyOrder.propertyNames()).containsExactly("version", "order");
    }

    @Test
    void encodeThenDecode_preservesTheState() {
        AuthState state = AuthState.EMPTY
                .withOrder("anthropic", List.of("anthropic:b", "anthropic:a"))
                .withLastGood("anthropic", "anthropic:b")
                .withStats("anthropic:a", s -> new UsageStats(100L, 200L, FailureReason.TIMEOUT, "m", null, null,
                        null, null, null, null, 1, Map.of(FailureReason.TIMEOUT, 1), 150L));
        String text = Json.pretty(AuthStateCodec.encode(state));
        assertThat(decode(text)).isEqualTo(state);
        assertThat(text).startsWith("{\n  \"version\": 1,\n  \"order\": {").endsWith("}\n");
    }

    @Test
    void refreshErrors_roundTripNextToTheOtherMaps() {
        AuthState state = AuthState.EMPTY.withLastGood("openai-codex", "openai-codex:me")
                .withRefreshError("openai-codex:me", new RefreshError(1_750_000_000_000L, "invalid_grant",
                        "OAuth token refresh failed for openai-codex: invalid_grant. Log in again."));
        JsonNode encoded = AuthStateCodec.encode(state);
        assertThat(encoded.propertyNames()).containsExactly("version", "lastGood", "refreshErrors");
        assertThat(encoded.get("refreshErrors").get("openai-codex:me").get("code").asString())
                .isEqualTo("invalid_grant");
        assertThat(decode(Json.pretty(encoded))).isEqualTo(state);
    }

    @Test
    void refreshErrors_withoutTimeOrCode_areDropped() {
        var s = decode("""
                {"refreshErrors":{"a:1":{"code":"invalid_grant"},"b:1":{"at":5},"c:1":"x",
                                  "d:1":{"at":5,"code":"revoked","extra":true}}}
                """);
        assertThat(s.refreshErrors()).containsOnlyKeys("d:1");
        assertThat(s.refreshError("d:1")).isEqualTo(new RefreshError(5, "revoked", ""));
    }

    @Test
    void changingAnotherPartOfTheState_keepsRefreshErrors() {
        RefreshError error = new RefreshError(7, "revoked", "m");
        AuthState state = AuthState.EMPTY.withRefreshError("p:1", error)
                .withOrder("p", List.of("p:1"))
                .withLastGood("p", "p:1")
                .withStats("p:1", s -> new UsageStats(1L, null, null, null, null, null, null, null, null, null, null,
                        Map.of(), null))
                .withUsageStats(Map.of());
        assertThat(state.refreshError("p:1")).isEqualTo(error);
        assertThat(state.withoutRefreshError("p:1").isEmpty()).isFalse();
        assertThat(AuthState.EMPTY.withRefreshError("p:1", error).withoutRefreshError("p:1").isEmpty()).isTrue();
    }
}
