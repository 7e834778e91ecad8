package org.leantta.cli;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Properties;

/** An in-process MQTT broker (Moquette) on a free loopback port, for the demo when no broker is given. */
final class EmbeddedBroker implements AutoCloseable {
    private final Server server = new Server();
    private final int port;

    EmbeddedBroker() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("netty.mqtt.message_size", Integer.toString(1 << 20));
        // small MQTT packets go out at once, as with Mosquitto's set_tcp_nodelay true
        p.setProperty("netty.tcp_nodelay", "true");
        server.startServer(new MemoryConfig(p));
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
