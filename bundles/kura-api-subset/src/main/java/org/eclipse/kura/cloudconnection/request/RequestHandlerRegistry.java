package org.eclipse.kura.cloudconnection.request;

import org.eclipse.kura.KuraException;
import org.osgi.annotation.versioning.ProviderType;

/** Where applications register their {@link RequestHandler} under an application id. */
@ProviderType
public interface RequestHandlerRegistry {

    /**
     * @param id the application id (the topic segment requests are addressed to)
     * @param requestHandler the handler
     * @throws KuraException if it cannot be registered
     */
    void registerRequestHandler(String id, RequestHandler requestHandler) throws KuraException;

    /**
     * @param id the application id
     * @throws KuraException if it cannot be unregistered
     */
    void unregister(String id) throws KuraException;
}
