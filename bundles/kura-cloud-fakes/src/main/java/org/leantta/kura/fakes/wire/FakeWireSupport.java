package org.leantta.kura.fakes.wire;

import java.util.List;
import org.eclipse.kura.wire.WireRecord;
import org.eclipse.kura.wire.WireSupport;
import org.osgi.service.wireadmin.Wire;

/** Test double of Kura's WireSupport: emit sends through the {@link FakeWireGraph}; Wire Admin calls do nothing. */
final class FakeWireSupport implements WireSupport {
    private final FakeWireGraph graph;
    private final String pid;

    FakeWireSupport(FakeWireGraph graph, String pid) {
        this.graph = graph;
        this.pid = pid;
    }

    @Override
    public void emit(List<WireRecord> wireRecords) {
        graph.send(pid, wireRecords);
    }

    @Override
    public Object polled(Wire wire) {
        return null;
    }

    @Override
    public void consumersConnected(Wire[] wires) {
        // the graph is wired with FakeWireGraph.connect, not by Wire Admin
    }

    @Override
    public void updated(Wire wire, Object value) {
        // envelopes arrive through FakeWireGraph.send
    }

    @Override
    public void producersConnected(Wire[] wires) {
        // the graph is wired with FakeWireGraph.connect, not by Wire Admin
    }
}
