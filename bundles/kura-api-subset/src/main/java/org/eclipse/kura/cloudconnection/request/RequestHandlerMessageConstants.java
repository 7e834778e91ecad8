package org.eclipse.kura.cloudconnection.request;

/** Keys of the properties of a request {@link org.eclipse.kura.cloudconnection.message.KuraMessage}. */
public enum RequestHandlerMessageConstants {
    /** The resource path segments after the verb, a {@code List<String>}. */
    ARGS_KEY("args");

    private final String value;

    RequestHandlerMessageConstants(final String value) {
        this.value = value;
    }

    /**
     * @return the property key
     */
    public String value() {
        return this.value;
    }
}
