package org.eclipse.kura;

import org.osgi.annotation.versioning.ProviderType;

/** A {@link KuraException} with code {@link KuraErrorCode#DISCONNECTION_FAILED}. */
@ProviderType
public class KuraDisconnectException extends KuraException {

    private static final long serialVersionUID = 52917095245324570L;

    /**
     * @param argument the message argument
     */
    public KuraDisconnectException(Object argument) {
        super(KuraErrorCode.DISCONNECTION_FAILED, null, argument);
    }

    /**
     * @param cause the cause
     * @param argument the message argument
     */
    public KuraDisconnectException(Throwable cause, Object argument) {
        super(KuraErrorCode.DISCONNECTION_FAILED, cause, argument);
    }
}
