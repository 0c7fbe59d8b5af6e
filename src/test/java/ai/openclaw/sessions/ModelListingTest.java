package ai.openclaw.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.models.ModelRef;
import ai.openclaw.models.ModelSelection;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ModelListingTest {
    /** No allowlist: every catalog model is listed; ids sort as text. */
    private final KnownModels known = new KnownModels(
            ModelSelection.resolve("anthropic/claude-opus-4-6", List.of(), Map.of()),
            IntStream.rangeClosed(1, 45).mapToObj(i -> new ModelRef("vllm", "m%02d".formatted(i))).toList());

    @Test
    void providerPages_holdTwentyModelsByDefault() {
        String page1 = ModelListing.render(new Directive.ListModels("vllm", 1, false, 20), known);

        assertThat(page1.lines().findFirst()).contains("Models (vllm) \u2014 showing 1-20 of 45 (page 1/3)");
        assertThat(page1.lines().filter(l -> l.startsWith("- vllm/"))).hasSize(20).first().isEqualTo("- vllm/m01");
        assertThat(page1).endsWith("More: /models vllm 2\nAll: /models vllm all");
    }

    @Test
    void lastPage_hasTheRest_andNoMoreLine() {
        String page3 = ModelListing.render(new Directive.ListModels("vllm", 3, false, 20), known);

        assertThat(page3.lines().findFirst()).contains("Models (vllm) \u2014 showing 41-45 of 45 (page 3/3)");
        assertThat(page3).contains("- vllm/m45").doesNotContain("- vllm/m40").doesNotContain("More:");
    }

    @Test
    void all_listsEverythingOnOnePage_withoutPagingHints() {
        String all = ModelListing.render(new Directive.ListModels("vllm", 1, true, 20), known);

        assertThat(all.lines().findFirst()).contains("Models (vllm) \u2014 showing 1-45 of 45 (page 1/1)");
        assertThat(all).doesNotContain("More:").doesNotContain("All:");
    }

    @Test
    void overview_countsEveryProvider_includingTheDefault() {
        assertThat(ModelListing.render(new Directive.ListModels(null, 1, false, 20), known))
                .startsWith("Providers:\n- anthropic (1)\n- vllm (45)\n");
    }
}
