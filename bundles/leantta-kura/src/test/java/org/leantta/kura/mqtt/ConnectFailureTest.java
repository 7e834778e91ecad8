package org.leantta.kura.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.nio.file.NoSuchFileException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;

/** A failed connection attempt as the operator reads it, built from what Paho throws (as seen against Mosquitto). */
class ConnectFailureTest {
    @Test
    void refusedCredentialsSayWhatToCheck() {
        assertThat(ConnectFailure.describe(new MqttException(MqttException.REASON_CODE_NOT_AUTHORIZED)))
                .isEqualTo("Not authorized to connect: the broker refused the credentials; check username and "
                        + "password");
        assertThat(ConnectFailure.describe(new MqttException(MqttException.REASON_CODE_FAILED_AUTHENTICATION)))
                .isEqualTo("Bad user name or password: the broker refused the credentials; check username and "
                        + "password");
    }

    @Test
    void anUntrustedCertificateNamesTheCauseThatPahoWraps() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed: "
                + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification "
                + "path to requested target");
        handshake.initCause(new CertPathBuilderException("unable to find valid certification path to requested "
                + "target"));

        String said = ConnectFailure.describe(new MqttException(handshake));

        assertThat(said).isEqualTo("PKIX path building failed: sun.security.provider.certpath."
                + "SunCertPathBuilderException: unable to find valid certification path to requested target: the "
                + "broker's TLS certificate is not trusted; put the CA that signed it in tls.truststore.path (or "
                + "check the broker's host name against its certificate)");
    }

    @Test
    void aHostNameThatIsNotInTheCertificateIsACertificateProblemToo() {
        SSLHandshakeException handshake = new SSLHandshakeException("No subject alternative names present");
        handshake.initCause(new CertificateException("No subject alternative names present"));

        assertThat(ConnectFailure.describe(new MqttException(handshake)))
                .startsWith("No subject alternative names present: the broker's TLS certificate is not trusted");
    }

    @Test
    void anUnreachableBrokerSaysSoWithItsCause() {
        MqttException e = new MqttException(MqttException.REASON_CODE_SERVER_CONNECT_ERROR,
                new ConnectException("Connection refused"));

        assertThat(ConnectFailure.describe(e)).isEqualTo("Unable to connect to server: Connection refused");
    }

    @Test
    void aMissingTrustStoreNamesTheSetting() {
        assertThat(ConnectFailure.describe(new NoSuchFileException("/etc/leantta/ca.p12")))
                .isEqualTo("no such file: /etc/leantta/ca.p12 (check tls.truststore.path)");
    }

    @Test
    void anExceptionWithoutAMessageIsNamedByItsType() {
        assertThat(ConnectFailure.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
