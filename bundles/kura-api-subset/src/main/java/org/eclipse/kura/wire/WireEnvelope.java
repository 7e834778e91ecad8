package org.eclipse.kura.wire;

import java.util.Collections;
import java.util.List;

import org.eclipse.kura.annotation.Immutable;
import org.eclipse.kura.annotation.ThreadSafe;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.service.wireadmin.BasicEnvelope;

/**
 * What flows on a wire: the emitter's pid and its {@link WireRecord}s. A Wire Admin envelope whose identification
 * is the emitter pid, whose value is the record list and whose scope is {@code WIRES}.
 *
 * <p>As in Kura, {@link #getRecords()} is a read-only view of the list given at construction, not a copy: do not
 * change that list afterwards.
 */
@Immutable
@ThreadSafe
@ProviderType
public class WireEnvelope extends BasicEnvelope {

    private static final String SCOPE = "WIRES";

    /**
     * @param emitterPid the emitter's pid
     * @param wireRecords the records (not null)
     */
    public WireEnvelope(final String emitterPid, final List<WireRecord> wireRecords) {
        super(Collections.unmodifiableList(wireRecords), emitterPid, SCOPE);
    }

    /**
     * @return the emitter's pid
     */
    public String getEmitterPid() {
        return (String) getIdentification();
    }

    /**
     * @return the records, read-only
     */
    @SuppressWarnings("unchecked")
    public List<WireRecord> getRecords() {
        return (List<WireRecord>) getValue();
    }
}
