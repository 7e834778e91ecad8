package org.eclipse.kura.cloudconnection.request;

/** Keys of {@link RequestHandlerContext#getContextProperties()} (the constant names are the keys). */
public enum RequestHandlerContextConstants {
    /** The tenant (account) of the cloud connection. */
    TENANT_ID,
    /** The device id of the cloud connection. */
    DEVICE_ID,
    /** The pid of the notification publisher. */
    NOTIFICATION_PUBLISHER_PID;
}
