package org.leantta.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** Waits for Jetty and the web console, from outside the framework. */
final class HttpReadiness {

    private HttpReadiness() {
    }

    /** The port Jetty really bound, from the HTTP runtime's {@code osgi.http.endpoint} (port 0 means "any"). */
    static int awaitPort(BundleContext ctx, Duration timeout) throws Exception {
        ServiceTracker<Object, Object> t = new ServiceTracker<>(ctx, ctx.createFilter("(osgi.http.endpoint=*)"), null);
        t.open(true);
        try {
            if (t.waitForService(timeout.toMillis()) == null) {
                throw new TimeoutException("no HTTP runtime after " + timeout);
            }
            Object endpoints = t.getServiceReference().getProperty("osgi.http.endpoint");
            String first = endpoints instanceof String[] a ? a[0] : String.valueOf(endpoints);
            return URI.create(first).getPort();
        } finally {
            t.close();
        }
    }

    /** Until the console's servlet is registered Jetty answers 404; then the console asks for credentials. */
    static void awaitWebConsole(String consoleUrl, Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(consoleUrl + "/")).timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        int status = -1;
        while (System.nanoTime() < deadline) {
            try {
                status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 401 || status == 200 || status == 302) {
                    return;
                }
            } catch (IOException notYet) {
                status = -1;
            }
            Thread.sleep(100);
        }
        throw new TimeoutException("web console not answering at " + consoleUrl + " (last status " + status + ")");
    }
}
