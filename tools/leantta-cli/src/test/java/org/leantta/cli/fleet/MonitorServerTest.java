package org.leantta.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leantta.core.json.Json;

/** The monitor's web server: authentication on every path, commands from its own page only, the fleet's state. */
class MonitorServerTest {
    private final List<String> published = new ArrayList<>();
    private long now = 1_000_000;
    private final FleetView view = new FleetView("leantta", () -> now);
    private final MonitorServer server = start();
    private final HttpClient http = HttpClient.newHttpClient();

    private MonitorServer start() {
        try {
            return new MonitorServer(0, view, new FleetCommands("leantta", "t0k",
                    (topic, payload) -> published.add(topic + " " + new String(payload, StandardCharsets.UTF_8)),
                    view));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyPathNeedsThePassword() throws Exception {
        for (String path : List.of("", "uPlot.js", "api/state", "api/command")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(401);
        }
        assertThat(get("", server.password()).statusCode()).isEqualTo(200);
        assertThat(get("", "wrong").statusCode()).isEqualTo(401);
        assertThat(server.url()).startsWith("http://127.0.0.1:");
    }

    @Test
    void aCommandIsTakenFromTheMonitorsOwnPageOnly() throws Exception {
        String body = "{\"scope\":\"group\",\"target\":\"north\",\"command\":\"reset\"}";

        assertThat(post(body, Map.of()).statusCode()).as("no header: a form of another site").isEqualTo(403);
        assertThat(post(body, Map.of("X-LeanTTA-Monitor", "1", "Origin", "http://evil.example")).statusCode())
                .isEqualTo(403);
        assertThat(published).isEmpty();

        HttpResponse<String> ok = post(body, Map.of("X-LeanTTA-Monitor", "1"));

        assertThat(ok.statusCode()).isEqualTo(200);
        String requestId = (String) Json.parseObject(ok.body()).get("requestId");
        assertThat(published).containsExactly("leantta/fleet/north/commands/reset {\"requestId\":\"" + requestId
                + "\",\"token\":\"t0k\"}");
        assertThat(post("{\"scope\":\"group\",\"target\":\"a/b\",\"command\":\"reset\"}",
                Map.of("X-LeanTTA-Monitor", "1")).statusCode()).isEqualTo(400);
        assertThat(post("{\"scope\":\"group\",\"target\":\"north\",\"command\":\"rollback\"}",
                Map.of("X-LeanTTA-Monitor", "1")).statusCode()).isEqualTo(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStateShowsGatewaysSensorsEventsAndTheRepliesToACommand() throws Exception {
        view.accept("leantta/gw1/events", "{\"event\":\"online\",\"device\":\"gw1\",\"groups\":[\"north\"]}"
                .getBytes(StandardCharsets.UTF_8));
        view.accept("leantta/gw1/predictions/cam", ("{\"sensor\":\"cam\",\"ts\":" + (now - 40) + ",\"class\":1,"
                + "\"shift\":0.5,\"outOfDistribution\":true,\"latencyMicros\":900,\"sourceClass\":2}")
                .getBytes(StandardCharsets.UTF_8));
        view.accept("leantta/gw1/predictions/cam", "not json".getBytes(StandardCharsets.UTF_8));
        String requestId = (String) Json.parseObject(post("{\"scope\":\"group\",\"target\":\"north\",\"command\":"
                + "\"status\"}", Map.of("X-LeanTTA-Monitor", "1")).body()).get("requestId");
        now += 25;
        view.accept("leantta/gw1/replies/" + requestId, "{\"status\":200,\"message\":\"ok\"}"
                .getBytes(StandardCharsets.UTF_8));

        Map<String, Object> state = Json.parseObject(get("api/state", server.password()).body());

        Map<String, Object> gw = ((List<Map<String, Object>>) state.get("gateways")).get(0);
        assertThat(gw).containsEntry("device", "gw1").containsEntry("online", true)
                .containsEntry("groups", List.of("north")).containsEntry("lagMsP50", 40.0);
        assertThat(((List<Map<String, Object>>) gw.get("sensors")).get(0)).containsEntry("predictions", 1.0)
                .containsEntry("oodRate", 1.0).containsEntry("agreement", 0.0).containsEntry("lastShift", 0.5);
        assertThat(state).containsEntry("groups", Map.of("north", List.of("gw1"))).containsEntry("unreadable", 1.0);
        Map<String, Object> request = ((List<Map<String, Object>>) state.get("requests")).get(0);
        assertThat(request).containsEntry("expected", 1.0);
        assertThat((List<Map<String, Object>>) request.get("replies")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("device", "gw1").containsEntry("afterMs", 25.0));
    }

    private HttpResponse<String> get(String path, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Authorization",
                basic(password)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + "api/command"))
                .header("Authorization", basic(server.password())).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString((server.user() + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
