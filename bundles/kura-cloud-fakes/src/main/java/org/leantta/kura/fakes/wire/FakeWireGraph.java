package org.leantta.kura.fakes.wire;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.kura.wire.WireComponent;
import org.eclipse.kura.wire.WireEmitter;
import org.eclipse.kura.wire.WireEnvelope;
import org.eclipse.kura.wire.WireHelperService;
import org.eclipse.kura.wire.WireReceiver;
import org.eclipse.kura.wire.WireRecord;
import org.eclipse.kura.wire.WireSupport;
import org.osgi.framework.ServiceReference;

/**
 * Test double of Kura's WireHelperService and of the wire graph behind it: components get a {@link WireSupport}
 * that sends what they emit, in a {@link WireEnvelope} with their {@code kura.service.pid}, to every receiver
 * {@link #connect connected} after them, on the caller's thread (as Kura's wires deliver by default).
 */
public final class FakeWireGraph implements WireHelperService {
    private static final String KURA_SERVICE_PID = "kura.service.pid";

    private final Map<String, List<WireReceiver>> wires = new ConcurrentHashMap<>();
    private final Map<WireComponent, String> pids = new ConcurrentHashMap<>();

    /** Wires {@code receiver} after the component whose kura.service.pid is {@code emitterPid}. */
    public void connect(String emitterPid, WireReceiver receiver) {
        wires.computeIfAbsent(emitterPid, k -> new CopyOnWriteArrayList<>()).add(receiver);
    }

    /** Emits {@code records} as the component {@code emitterPid} would (an upstream Asset, say). */
    public void send(String emitterPid, List<WireRecord> records) {
        WireEnvelope envelope = new WireEnvelope(emitterPid, records);
        wires.getOrDefault(emitterPid, List.of()).forEach(r -> r.onWireReceive(envelope));
    }

    @Override
    public WireSupport newWireSupport(WireComponent wireComponent, ServiceReference<WireComponent> ref) {
        Object pid = ref == null ? null : ref.getProperty(KURA_SERVICE_PID);
        if (pid == null) {
            throw new IllegalArgumentException("the wire component's service reference has no " + KURA_SERVICE_PID
                    + ": Kura creates wire components as factory configurations with one");
        }
        pids.put(wireComponent, pid.toString());
        return new FakeWireSupport(this, pid.toString());
    }

    @Override
    public String getPid(WireComponent wireComponent) {
        return pids.get(wireComponent);
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
        return pids.entrySet().stream().anyMatch(e -> e.getValue().equals(wireComponentPid)
                && e.getKey() instanceof WireEmitter);
    }

    @Override
    public boolean isReceiver(String wireComponentPid) {
        return pids.entrySet().stream().anyMatch(e -> e.getValue().equals(wireComponentPid)
                && e.getKey() instanceof WireReceiver);
    }
}
