package org.leantta.kura.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The topic tree of one device, with a multi-level prefix. */
class TopicsTest {
    private final Topics topics = new Topics("plant/leantta", "gw-1");

    @Test
    void topicsFollowTheContract() {
        assertThat(topics.sensorsFilter()).isEqualTo("plant/leantta/gw-1/sensors/+");
        assertThat(topics.commandsFilter()).isEqualTo("plant/leantta/gw-1/commands/+");
        assertThat(topics.sensor("cam1")).isEqualTo("plant/leantta/gw-1/sensors/cam1");
        assertThat(topics.prediction("cam1")).isEqualTo("plant/leantta/gw-1/predictions/cam1");
        assertThat(topics.errors()).isEqualTo("plant/leantta/gw-1/errors");
        assertThat(topics.reply("r-1")).isEqualTo("plant/leantta/gw-1/replies/r-1");
    }

    @Test
    void sensorOfAcceptsExactlyOneLevelBelowSensors() {
        assertThat(topics.sensorOf("plant/leantta/gw-1/sensors/cam1")).isEqualTo("cam1");
        assertThat(topics.sensorOf("plant/leantta/gw-1/sensors/cam1/extra")).isNull();
        assertThat(topics.sensorOf("plant/leantta/gw-1/sensors/")).isNull();
        assertThat(topics.sensorOf("plant/leantta/gw-1/sensors")).isNull();
        assertThat(topics.sensorOf("plant/leantta/gw-2/sensors/cam1")).as("another device").isNull();
        assertThat(topics.sensorOf("leantta/gw-1/sensors/cam1")).as("another prefix").isNull();
        assertThat(topics.sensorOf("plant/leantta/gw-1/commands/status")).isNull();
    }

    @Test
    void commandOfAcceptsExactlyOneLevelBelowCommands() {
        assertThat(topics.commandOf("plant/leantta/gw-1/commands/status")).isEqualTo("status");
        assertThat(topics.commandOf("plant/leantta/gw-1/commands/status/now")).isNull();
        assertThat(topics.commandOf("plant/leantta/gw-1/commands/")).isNull();
        assertThat(topics.commandOf("plant/leantta/gw-10/commands/status")).as("a device with a longer id").isNull();
        assertThat(topics.commandOf("plant/leantta/gw-1/sensors/cam1")).isNull();
    }
}
