package org.eclipse.kura;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The error codes are Kura 5.4–5.6's, in Kura's order (so ordinals match too). */
class KuraErrorCodeTest {

    @Test
    void declaresKurasCodesInKurasOrder() {
        // when
        String[] names = Arrays.stream(KuraErrorCode.values()).map(Enum::name).toArray(String[]::new);

        // then
        assertThat(names).containsExactly("CONFIGURATION_ERROR", "CONFIGURATION_UPDATE", "CONFIGURATION_ROLLBACK",
                "CONFIGURATION_ATTRIBUTE_UNDEFINED", "CONFIGURATION_ATTRIBUTE_INVALID",
                "CONFIGURATION_REQUIRED_ATTRIBUTE_MISSING", "CONFIGURATION_SNAPSHOT_NOT_FOUND",
                "CONFIGURATION_SNAPSHOT_TAKING", "CONFIGURATION_SNAPSHOT_LISTING", "CONFIGURATION_SNAPSHOT_LOADING",
                "INTERNAL_ERROR", "SERIAL_PORT_INVALID_CONFIGURATION", "SERIAL_PORT_NOT_EXISTING", "PORT_IN_USE",
                "PARTIAL_SUCCESS", "SECURITY_EXCEPTION", "NOT_CONNECTED", "TIMED_OUT", "CONNECTION_FAILED",
                "TOO_MANY_INFLIGHT_MESSAGES", "STORE_ERROR", "ENCODE_ERROR", "DECODER_ERROR",
                "INVALID_METRIC_EXCEPTION", "INVALID_MESSAGE_EXCEPTION", "OPERATION_NOT_SUPPORTED",
                "UNAVAILABLE_DEVICE", "CLOSED_DEVICE", "GPIO_EXCEPTION", "OS_COMMAND_ERROR", "INVALID_PARAMETER",
                "PROCESS_EXECUTION_ERROR", "SUBSCRIPTION_ERROR", "BLE_NOTIFICATION_ERROR", "BLE_CONNECTION_ERROR",
                "BLE_PAIR_ERROR", "BLE_RESOURCE_NOT_FOUND", "BLE_IO_ERROR", "BLE_COMMAND_ERROR",
                "BLE_DISCOVERY_ERROR", "BLE_REMOVE_ERROR", "BAD_REQUEST", "NOT_FOUND", "SERVICE_UNAVAILABLE",
                "DISCONNECTION_FAILED", "IO_ERROR", "UNSUPPORTED_MODEM", "INVALID_CERTIFICATE_EXCEPTION");
    }

    @Test
    void connectionExceptionsCarryTheirCodes() {
        // given
        IllegalStateException cause = new IllegalStateException("down");

        // when
        KuraConnectException connect = new KuraConnectException(cause, "broker");
        KuraDisconnectException disconnect = new KuraDisconnectException("broker");

        // then
        assertThat(connect.getCode()).isEqualTo(KuraErrorCode.CONNECTION_FAILED);
        assertThat(connect).hasCause(cause);
        assertThat(disconnect.getCode()).isEqualTo(KuraErrorCode.DISCONNECTION_FAILED);
        assertThat(disconnect).hasNoCause();
    }
}
