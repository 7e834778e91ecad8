package org.leantta.kura.mqtt;

import java.nio.file.NoSuchFileException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * A failed connection attempt in words an operator can act on: what the client said, every cause under it (Paho
 * hides a TLS failure behind a bare "MqttException"), and what to check.
 */
final class ConnectFailure {
    private ConnectFailure() {
    }

    static String describe(Throwable e) {
        String what = causes(e);
        if (e instanceof MqttException m && (m.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED
                || m.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION)) {
            return what + ": the broker refused the credentials; check username and password";
        }
        if (has(e, SSLHandshakeException.class) && (has(e, CertPathBuilderException.class)
                || has(e, CertPathValidatorException.class) || has(e, CertificateException.class))) {
            return what + ": the broker's TLS certificate is not trusted; put the CA that signed it in "
                    + "tls.truststore.path (or check the broker's host name against its certificate)";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file: " + e.getMessage() + " (check tls.truststore.path)";
        }
        return what;
    }

    /** The messages of e and its causes, each said once. */
    private static String causes(Throwable e) {
        List<String> parts = new ArrayList<>();
        String all = "";
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (!isBare(t) && !all.contains(m)) {
                parts.add(m);
                all += m;
            }
        }
        return parts.isEmpty() ? e.toString() : String.join(": ", parts);
    }

    /** Paho's "MqttException" that only wraps its cause. */
    private static boolean isBare(Throwable t) {
        return t instanceof MqttException m && m.getReasonCode() == MqttException.REASON_CODE_CLIENT_EXCEPTION
                && t.getCause() != null;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
