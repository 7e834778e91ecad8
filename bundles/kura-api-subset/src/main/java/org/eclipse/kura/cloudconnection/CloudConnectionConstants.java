package org.eclipse.kura.cloudconnection;

/** Property names used by Kura's cloud connection stacks. */
public enum CloudConnectionConstants {
    /** Property naming the pid of the cloud endpoint a publisher or subscriber belongs to. */
    CLOUD_ENDPOINT_SERVICE_PID_PROP_NAME("cloud.endpoint.service.pid"),
    /** Property naming the pid of the factory that created a cloud connection. */
    CLOUD_CONNECTION_FACTORY_PID_PROP_NAME("cloud.connection.factory.pid");

    private final String value;

    CloudConnectionConstants(final String value) {
        this.value = value;
    }

    /**
     * @return the property name
     */
    public String value() {
        return this.value;
    }
}
