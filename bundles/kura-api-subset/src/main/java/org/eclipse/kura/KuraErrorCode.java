package org.eclipse.kura;

/**
 * Error codes carried by {@link KuraException} (stand-in for Kura's enum of the same name).
 *
 * <p>All constants of the Kura 5.4–5.6 API (package version 1.7.0), in Kura's order, so names and ordinals match
 * those releases. {@code AUTHENTICATION_FAILED} (Kura 6 only) is not declared.
 */
public enum KuraErrorCode {
    /** Generic configuration error. */
    CONFIGURATION_ERROR,
    /** Updating the configuration of a configurable component failed. */
    CONFIGURATION_UPDATE,
    /** Rolling back to a snapshot failed. */
    CONFIGURATION_ROLLBACK,
    /** A configuration attribute is not defined. */
    CONFIGURATION_ATTRIBUTE_UNDEFINED,
    /** A configuration attribute does not accept the given value. */
    CONFIGURATION_ATTRIBUTE_INVALID,
    /** A required configuration attribute has no value. */
    CONFIGURATION_REQUIRED_ATTRIBUTE_MISSING,
    /** A configuration snapshot was not found. */
    CONFIGURATION_SNAPSHOT_NOT_FOUND,
    /** Taking a snapshot failed. */
    CONFIGURATION_SNAPSHOT_TAKING,
    /** Listing snapshots failed. */
    CONFIGURATION_SNAPSHOT_LISTING,
    /** Loading a snapshot failed. */
    CONFIGURATION_SNAPSHOT_LOADING,
    /**
     * Unspecified internal error.
     *
     * @deprecated deprecated in Kura too: prefer a specific code (as in Kura, by this tag only, without the
     *             annotation)
     */
    INTERNAL_ERROR,
    /** A serial port configuration is invalid. */
    SERIAL_PORT_INVALID_CONFIGURATION,
    /** A serial port does not exist. */
    SERIAL_PORT_NOT_EXISTING,
    /** A port is already in use. */
    PORT_IN_USE,
    /** The operation succeeded only in part. */
    PARTIAL_SUCCESS,
    /** The caller is not authorized for the operation. */
    SECURITY_EXCEPTION,
    /** Not connected. */
    NOT_CONNECTED,
    /** The operation timed out. */
    TIMED_OUT,
    /** A connection attempt failed. */
    CONNECTION_FAILED,
    /** Too many messages are in flight. */
    TOO_MANY_INFLIGHT_MESSAGES,
    /** A store operation failed. */
    STORE_ERROR,
    /** Encoding failed. */
    ENCODE_ERROR,
    /** Decoding failed. */
    DECODER_ERROR,
    /** A metric is invalid. */
    INVALID_METRIC_EXCEPTION,
    /** A message is invalid. */
    INVALID_MESSAGE_EXCEPTION,
    /** The operation is not supported. */
    OPERATION_NOT_SUPPORTED,
    /** A device is unavailable. */
    UNAVAILABLE_DEVICE,
    /** A device is closed. */
    CLOSED_DEVICE,
    /** A GPIO operation failed. */
    GPIO_EXCEPTION,
    /** An operating system command failed. */
    OS_COMMAND_ERROR,
    /** A parameter is invalid. */
    INVALID_PARAMETER,
    /** A process failed to execute. */
    PROCESS_EXECUTION_ERROR,
    /** A subscription failed. */
    SUBSCRIPTION_ERROR,
    /** A Bluetooth LE notification failed. */
    BLE_NOTIFICATION_ERROR,
    /** A Bluetooth LE connection failed. */
    BLE_CONNECTION_ERROR,
    /** Bluetooth LE pairing failed. */
    BLE_PAIR_ERROR,
    /** A Bluetooth LE resource was not found. */
    BLE_RESOURCE_NOT_FOUND,
    /** A Bluetooth LE I/O operation failed. */
    BLE_IO_ERROR,
    /** A Bluetooth LE command failed. */
    BLE_COMMAND_ERROR,
    /** Bluetooth LE discovery failed. */
    BLE_DISCOVERY_ERROR,
    /** Removing a Bluetooth LE device failed. */
    BLE_REMOVE_ERROR,
    /** Bad request. */
    BAD_REQUEST,
    /** Not found. */
    NOT_FOUND,
    /** A service is unavailable. */
    SERVICE_UNAVAILABLE,
    /** Disconnecting failed. */
    DISCONNECTION_FAILED,
    /** An I/O operation failed. */
    IO_ERROR,
    /** A modem is not supported. */
    UNSUPPORTED_MODEM,
    /** A certificate is invalid. */
    INVALID_CERTIFICATE_EXCEPTION
}
