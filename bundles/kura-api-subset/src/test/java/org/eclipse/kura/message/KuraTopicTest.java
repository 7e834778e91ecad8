package org.eclipse.kura.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** KuraTopic splits topics as Kura's does. */
@SuppressWarnings("deprecation")
class KuraTopicTest {

    @Test
    void splitsAControlTopic() {
        // when
        KuraTopic topic = new KuraTopic("$EDC/acme/gw-1/LEANTTA-V1/GET/model/info");

        // then
        assertThat(topic.getPrefix()).isEqualTo("$EDC");
        assertThat(topic.getAccountName()).isEqualTo("acme");
        assertThat(topic.getDeviceId()).isEqualTo("gw-1");
        assertThat(topic.getApplicationId()).isEqualTo("LEANTTA-V1");
        assertThat(topic.getApplicationTopic()).isEqualTo("GET/model/info");
        assertThat(topic.getTopicParts()).hasSize(7);
    }

    @Test
    void splitsADataTopicAndShortTopics() {
        // when
        KuraTopic data = new KuraTopic("acme/gw-1/app");
        KuraTopic wildcard = new KuraTopic("#");
        KuraTopic slash = new KuraTopic("/");

        // then
        assertThat(data.getPrefix()).isNull();
        assertThat(data.getApplicationId()).isEqualTo("app");
        assertThat(data.getApplicationTopic()).isNull();
        assertThat(wildcard.getFullTopic()).isEqualTo("#");
        assertThat(wildcard.getTopicParts()).isNull();
        assertThat(slash.getTopicParts()).isEmpty();
        assertThat(slash.getApplicationTopic()).isNull();
    }
}
