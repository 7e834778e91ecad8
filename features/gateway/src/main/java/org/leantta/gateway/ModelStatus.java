package org.leantta.gateway;

import java.util.Map;

/** The LeanTTA model's own account of itself: {@code AdaptationControl.status()} of the org.leantta.api service. */
record ModelStatus(boolean ready, String reason, String refusedConfiguration) {
    static final String API = "org.leantta.api.AdaptationControl";

    /** Null when no such service is registered. */
    static ModelStatus read(org.osgi.framework.BundleContext ctx) {
        return Reflect.withService(ctx, API, (service, api) -> from((Map<?, ?>) Reflect.call(service, api, "status")));
    }

    static ModelStatus from(Map<?, ?> status) {
        Object reason = status.get("reason");
        Object refused = status.get("lastRejectedConfiguration");
        return new ModelStatus(Boolean.TRUE.equals(status.get("ready")), reason == null ? null : reason.toString(),
                refused == null ? null : refused.toString());
    }
}
