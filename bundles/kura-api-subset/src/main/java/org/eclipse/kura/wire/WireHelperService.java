package org.eclipse.kura.wire;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.ServiceReference;

/** Kura's helper for wire components: their pids and a {@link WireSupport} for each. */
@ProviderType
public interface WireHelperService {

    /**
     * @param wireComponent a wire component
     * @return its {@code kura.service.pid}, or null when it is not registered
     */
    String getPid(WireComponent wireComponent);

    /**
     * @param wireComponentPid a wire component's {@code kura.service.pid}
     * @return its {@code service.pid}, or null
     */
    String getServicePid(String wireComponentPid);

    /**
     * @param wireComponent a wire component
     * @return its {@code service.pid}, or null
     */
    String getServicePid(WireComponent wireComponent);

    /**
     * @param wireComponentPid a wire component's {@code kura.service.pid}
     * @return whether it is a {@link WireEmitter}
     */
    boolean isEmitter(String wireComponentPid);

    /**
     * @param wireComponentPid a wire component's {@code kura.service.pid}
     * @return whether it is a {@link WireReceiver}
     */
    boolean isReceiver(String wireComponentPid);

    /**
     * @param wireComponent the wire component
     * @param wireComponentRef its service reference
     * @return a new wire support for it
     */
    WireSupport newWireSupport(WireComponent wireComponent, ServiceReference<WireComponent> wireComponentRef);
}
