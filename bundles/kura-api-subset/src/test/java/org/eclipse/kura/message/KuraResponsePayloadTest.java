package org.eclipse.kura.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.text.ParseException;
import java.util.Date;

import org.junit.jupiter.api.Test;

/** Response and request payloads: Kura's constants, codes and exception metrics. */
class KuraResponsePayloadTest {

    @Test
    void hasKurasConstants() {
        assertThat(KuraResponsePayload.RESPONSE_CODE_OK).isEqualTo(200);
        assertThat(KuraResponsePayload.RESPONSE_CODE_BAD_REQUEST).isEqualTo(400);
        assertThat(KuraResponsePayload.RESPONSE_CODE_NOTFOUND).isEqualTo(404);
        assertThat(KuraResponsePayload.RESPONSE_CODE_ERROR).isEqualTo(500);
        assertThat(KuraResponsePayload.METRIC_RESPONSE_CODE).isEqualTo("response.code");
        assertThat(KuraResponsePayload.METRIC_EXCEPTION_MSG).isEqualTo("response.exception.message");
        assertThat(KuraResponsePayload.METRIC_EXCEPTION_STACK).isEqualTo("response.exception.stack");
        assertThat(KuraRequestPayload.METRIC_REQUEST_ID).isEqualTo("request.id");
        assertThat(KuraRequestPayload.REQUESTER_CLIENT_ID).isEqualTo("requester.client.id");
    }

    @Test
    void codeIsAnIntegerMetric() {
        // when
        KuraResponsePayload response = new KuraResponsePayload(KuraResponsePayload.RESPONSE_CODE_NOTFOUND);

        // then
        assertThat(response.metrics()).containsOnly(entry("response.code", 404));
        assertThat(response.getResponseCode()).isEqualTo(404);

        // when
        response.setResponseCode(KuraResponsePayload.RESPONSE_CODE_OK);

        // then
        assertThat(response.getMetric("response.code")).isEqualTo(Integer.valueOf(200));
    }

    @Test
    void exceptionGivesAnErrorWithMessageAndStack() {
        // given
        IllegalStateException failure = new IllegalStateException("model not loaded");

        // when
        KuraResponsePayload response = new KuraResponsePayload(failure);

        // then
        assertThat(response.getResponseCode()).isEqualTo(500);
        assertThat(response.getExceptionMessage()).isEqualTo("model not loaded");
        assertThat(response.getExceptionStack())
                .startsWith("java.lang.IllegalStateException: model not loaded")
                .contains("at " + getClass().getName());
    }

    @Test
    void exceptionWithoutMessageKeepsANullMessageMetric() {
        // when
        KuraResponsePayload response = new KuraResponsePayload(400, new IllegalArgumentException());

        // then
        assertThat(response.getResponseCode()).isEqualTo(400);
        assertThat(response.metricNames()).containsExactlyInAnyOrder("response.code", "response.exception.message",
                "response.exception.stack");
        assertThat(response.getExceptionMessage()).isNull();
    }

    @Test
    void nullExceptionAndNullTextsAddNothing() {
        // given
        KuraResponsePayload response = new KuraResponsePayload(200, null);

        // when
        response.setException(null);
        response.setExceptionMessage(null);
        response.setExceptionStack(null);

        // then
        assertThat(response.metricNames()).containsExactly("response.code");
    }

    @Test
    void copyKeepsMetricsAndBodyButNotPositionOrTimestamp() {
        // given
        KuraPayload payload = new KuraPayload();
        payload.addMetric("response.code", 404);
        payload.addMetric("k", "v");
        payload.setBody(new byte[] { 7 });
        payload.setTimestamp(new Date());
        payload.setPosition(new KuraPosition());

        // when
        KuraResponsePayload response = new KuraResponsePayload(payload);

        // then
        assertThat(response.getResponseCode()).isEqualTo(404);
        assertThat(response.metrics()).containsOnly(entry("response.code", 404), entry("k", "v"));
        assertThat(response.getBody()).isSameAs(payload.getBody());
        assertThat(response.getTimestamp()).isNull();
        assertThat(response.getPosition()).isNull();
    }

    @Test
    void copyWithoutCodeHasNone() {
        // given
        KuraResponsePayload response = new KuraResponsePayload(new KuraPayload());

        // then
        assertThatThrownBy(response::getResponseCode).isInstanceOf(NullPointerException.class);
    }

    @Test
    void requestIsBuiltOnlyFromAPayloadWithARequestId() throws ParseException {
        // given
        KuraPayload payload = new KuraPayload();
        payload.addMetric("requester.client.id", "console");
        payload.setTimestamp(new Date(5L));

        // then
        assertThatThrownBy(() -> KuraRequestPayload.buildFromKuraPayload(payload))
                .isInstanceOf(ParseException.class)
                .satisfies(e -> assertThat(((ParseException) e).getErrorOffset()).isZero());

        // when
        payload.addMetric("request.id", "r-1");
        KuraRequestPayload request = KuraRequestPayload.buildFromKuraPayload(payload);

        // then
        assertThat(request.getRequestId()).isEqualTo("r-1");
        assertThat(request.getRequesterClientId()).isEqualTo("console");
        assertThat(request.getTimestamp()).isEqualTo(new Date(5L));
    }

    @Test
    void requestSettersAreMetrics() {
        // given
        KuraRequestPayload request = new KuraRequestPayload();

        // when
        request.setRequestId("r-2");
        request.setRequesterClientId("me");

        // then
        assertThat(request.metrics()).containsOnly(entry("request.id", "r-2"), entry("requester.client.id", "me"));
    }
}
