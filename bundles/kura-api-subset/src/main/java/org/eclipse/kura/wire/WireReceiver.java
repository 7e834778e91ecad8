package org.eclipse.kura.wire;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.service.wireadmin.Consumer;

/**
 * A wire component that receives {@link WireEnvelope}s from the components wired before it. Implementations
 * usually delegate the {@link Consumer} methods to a {@link WireSupport}, which calls
 * {@link #onWireReceive(WireEnvelope)}.
 */
@ConsumerType
public interface WireReceiver extends WireComponent, Consumer {

    /**
     * @param wireEnvelope the envelope received
     */
    void onWireReceive(WireEnvelope wireEnvelope);
}
