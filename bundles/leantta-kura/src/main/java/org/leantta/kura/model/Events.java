package org.leantta.kura.model;

import java.util.List;
import java.util.function.Supplier;
import org.leantta.api.AdaptationEvent;
import org.leantta.api.AdaptationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands the model's events to every registered listener; a listener that throws does not stop the others. */
final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);
    private final String source;
    private final Supplier<List<AdaptationListener>> listeners;

    Events(String source, Supplier<List<AdaptationListener>> listeners) {
        this.source = source;
        this.listeners = listeners;
    }

    void emit(String kind, String stream, String detail) {
        AdaptationEvent e = AdaptationEvent.of(kind, source, stream, detail);
        for (AdaptationListener l : listeners.get()) {
            try {
                l.event(e);
            } catch (RuntimeException ex) {
                LOG.warn("an event listener failed on {}: {}", kind, ex.toString());
            }
        }
    }
}
