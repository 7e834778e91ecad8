package org.eclipse.kura.message;

import java.text.ParseException;

import org.osgi.annotation.versioning.ProviderType;

/** A {@link KuraPayload} of a request: it carries the request id and the requester's client id as metrics. */
@ProviderType
public class KuraRequestPayload extends KuraPayload {

    /** Metric holding the request id (the reply goes to {@code REPLY/<request.id>}). */
    public static final String METRIC_REQUEST_ID = "request.id";
    /** Metric holding the client id of the requester. */
    public static final String REQUESTER_CLIENT_ID = "requester.client.id";

    /** An empty request payload. */
    public KuraRequestPayload() {
        super();
    }

    /**
     * Copies the metrics, body, position and timestamp of a payload.
     *
     * @param payload the payload to copy
     */
    public KuraRequestPayload(KuraPayload payload) {
        super();
        payload.metrics().forEach(this::addMetric);
        setBody(payload.getBody());
        setPosition(payload.getPosition());
        setTimestamp(payload.getTimestamp());
    }

    /**
     * @return the request id metric, or null
     */
    public String getRequestId() {
        return (String) getMetric(METRIC_REQUEST_ID);
    }

    /**
     * @param requestId the request id
     */
    public void setRequestId(String requestId) {
        addMetric(METRIC_REQUEST_ID, requestId);
    }

    /**
     * @return the requester client id metric, or null
     */
    public String getRequesterClientId() {
        return (String) getMetric(REQUESTER_CLIENT_ID);
    }

    /**
     * @param requesterClientId the requester client id
     */
    public void setRequesterClientId(String requesterClientId) {
        addMetric(REQUESTER_CLIENT_ID, requesterClientId);
    }

    /**
     * @param payload a payload
     * @return a request payload copied from it
     * @throws ParseException (at offset 0) when it has no {@link #METRIC_REQUEST_ID} metric
     */
    public static KuraRequestPayload buildFromKuraPayload(KuraPayload payload) throws ParseException {
        if (payload.getMetric(METRIC_REQUEST_ID) == null) {
            throw new ParseException("Not a valid request payload", 0);
        }
        return new KuraRequestPayload(payload);
    }
}
