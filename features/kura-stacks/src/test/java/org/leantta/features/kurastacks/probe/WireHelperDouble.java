package org.leantta.features.kurastacks.probe;

import java.util.List;
import org.eclipse.kura.wire.WireComponent;
import org.eclipse.kura.wire.WireHelperService;
import org.eclipse.kura.wire.WireRecord;
import org.eclipse.kura.wire.WireSupport;
import org.osgi.framework.ServiceReference;
import org.osgi.service.wireadmin.Wire;

/**
 * Test double of Kura's WireHelperService, so that a wire component can activate on a stack without Kura's wire
 * graph: its WireSupport drops what is emitted (nothing is wired on the stack).
 */
final class WireHelperDouble implements WireHelperService {

    @Override
    public String getPid(WireComponent wireComponent) {
        return null;
    }

    @Override
    public String getServicePid(String wireComponentPid) {
        return null;
    }

    @Override
    public String getServicePid(WireComponent wireComponent) {
        return null;
    }

    @Override
    public boolean isEmitter(String wireComponentPid) {
        return false;
    }

    @Override
    public boolean isReceiver(String wireComponentPid) {
        return false;
    }

    @Override
    public WireSupport newWireSupport(WireComponent wireComponent, ServiceReference<WireComponent> ref) {
        return new WireSupport() {
            @Override
            public void emit(List<WireRecord> wireRecords) {
                // nothing is wired on the stack
            }

            @Override
            public Object polled(Wire wire) {
                return null;
            }

            @Override
            public void consumersConnected(Wire[] wires) {
                // no wires on the stack
            }

            @Override
            public void updated(Wire wire, Object value) {
                // no wires on the stack
            }

            @Override
            public void producersConnected(Wire[] wires) {
                // no wires on the stack
            }
        };
    }
}
