package org.eclipse.kura;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Checked exception of the Kura API, always carrying a {@link KuraErrorCode} and optional message arguments
 * (stand-in with Kura's public constructors and methods).
 *
 * <p>Kura formats the message from a resource bundle held by its core bundle; this stand-in has no such bundle and
 * renders {@code CODE} or {@code CODE: arg1, arg2, ...} instead. Do not depend on the exact message text.
 */
@ProviderType
public class KuraException extends Exception {

    private static final long serialVersionUID = 7468633737373095296L;

    private final KuraErrorCode code;
    private final Object[] arguments;

    /**
     * @param code the error code
     */
    public KuraException(final KuraErrorCode code) {
        this.code = code;
        this.arguments = null;
    }

    /**
     * @param code the error code
     * @param arguments arguments of the code's message
     */
    public KuraException(final KuraErrorCode code, final Object... arguments) {
        this.code = code;
        this.arguments = arguments;
    }

    /**
     * @param code the error code
     * @param cause the cause, may be null
     * @param arguments arguments of the code's message
     */
    public KuraException(final KuraErrorCode code, final Throwable cause, final Object... arguments) {
        super(cause);
        this.code = code;
        this.arguments = arguments;
    }

    /**
     * An {@link KuraErrorCode#INTERNAL_ERROR} exception with a message (discouraged in Kura as well).
     *
     * @param message the message
     * @return the exception
     */
    @SuppressWarnings("deprecation")
    public static KuraException internalError(final String message) {
        return new KuraException(KuraErrorCode.INTERNAL_ERROR, null, message);
    }

    /**
     * An {@link KuraErrorCode#INTERNAL_ERROR} exception with a cause.
     *
     * @param cause the cause
     * @return the exception
     */
    @SuppressWarnings("deprecation")
    public static KuraException internalError(final Throwable cause) {
        return new KuraException(KuraErrorCode.INTERNAL_ERROR, cause, "");
    }

    /**
     * An {@link KuraErrorCode#INTERNAL_ERROR} exception with a cause and a message.
     *
     * @param cause the cause
     * @param message the message
     * @return the exception
     */
    @SuppressWarnings("deprecation")
    public static KuraException internalError(final Throwable cause, final String message) {
        return new KuraException(KuraErrorCode.INTERNAL_ERROR, cause, message);
    }

    /**
     * @return the error code given at construction
     */
    public KuraErrorCode getCode() {
        return this.code;
    }

    @Override
    public String getLocalizedMessage() {
        return getMessage();
    }

    @Override
    public String getMessage() {
        final String name = this.code == null ? "Unknown" : this.code.name();
        if (this.arguments == null || this.arguments.length == 0) {
            return name;
        }
        return name + ": " + Arrays.stream(this.arguments).map(String::valueOf).collect(Collectors.joining(", "));
    }
}
