package org.eclipse.kura;

import org.osgi.annotation.versioning.ProviderType;

/** A {@link KuraException} with code {@link KuraErrorCode#CONNECTION_FAILED}. */
@ProviderType
public class KuraConnectException extends KuraException {

    private static final long serialVersionUID = 5894832757268538532L;

    /**
     * @param argument the message argument
     */
    public KuraConnectException(Object argument) {
        super(KuraErrorCode.CONNECTION_FAILED, null, argument);
    }

    /**
     * @param cause the cause
     * @param argument the message argument
     */
    public KuraConnectException(Throwable cause, Object argument) {
        super(KuraErrorCode.CONNECTION_FAILED, cause, argument);
    }
}
