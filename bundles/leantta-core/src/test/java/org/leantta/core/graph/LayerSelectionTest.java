package org.leantta.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayerSelectionTest {
    private final List<String> names = List.of("a", "b", "c", "d", "e");

    @Test
    void selectsByKeywordCountIndexAndName() {
        assertThat(LayerSelection.parse("all").select(names)).containsExactly(0, 1, 2, 3, 4);
        assertThat(LayerSelection.parse("none").select(names)).isEmpty();
        assertThat(LayerSelection.parse("first:2").select(names)).containsExactly(0, 1);
        assertThat(LayerSelection.parse("last:2").select(names)).containsExactly(3, 4);
        assertThat(LayerSelection.parse("first:9").select(names)).hasSize(5);
        assertThat(LayerSelection.parse("0, d").select(names)).containsExactly(0, 3);
    }

    @Test
    void badSelectionsSayWhatIsExpected() {
        assertThatThrownBy(() -> LayerSelection.parse("")).hasMessageContaining("first:K");
        assertThatThrownBy(() -> LayerSelection.parse("first:x")).hasMessageContaining("expected a number >= 0");
        assertThatThrownBy(() -> LayerSelection.parse("7").select(names)).hasMessageContaining("0=a");
    }
}
