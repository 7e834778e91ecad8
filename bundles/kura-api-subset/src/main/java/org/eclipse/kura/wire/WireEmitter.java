package org.eclipse.kura.wire;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.service.wireadmin.Producer;

/**
 * A wire component that emits {@link WireEnvelope}s to the components wired after it. Implementations usually
 * delegate the {@link Producer} methods to a {@link WireSupport}.
 */
@ConsumerType
public interface WireEmitter extends WireComponent, Producer {
}
