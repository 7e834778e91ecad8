package org.leantta.kura.fakes.wire;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.kura.wire.WireEnvelope;
import org.eclipse.kura.wire.WireReceiver;
import org.eclipse.kura.wire.WireRecord;
import org.osgi.service.wireadmin.Wire;

/** A receiver at the end of a {@link FakeWireGraph} (a Publisher, say) that keeps what reaches it. */
public final class RecordingReceiver implements WireReceiver {
    private final List<WireEnvelope> envelopes = new ArrayList<>();

    @Override
    public synchronized void onWireReceive(WireEnvelope wireEnvelope) {
        envelopes.add(wireEnvelope);
    }

    public synchronized List<WireEnvelope> envelopes() {
        return List.copyOf(envelopes);
    }

    /** Every record received, in order. */
    public synchronized List<WireRecord> records() {
        List<WireRecord> all = new ArrayList<>();
        envelopes.forEach(e -> all.addAll(e.getRecords()));
        return all;
    }

    @Override
    public void updated(Wire wire, Object value) {
        // envelopes arrive through onWireReceive
    }

    @Override
    public void producersConnected(Wire[] wires) {
        // wired by FakeWireGraph.connect
    }
}
