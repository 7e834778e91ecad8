package org.eclipse.kura;

/**
 * Error codes carried by {@link KuraException} (stand-in for Kura's enum of the same name).
 *
 * <p>Subset: only the general-purpose codes that Kura's API has had since API bundle 2.2 (Kura 5.0) or earlier are
 * declared here, in Kura's relative order: the {@code CONFIGURATION_*} codes, {@code INTERNAL_ERROR},
 * {@code PARTIAL_SUCCESS}, {@code SECURITY_EXCEPTION}, {@code NOT_CONNECTED}, {@code TIMED_OUT},
 * {@code CONNECTION_FAILED}, {@code STORE_ERROR}, {@code ENCODE_ERROR}, {@code DECODER_ERROR},
 * {@code OPERATION_NOT_SUPPORTED}, {@code INVALID_PARAMETER}, {@code BAD_REQUEST}, {@code NOT_FOUND},
 * {@code SERVICE_UNAVAILABLE} and {@code IO_ERROR}. Left out on purpose: the serial port, GPIO, device, metric,
 * message, BLE, OS command/process, subscription, disconnection, modem and certificate codes, and
 * {@code AUTHENTICATION_FAILED} (API 3.0, Kura 6 only), so that code compiled against this stand-in cannot use a
 * constant that an older Kura lacks. Ordinals therefore differ from Kura's: never persist or compare them.
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
     * @deprecated deprecated in Kura too: prefer a specific code
     */
    @Deprecated
    INTERNAL_ERROR,
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
    /** A store operation failed. */
    STORE_ERROR,
    /** Encoding failed. */
    ENCODE_ERROR,
    /** Decoding failed. */
    DECODER_ERROR,
    /** The operation is not supported. */
    OPERATION_NOT_SUPPORTED,
    /** A parameter is invalid (Kura API 1.0.8+). */
    INVALID_PARAMETER,
    /** Bad request (Kura API 2.0+). */
    BAD_REQUEST,
    /** Not found (Kura API 2.0+). */
    NOT_FOUND,
    /** A service is unavailable (Kura API 2.0+). */
    SERVICE_UNAVAILABLE,
    /** An I/O operation failed (Kura API 2.2+). */
    IO_ERROR
}
