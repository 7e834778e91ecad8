package org.eclipse.kura.message;

import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The payload of a Kura message: an optional timestamp and position, named metrics and an optional body.
 *
 * <p>Metrics live in a hash map (no order; a null value is kept under its name). {@link #metricNames()} and
 * {@link #metrics()} are read-only views; {@link #metricsIterator()} iterates the live names and its
 * {@code remove()} removes a metric. The body array is kept as given, not copied.
 */
@ProviderType
public class KuraPayload {

    private final Map<String, Object> metrics = new HashMap<>();
    private Date timestamp;
    private KuraPosition position;
    private byte[] body;

    /** An empty payload: no timestamp, position, metrics or body. */
    public KuraPayload() {
        // fields start empty
    }

    /**
     * @return the timestamp, or null
     */
    public Date getTimestamp() {
        return this.timestamp;
    }

    /**
     * @param timestamp the timestamp, may be null
     */
    public void setTimestamp(Date timestamp) {
        this.timestamp = timestamp;
    }

    /**
     * @return the position, or null
     */
    public KuraPosition getPosition() {
        return this.position;
    }

    /**
     * @param position the position, may be null
     */
    public void setPosition(KuraPosition position) {
        this.position = position;
    }

    /**
     * @param name a metric name
     * @return its value, or null when absent
     */
    public Object getMetric(String name) {
        return this.metrics.get(name);
    }

    /**
     * Adds or replaces a metric.
     *
     * @param name the name
     * @param value the value
     */
    public void addMetric(String name, Object value) {
        this.metrics.put(name, value);
    }

    /**
     * @param name the name of the metric to remove
     */
    public void removeMetric(String name) {
        this.metrics.remove(name);
    }

    /** Removes every metric. */
    public void removeAllMetrics() {
        this.metrics.clear();
    }

    /**
     * @return the metric names, a read-only live view
     */
    public Set<String> metricNames() {
        return Collections.unmodifiableSet(this.metrics.keySet());
    }

    /**
     * @return an iterator over the live metric names (its {@code remove()} removes the metric)
     */
    public Iterator<String> metricsIterator() {
        return this.metrics.keySet().iterator();
    }

    /**
     * @return the metrics, a read-only live view
     */
    public Map<String, Object> metrics() {
        return Collections.unmodifiableMap(this.metrics);
    }

    /**
     * @return the body (not a copy), or null
     */
    public byte[] getBody() {
        return this.body;
    }

    /**
     * @param body the body, kept as given; may be null
     */
    public void setBody(byte[] body) {
        this.body = body;
    }
}
