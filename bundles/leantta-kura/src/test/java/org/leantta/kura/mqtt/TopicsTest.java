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

    @Test
    void aTopicOfMqttsMaximumLengthIsPublishableAndOneByteMoreIsNot() {
        String head = "plant/leantta/gw-1/predictions/";

        assertThat(Topics.problem(head + "x".repeat(65_535 - head.length()))).isNull();
        assertThat(Topics.problem(head + "x".repeat(65_536 - head.length())))
                .isEqualTo("would be 65536 bytes of UTF-8, over MQTT's limit of 65535");
        // counted in bytes: 'é' takes two
        assertThat(Topics.problem(head + "é".repeat(32_760))).startsWith("would be 65551 bytes");
    }

    @Test
    void wildcardsEmptyLevelsAndCharactersTheClientCannotEncodeAreNamed() {
        assertThat(Topics.problem("a/b+/c")).isEqualTo("would contain a wildcard (+ or #)");
        assertThat(Topics.problem("a/#")).isEqualTo("would contain a wildcard (+ or #)");
        assertThat(Topics.problem("a/predictions/")).isEqualTo("would have an empty level");
        assertThat(Topics.problem("a//b")).isEqualTo("would have an empty level");
        assertThat(Topics.problem("a/b\u0000c")).isEqualTo("would contain U+0000, which the MQTT client cannot encode");
        assertThat(Topics.problem("a/b\uD83D\uDE00")).startsWith("would contain U+D83D");
        assertThat(Topics.problem("a/b\uFF01")).startsWith("would contain U+FF01");
        assertThat(Topics.problem("plant/leantta/gw-1/predictions/späť-é 名前 $x")).isNull();
    }

    @Test
    void groupCommandsAreReadOnlyForTheDevicesGroups() {
        Topics member = new Topics("plant/leantta", "gw-1", java.util.List.of("line-a", "north"));

        assertThat(member.controlFilters()).containsExactly("plant/leantta/gw-1/commands/+",
                "plant/leantta/fleet/line-a/commands/+", "plant/leantta/fleet/north/commands/+");
        assertThat(member.groupCommandOf("plant/leantta/fleet/north/commands/reset")).isEqualTo("reset");
        assertThat(member.groupOf("plant/leantta/fleet/north/commands/reset")).isEqualTo("north");
        assertThat(member.groupCommandOf("plant/leantta/fleet/south/commands/reset")).as("not a member").isNull();
        assertThat(member.groupCommandOf("plant/leantta/fleet/north/commands/reset/x")).isNull();
        assertThat(member.groupCommandOf("plant/leantta/gw-1/commands/reset")).isNull();
        assertThat(topics.controlFilters()).containsExactly("plant/leantta/gw-1/commands/+");
        assertThat(member.events()).isEqualTo("plant/leantta/gw-1/events");
    }
}
