package org.eclipse.kura.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** KuraPayload's metric map, views and body behave as Kura's. */
class KuraPayloadTest {

    @Test
    void startsEmpty() {
        // when
        KuraPayload payload = new KuraPayload();

        // then
        assertThat(payload.metrics()).isEmpty();
        assertThat(payload.getBody()).isNull();
        assertThat(payload.getTimestamp()).isNull();
        assertThat(payload.getPosition()).isNull();
    }

    @Test
    void addsReplacesAndRemovesMetrics() {
        // given
        KuraPayload payload = new KuraPayload();

        // when
        payload.addMetric("a", 1);
        payload.addMetric("b", "two");
        payload.addMetric("a", 3.0);
        payload.addMetric("none", null);
        payload.removeMetric("b");
        payload.removeMetric("absent");

        // then
        assertThat(payload.metrics()).containsOnly(entry("a", 3.0), entry("none", null));
        assertThat(payload.getMetric("a")).isEqualTo(3.0);
        assertThat(payload.getMetric("b")).isNull();
        assertThat(payload.metricNames()).containsExactlyInAnyOrder("a", "none");

        // when
        payload.removeAllMetrics();

        // then
        assertThat(payload.metrics()).isEmpty();
    }

    @Test
    void metricViewsAreReadOnlyAndLive() {
        // given
        KuraPayload payload = new KuraPayload();
        Map<String, Object> metrics = payload.metrics();
        Set<String> names = payload.metricNames();

        // when
        payload.addMetric("x", 1L);

        // then
        assertThat(metrics).containsOnly(entry("x", 1L));
        assertThat(names).containsOnly("x");
        assertThatThrownBy(() -> metrics.put("y", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> names.remove("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void iteratorRemovesMetrics() {
        // given
        KuraPayload payload = new KuraPayload();
        payload.addMetric("x", 1);

        // when
        Iterator<String> it = payload.metricsIterator();
        it.next();
        it.remove();

        // then
        assertThat(payload.metrics()).isEmpty();
    }

    @Test
    void keepsBodyTimestampAndPositionAsGiven() {
        // given
        KuraPayload payload = new KuraPayload();
        byte[] body = { 1, 2 };
        Date now = new Date(1234L);
        KuraPosition position = new KuraPosition();
        position.setLatitude(46.0);

        // when
        payload.setBody(body);
        payload.setTimestamp(now);
        payload.setPosition(position);

        // then
        assertThat(payload.getBody()).isSameAs(body);
        assertThat(payload.getTimestamp()).isSameAs(now);
        assertThat(payload.getPosition().getLatitude()).isEqualTo(46.0);
        assertThat(payload.getPosition().getLongitude()).isNull();
    }
}
