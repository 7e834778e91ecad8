package org.leantta.kura.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;

/** Connection failures: named down to their root cause, and retried soon unless the broker refused us. */
class CausesAndBackoffTest {
    @Test
    void aWrappedTlsFailureNamesItsRootCause() {
        SSLHandshakeException tls = new SSLHandshakeException("PKIX path building failed: unable to find valid "
                + "certification path to requested target");
        MqttException e = new MqttException(tls);

        assertThat(Causes.describe(e)).endsWith("SSLHandshakeException PKIX path building failed: unable to find "
                + "valid certification path to requested target").contains("(reason code 0)");
    }

    @Test
    void aRefusalByTheBrokerNamesItsReason() {
        String text = Causes.describe(new MqttException(MqttException.REASON_CODE_NOT_AUTHORIZED));

        assertThat(text).contains("(reason code 5)").doesNotContain("MqttException");
    }

    @Test
    void aCauseThatRepeatsItsWrappersMessageIsNotRepeated() {
        ConnectException refused = new ConnectException("Connection refused");
        RuntimeException wrapper = new RuntimeException("Connection refused", refused);

        assertThat(Causes.describe(wrapper)).isEqualTo("RuntimeException Connection refused");
    }

    @Test
    void aBrokerThatIsAwayIsTriedAgainAtLeastEveryTwoSeconds() {
        Backoff b = new Backoff();

        assertThat(new long[] {b.next(false), b.next(false), b.next(false), b.next(false)})
                .containsExactly(500, 1000, 2000, 2000);
        b.reset();
        assertThat(b.next(false)).isEqualTo(500);
    }

    @Test
    void aBrokerThatRefusesUsIsTriedLessAndLessOftenUpToAMinute() {
        Backoff b = new Backoff();
        long last = 0;
        for (int i = 0; i < 12; i++) {
            last = b.next(true);
        }

        assertThat(last).isEqualTo(60_000);
        assertThat(b.next(false)).as("then away: back to 2 s").isEqualTo(2000);
    }

    @Test
    void refusalsAreCredentialsAuthorizationAndTlsNotAnAbsentBroker() {
        assertThat(Backoff.refusedByBroker(new MqttException(MqttException.REASON_CODE_FAILED_AUTHENTICATION)))
                .isTrue();
        assertThat(Backoff.refusedByBroker(new MqttException(MqttException.REASON_CODE_NOT_AUTHORIZED))).isTrue();
        assertThat(Backoff.refusedByBroker(new MqttException(new SSLHandshakeException("untrusted")))).isTrue();
        assertThat(Backoff.refusedByBroker(new MqttException(MqttException.REASON_CODE_SERVER_CONNECT_ERROR,
                new ConnectException("Connection refused")))).isFalse();
        assertThat(Backoff.refusedByBroker(new MqttException(MqttException.REASON_CODE_CLIENT_TIMEOUT))).isFalse();
    }
}
