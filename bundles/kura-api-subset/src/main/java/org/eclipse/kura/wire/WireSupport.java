package org.eclipse.kura.wire;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.service.wireadmin.Consumer;
import org.osgi.service.wireadmin.Producer;

/**
 * Kura's implementation of the Wire Admin plumbing for one wire component, made by
 * {@link WireHelperService#newWireSupport(WireComponent, org.osgi.framework.ServiceReference)}.
 */
@ProviderType
public interface WireSupport extends Producer, Consumer {

    /**
     * Sends the records, in a {@link WireEnvelope} from this component, on every outgoing wire.
     *
     * @param wireRecords the records
     */
    void emit(List<WireRecord> wireRecords);
}
