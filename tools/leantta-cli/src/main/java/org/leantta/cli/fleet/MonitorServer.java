package org.leantta.cli.fleet;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.leantta.core.json.Json;

/**
 * The monitor's web page on 127.0.0.1, behind HTTP basic authentication with a password generated per run: the
 * page, the charting library it ships with (uPlot, no CDN), the fleet's state as JSON, and commands to a gateway
 * or a group.
 */
public final class MonitorServer implements AutoCloseable {
    static final String USER = "admin";
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final int MAX_BODY = 4096;
    /** The header the page sends with every command. */
    static final String HEADER = "X-LeanTTA-Monitor";
    private final HttpServer server;
    private final String password;
    private final FleetView view;
    private final FleetCommands commands;
    private final ExecutorService executor = threads();

    public MonitorServer(int port, FleetView view, FleetCommands commands) throws IOException {
        this.view = view;
        this.commands = commands;
        this.password = generatedPassword();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        BasicAuthenticator auth = new BasicAuthenticator("LeanTTA fleet monitor") {
            @Override
            public boolean checkCredentials(String user, String pass) {
                return USER.equals(user) && password.equals(pass);
            }
        };
        context("/", this::page, auth);
        context("/uPlot.js", e -> resource(e, UPLOT + "uPlot.iife.min.js", "text/javascript"), auth);
        context("/uPlot.css", e -> resource(e, UPLOT + "uPlot.min.css", "text/css"), auth);
        context("/api/state", e -> json(e, 200, view.snapshot()), auth);
        context("/api/command", this::command, auth);
        server.setExecutor(executor);
        server.start();
    }

    private static ExecutorService threads() {
        return Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "leantta-monitor-http");
            t.setDaemon(true);
            return t;
        });
    }

    private void context(String path, HttpHandler handler, BasicAuthenticator auth) {
        HttpContext c = server.createContext(path, e -> {
            try (e) {
                handler.handle(e);
            }
        });
        c.setAuthenticator(auth);
    }

    private static String generatedPassword() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public String url() {
        return origin() + "/";
    }

    /** Where the page comes from, as a browser names it in Origin. */
    private String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    private void page(HttpExchange e) throws IOException {
        if (!e.getRequestURI().getPath().equals("/")) {
            send(e, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        resource(e, "/org/leantta/cli/fleet/monitor.html", "text/html; charset=utf-8");
    }

    private static void resource(HttpExchange e, String name, String type) throws IOException {
        try (InputStream in = MonitorServer.class.getResourceAsStream(name)) {
            if (in == null) {
                send(e, 500, "text/plain", ("missing resource " + name).getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(e, 200, type, in.readAllBytes());
        }
    }

    /**
     * POST {"scope":"device"|"group","target":..,"command":..} with the header {@value #HEADER} (which a page of
     * another site cannot send without this server's consent, and which it never gives) and, if the browser says
     * where the request comes from, this page's origin: published with a fresh requestId.
     */
    private void command(HttpExchange e) throws IOException {
        if (!e.getRequestMethod().equals("POST")) {
            json(e, 405, Map.of("message", "POST a JSON object {scope, target, command}"));
            return;
        }
        String origin = e.getRequestHeaders().getFirst("Origin");
        if (!"1".equals(e.getRequestHeaders().getFirst(HEADER))
                || origin != null && !origin.equals(origin())) {
            json(e, 403, Map.of("message", "commands are taken from this monitor's own page only (header "
                    + HEADER + ": 1, same origin)"));
            return;
        }
        byte[] body = e.getRequestBody().readNBytes(MAX_BODY + 1);
        try {
            if (body.length > MAX_BODY) {
                throw new IllegalArgumentException("a command is at most " + MAX_BODY + " bytes");
            }
            Map<String, Object> m = Json.parseObject(new String(body, StandardCharsets.UTF_8));
            String requestId = commands.send(text(m, "scope"), text(m, "target"), text(m, "command"));
            json(e, 200, Map.of("requestId", requestId));
        } catch (IllegalArgumentException ex) {
            json(e, 400, Map.of("message", ex.getMessage()));
        } catch (Exception ex) {
            json(e, 502, Map.of("message", "could not publish the command: " + ex.getMessage()));
        }
    }

    private static String text(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof String s)) {
            throw new IllegalArgumentException("\"" + key + "\" must be a string");
        }
        return s;
    }

    private static void json(HttpExchange e, int status, Map<String, Object> body) throws IOException {
        send(e, status, "application/json", Json.compact(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange e, int status, String type, byte[] bytes) throws IOException {
        e.getResponseHeaders().set("Content-Type", type);
        e.getResponseHeaders().set("Cache-Control", "no-store");
        e.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
