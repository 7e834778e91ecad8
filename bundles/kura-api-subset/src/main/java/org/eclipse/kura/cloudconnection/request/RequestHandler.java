package org.eclipse.kura.cloudconnection.request;

import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Serves remote requests for an application registered in a {@link RequestHandlerRegistry}: GET reads a resource,
 * PUT creates or updates it, DEL deletes it, POST runs another operation on it and EXEC runs an application
 * operation. The resource path segments are in the request properties under
 * {@link RequestHandlerMessageConstants#ARGS_KEY}.
 *
 * <p>Every method has a default that throws a {@link KuraException} with code
 * {@link KuraErrorCode#OPERATION_NOT_SUPPORTED} and the verb ({@code get}, {@code put}, {@code post},
 * {@code delete}, {@code exec}) as message argument; implement the ones the application serves.
 */
@ConsumerType
public interface RequestHandler {

    /**
     * @param context the request context
     * @param reqMessage the request
     * @return the response
     * @throws KuraException if the request fails; by default, OPERATION_NOT_SUPPORTED
     */
    default KuraMessage doGet(RequestHandlerContext context, KuraMessage reqMessage) throws KuraException {
        throw new KuraException(KuraErrorCode.OPERATION_NOT_SUPPORTED, "get");
    }

    /**
     * @param context the request context
     * @param reqMessage the request
     * @return the response
     * @throws KuraException if the request fails; by default, OPERATION_NOT_SUPPORTED
     */
    default KuraMessage doPut(RequestHandlerContext context, KuraMessage reqMessage) throws KuraException {
        throw new KuraException(KuraErrorCode.OPERATION_NOT_SUPPORTED, "put");
    }

    /**
     * @param context the request context
     * @param reqMessage the request
     * @return the response
     * @throws KuraException if the request fails; by default, OPERATION_NOT_SUPPORTED
     */
    default KuraMessage doPost(RequestHandlerContext context, KuraMessage reqMessage) throws KuraException {
        throw new KuraException(KuraErrorCode.OPERATION_NOT_SUPPORTED, "post");
    }

    /**
     * @param context the request context
     * @param reqMessage the request
     * @return the response
     * @throws KuraException if the request fails; by default, OPERATION_NOT_SUPPORTED
     */
    default KuraMessage doDel(RequestHandlerContext context, KuraMessage reqMessage) throws KuraException {
        throw new KuraException(KuraErrorCode.OPERATION_NOT_SUPPORTED, "delete");
    }

    /**
     * @param context the request context
     * @param reqMessage the request
     * @return the response
     * @throws KuraException if the request fails; by default, OPERATION_NOT_SUPPORTED
     */
    default KuraMessage doExec(RequestHandlerContext context, KuraMessage reqMessage) throws KuraException {
        throw new KuraException(KuraErrorCode.OPERATION_NOT_SUPPORTED, "exec");
    }
}
