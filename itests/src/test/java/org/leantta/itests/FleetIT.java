package org.leantta.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;

/**
 * A gateway of a fleet, through Mosquitto: group commands (answered on the device's replies topic with its
 * device id, a redelivered one not applied twice), the retained online state and the events of the gateway.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FleetIT extends GatewayItBase {
    private static final String DEVICE = "fleet-it-gw";
    private static final String BASE = "leantta/" + DEVICE + "/";
    private static final long WAIT_MS = 20_000;

    @Before
    public void givenAGatewayInTwoGroups() throws Exception {
        Components.configureIfAbsent(configurationAdmin, GatewayIT.MODEL, new Hashtable<>(Map.of("tau", 0.85f)));
        Components.configureIfAbsent(configurationAdmin, GatewayIT.BRIDGE, new Hashtable<>(Map.of("broker.url",
                Mosquitto.shared().url(), "device.id", DEVICE, "groups", "north, line-2")));
        Components.awaitActive(scr, GatewayIT.MODEL);
        Components.awaitActive(scr, GatewayIT.BRIDGE);
    }

    @Test
    public void aGroupResetIsAppliedOnceAnsweredWithTheDeviceAndReportedAsAnEvent() throws Exception {
        try (MqttProbe probe = new MqttProbe(Mosquitto.shared().url(), "fleet-it-probe", BASE + "replies/+",
                BASE + "events")) {
            MqttProbe.Received online = probe.await(r -> "online".equals(r.body().get("event")), WAIT_MS);
            assertEquals(List.of("north", "line-2"), online.body().get("groups"));

            probe.publish("leantta/fleet/south/commands/reset", "{\"requestId\":\"g-south\"}");
            probe.publish("leantta/fleet/north/commands/reset", "{\"requestId\":\"g-1\"}");
            probe.publish("leantta/fleet/north/commands/reset", "{\"requestId\":\"g-1\"}");

            List<MqttProbe.Received> replies = probe.collect("/replies/", 2, WAIT_MS);
            assertEquals(2, replies.size());
            for (MqttProbe.Received r : replies) {
                assertEquals(BASE + "replies/g-1", r.topic());
                assertEquals(DEVICE, r.body().get("device"));
                assertEquals("north", r.body().get("group"));
                assertEquals(200.0, r.body().get("status"));
            }
            assertEquals(true, replies.get(1).body().get("duplicate"));
            // status goes after the resets on the same connection: once answered, every reset event is out
            probe.publish(BASE + "commands/status", "{\"requestId\":\"after\"}");
            probe.await(r -> r.topic().endsWith("/replies/after"), WAIT_MS);
            List<MqttProbe.Received> events = probe.collect("/events", 100, 1_000);
            assertEquals("one reset, the group command's first delivery", 1,
                    events.stream().filter(e -> "reset".equals(e.body().get("event"))).count());
            assertTrue("nothing answered the group the gateway is not in",
                    probe.collect("g-south", 1, 500).isEmpty());

            leaveGroupNorth(probe);
        }
    }

    /**
     * The gateway leaves north: its persistent session would keep the subscription, so the bridge removes it on
     * connecting; a command to north then reaches it no more (neither answered nor reported).
     */
    private void leaveGroupNorth(MqttProbe probe) throws Exception {
        try (MqttProbe errors = new MqttProbe(Mosquitto.shared().url(), "fleet-it-errors", BASE + "errors")) {
            Configuration c = configurationAdmin.getConfiguration(GatewayIT.BRIDGE, "?");
            Dictionary<String, Object> props = c.getProperties();
            props.put("groups", "line-2");
            c.update(props);
            probe.await(r -> "online".equals(r.body().get("event"))
                    && List.of("line-2").equals(r.body().get("groups")), WAIT_MS);
            probe.publish(BASE + "commands/status", "{\"requestId\":\"reconnected\"}");
            probe.await(r -> r.topic().endsWith("/replies/reconnected"), WAIT_MS);

            probe.publish("leantta/fleet/north/commands/reset", "{\"requestId\":\"g-after\"}");
            probe.publish(BASE + "commands/status", "{\"requestId\":\"after-leaving\"}");
            probe.await(r -> r.topic().endsWith("/replies/after-leaving"), WAIT_MS);

            assertTrue("north's command not answered", probe.collect("/replies/g-after", 1, 500).isEmpty());
            assertTrue("nor reported", errors.collect("/errors", 1, 500).isEmpty());
        }
    }

    @Test
    public void aConfigurationChangeIsAnEventThatSaysWhatChanged() throws Exception {
        try (MqttProbe probe = new MqttProbe(Mosquitto.shared().url(), "fleet-it-events", BASE + "events")) {
            probe.await(r -> "online".equals(r.body().get("event")), WAIT_MS);
            Configuration c = configurationAdmin.getConfiguration(GatewayIT.MODEL, "?");
            Dictionary<String, Object> props = c.getProperties();
            props.put("tau", 0.7f);
            c.update(props);

            MqttProbe.Received event = probe.await(r -> "configuration".equals(r.body().get("event")), WAIT_MS);
            assertEquals(GatewayIT.MODEL, event.body().get("source"));
            assertEquals(DEVICE, event.body().get("device"));
            assertTrue(event.body().toString(), ((String) event.body().get("detail")).contains("tau: 0.85 -> 0.7"));
        }
    }
}
