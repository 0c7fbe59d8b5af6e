package ai.openclaw.secrets;

import static ai.openclaw.secrets.SecretsTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.secrets.SecretRef.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretRefsTest {
    @Test
    void fromJson_readsThreeKeyRef() {
        assertThat(SecretRefs.fromJson(json("{\"source\":\"exec\",\"provider\":\"vault\",\"id\":\"openai/key\"}")))
                .contains(new SecretRef(Source.EXEC, "vault", "openai/key"));
    }

    @Test
    void fromJson_readsLegacyTwoKeyRef_withoutProvider() {
        SecretRef ref = SecretRefs.fromJson(json("{\"source\":\"env\",\"id\":\"OPENAI_API_KEY\"}")).orElseThrow();

        assertThat(ref.provider()).isNull();
        assertThat(ref.hasExplicitProvider()).isFalse();
        assertThat(ref.key()).isEqualTo("env:default:OPENAI_API_KEY");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"sk-plain\"",
        "42",
        "null",
        "[]",
        "{\"source\":\"env\",\"provider\":\"default\",\"id\":\"X\",\"extra\":1}",
        "{\"source\":\"vault\",\"provider\":\"default\",\"id\":\"X\"}",
        "{\"source\":\" env\",\"provider\":\"default\",\"id\":\"X\"}",
        "{\"source\":\"env\",\"provider\":\" \",\"id\":\"X\"}",
        "{\"source\":\"env\",\"provider\":\"default\",\"id\":\"\"}",
        "{\"source\":\"env\",\"provider\":\"default\",\"id\":7}",
        "{\"source\":\"env\",\"provider\":\"default\"}",
        "{\"provider\":\"default\",\"id\":\"X\"}"
    })
    void fromJson_isEmptyForAnythingNotRefShaped(String text) {
        assertThat(SecretRefs.fromJson(json(text))).isEmpty();
    }

    @Test
    void fromJson_isEmptyForNull() {
        assertThat(SecretRefs.fromJson(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${OPENAI_API_KEY}", "$OPENAI_API_KEY", "secretref-env:OPENAI_API_KEY",
        "__env__:OPENAI_API_KEY", "  ${OPENAI_API_KEY}\n"})
    void fromShorthand_readsEnvForms_withDefaultProvider(String text) {
        assertThat(SecretRefs.fromShorthand(text)).contains(new SecretRef(Source.ENV, null, "OPENAI_API_KEY"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk-live-abc", "${openai_key}", "$lower", "prefix ${OPENAI_API_KEY}", "${OPENAI_API_KEY}x",
        "$${OPENAI_API_KEY}", "${1ABC}", "secretref-env:lower", "__env__:", "$", "${}", ""})
    void fromShorthand_isEmptyForLiteralsAndNearMisses(String text) {
        assertThat(SecretRefs.fromShorthand(text)).isEmpty();
    }

    @Test
    void fromShorthand_rejectsNamesLongerThan128Characters() {
        String name = "A".repeat(129);
        assertThat(SecretRefs.fromShorthand("${" + name + "}")).isEmpty();
        assertThat(SecretRefs.fromShorthand("${" + name.substring(1) + "}")).isPresent();
    }

    @Test
    void fromSecretInput_acceptsStringShorthandOrObject() {
        assertThat(SecretRefs.fromSecretInput(json("\"$MY_KEY\""))).contains(SecretRef.env("MY_KEY"));
        assertThat(SecretRefs.fromSecretInput(json("{\"source\":\"env\",\"id\":\"MY_KEY\"}"))).contains(SecretRef.env("MY_KEY"));
        assertThat(SecretRefs.fromSecretInput(json("\"sk-literal\""))).isEmpty();
    }

    @Test
    void validate_acceptsWellFormedRefsOfEverySource() {
        assertThat(SecretRefs.validate(new SecretRef(Source.ENV, "default", "OPENAI_API_KEY"))).isEmpty();
        assertThat(SecretRefs.validate(new SecretRef(Source.FILE, "local", "/providers/openai/api~1key"))).isEmpty();
        assertThat(SecretRefs.validate(new SecretRef(Source.FILE, "local", "value"))).isEmpty();
        assertThat(SecretRefs.validate(new SecretRef(Source.EXEC, "vault", "kv/openai:key#v2.1"))).isEmpty();
        assertThat(SecretRefs.validate(new SecretRef(Source.EXEC, null, "x"))).isEmpty();
    }

    @Test
    void validate_reportsBadEnvId_namingTheRef() {
        assertThat(SecretRefs.validate(new SecretRef(Source.ENV, "default", "openai_key")))
                .singleElement().asString()
                .contains("Env secret reference id must match")
                .contains("env:default:openai_key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "a/../b", "a/./b", "a/..", "/abs", "-dash", "with space"})
    void validate_rejectsExecIdsOutsideThePatternOrWithTraversal(String id) {
        assertThat(SecretRefs.validate(new SecretRef(Source.EXEC, "vault", id)))
                .singleElement().asString().contains("Exec secret reference id must match");
    }

    @Test
    void validate_rejectsExecIdsLongerThan256Characters() {
        assertThat(SecretRefs.validate(new SecretRef(Source.EXEC, "vault", "x".repeat(257)))).hasSize(1);
        assertThat(SecretRefs.validate(new SecretRef(Source.EXEC, "vault", "x".repeat(256)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"providers/openai", "/bad~2escape", "/trailing~", "Value"})
    void validate_rejectsFileIdsThatAreNotValueOrAbsolutePointers(String id) {
        assertThat(SecretRefs.validate(new SecretRef(Source.FILE, "local", id)))
                .singleElement().asString().contains("File secret reference id must be \"value\" or an absolute JSON pointer");
    }

    @Test
    void validate_rejectsBadProviderAliasAndBlankId() {
        assertThat(SecretRefs.validate(new SecretRef(Source.ENV, "Vault", "X")))
                .singleElement().asString().contains("Secret provider alias must match");
        assertThat(SecretRefs.validate(new SecretRef(Source.ENV, "default", " ")))
                .singleElement().asString().contains("Secret reference id is empty");
    }
}
