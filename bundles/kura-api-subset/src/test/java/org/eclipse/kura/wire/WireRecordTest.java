package org.eclipse.kura.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.kura.type.TypedValue;
import org.eclipse.kura.type.TypedValues;
import org.junit.jupiter.api.Test;

/** WireRecord and WireEnvelope give read-only views of what they were built with, as Kura's do. */
class WireRecordTest {

    @Test
    void recordIsAReadOnlyViewOfItsProperties() {
        // given
        Map<String, TypedValue<?>> properties = new HashMap<>();
        properties.put("class", TypedValues.newStringValue("Bag"));

        // when
        WireRecord record = new WireRecord(properties);

        // then
        assertThat(record.getProperties()).containsEntry("class", TypedValues.newStringValue("Bag"));
        assertThatThrownBy(() -> record.getProperties().remove("class"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new WireRecord(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void envelopeCarriesEmitterPidAndRecordsInTheWiresScope() {
        // given
        List<WireRecord> records = new ArrayList<>(List.of(new WireRecord(Map.of())));

        // when
        WireEnvelope envelope = new WireEnvelope("leantta.model", records);

        // then
        assertThat(envelope.getEmitterPid()).isEqualTo("leantta.model");
        assertThat(envelope.getIdentification()).isEqualTo("leantta.model");
        assertThat(envelope.getScope()).isEqualTo("WIRES");
        assertThat(envelope.getRecords()).hasSize(1).isSameAs(envelope.getValue());
        assertThatThrownBy(() -> envelope.getRecords().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
