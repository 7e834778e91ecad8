package org.eclipse.kura.message;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A {@link KuraPayload} of a response: a {@link #METRIC_RESPONSE_CODE} metric (an {@code Integer}) and, for a
 * failure, the exception's message and stack trace as metrics.
 */
@ProviderType
public class KuraResponsePayload extends KuraPayload {

    /** Success. */
    public static final int RESPONSE_CODE_OK = 200;
    /** The request was malformed. */
    public static final int RESPONSE_CODE_BAD_REQUEST = 400;
    /** The resource was not found. */
    public static final int RESPONSE_CODE_NOTFOUND = 404;
    /** The request failed. */
    public static final int RESPONSE_CODE_ERROR = 500;

    /** Metric holding the response code. */
    public static final String METRIC_RESPONSE_CODE = "response.code";
    /** Metric holding the message of the exception of a failed request. */
    public static final String METRIC_EXCEPTION_MSG = "response.exception.message";
    /** Metric holding the stack trace of the exception of a failed request. */
    public static final String METRIC_EXCEPTION_STACK = "response.exception.stack";

    /**
     * @param responseCode the response code
     */
    public KuraResponsePayload(int responseCode) {
        super();
        setResponseCode(responseCode);
    }

    /**
     * A {@link #RESPONSE_CODE_ERROR} response describing an exception.
     *
     * @param t the exception, may be null (then no exception metrics)
     */
    public KuraResponsePayload(Throwable t) {
        this(RESPONSE_CODE_ERROR, t);
    }

    /**
     * @param responseCode the response code
     * @param t the exception, may be null (then no exception metrics)
     */
    public KuraResponsePayload(int responseCode, Throwable t) {
        super();
        setResponseCode(responseCode);
        setException(t);
    }

    /**
     * Copies the metrics and body of a payload (not its position or timestamp); the response code is whatever
     * {@link #METRIC_RESPONSE_CODE} metric it has.
     *
     * @param kuraPayload the payload to copy
     */
    public KuraResponsePayload(KuraPayload kuraPayload) {
        kuraPayload.metrics().forEach(this::addMetric);
        setBody(kuraPayload.getBody());
    }

    /**
     * @return the response code
     * @throws NullPointerException when the payload has no response code metric
     */
    public int getResponseCode() {
        return (Integer) getMetric(METRIC_RESPONSE_CODE);
    }

    /**
     * @param responseCode the response code
     */
    public void setResponseCode(int responseCode) {
        addMetric(METRIC_RESPONSE_CODE, Integer.valueOf(responseCode));
    }

    /**
     * @return the exception message metric, or null
     */
    public String getExceptionMessage() {
        return (String) getMetric(METRIC_EXCEPTION_MSG);
    }

    /**
     * @param message the exception message; null leaves the metric unchanged
     */
    public void setExceptionMessage(String message) {
        if (message != null) {
            addMetric(METRIC_EXCEPTION_MSG, message);
        }
    }

    /**
     * @return the exception stack metric, or null
     */
    public String getExceptionStack() {
        return (String) getMetric(METRIC_EXCEPTION_STACK);
    }

    /**
     * @param stack the exception stack trace; null leaves the metric unchanged
     */
    public void setExceptionStack(String stack) {
        if (stack != null) {
            addMetric(METRIC_EXCEPTION_STACK, stack);
        }
    }

    /**
     * Sets both exception metrics from an exception: its message (kept even when null) and its printed stack
     * trace. A null exception changes nothing.
     *
     * @param t the exception, may be null
     */
    public void setException(Throwable t) {
        if (t == null) {
            return;
        }
        addMetric(METRIC_EXCEPTION_MSG, t.getMessage());
        StringWriter trace = new StringWriter();
        try (PrintWriter out = new PrintWriter(trace)) {
            t.printStackTrace(out);
        }
        addMetric(METRIC_EXCEPTION_STACK, trace.toString());
    }
}
