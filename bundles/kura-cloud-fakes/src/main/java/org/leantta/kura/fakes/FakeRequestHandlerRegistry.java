package org.leantta.kura.fakes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.kura.cloudconnection.request.RequestHandler;
import org.eclipse.kura.cloudconnection.request.RequestHandlerRegistry;

/** Keeps request handlers by id, as a cloud connection's registry does. */
public final class FakeRequestHandlerRegistry implements RequestHandlerRegistry {
    private final Map<String, RequestHandler> handlers = new ConcurrentHashMap<>();

    @Override
    public void registerRequestHandler(String id, RequestHandler handler) {
        handlers.put(id, handler);
    }

    @Override
    public void unregister(String id) {
        handlers.remove(id);
    }

    /** The handler registered with {@code id}, or null. */
    public RequestHandler handler(String id) {
        return handlers.get(id);
    }

    /** How many handlers are registered. */
    public int size() {
        return handlers.size();
    }
}
