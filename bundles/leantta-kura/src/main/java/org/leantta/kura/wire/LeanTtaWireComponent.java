package org.leantta.kura.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.configuration.ConfigurationService;
import org.eclipse.kura.wire.WireComponent;
import org.eclipse.kura.wire.WireEmitter;
import org.eclipse.kura.wire.WireEnvelope;
import org.eclipse.kura.wire.WireHelperService;
import org.eclipse.kura.wire.WireReceiver;
import org.eclipse.kura.wire.WireRecord;
import org.eclipse.kura.wire.WireSupport;
import org.leantta.api.FrontStatus;
import org.leantta.api.Prediction;
import org.leantta.api.Predictor;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.wireadmin.Consumer;
import org.osgi.service.wireadmin.Producer;
import org.osgi.service.wireadmin.Wire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LeanTTA in Kura Wire Composer: every record received is classified by the model chosen with
 * {@code Predictor.target}, and answered by one emitted record (in the same order, one envelope per envelope
 * received): the prediction, or an {@code error} record saying why the record could not be classified. Nothing is
 * thrown at the wire graph. The hybrid adaptation keeps one state per emitter (the envelope's emitter pid).
 * A factory component, as Kura's own wire components: DS name = factory pid, hidden from the Services list.
 */
@Component(name = LeanTtaWireComponent.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, property = {"service.pid=" + LeanTtaWireComponent.FACTORY_PID,
                "kura.ui.service.hide:Boolean=true"},
        service = {WireEmitter.class, WireReceiver.class, WireComponent.class, Producer.class, Consumer.class,
                ConfigurableComponent.class, FrontStatus.class})
@Designate(ocd = LeanTtaWireComponentConfig.class, factory = true)
public final class LeanTtaWireComponent implements WireEmitter, WireReceiver, ConfigurableComponent, FrontStatus {
    public static final String FACTORY_PID = "org.leantta.kura.wire.LeanTtaWireComponent";
    private static final Logger LOG = LoggerFactory.getLogger(LeanTtaWireComponent.class);

    private final Predictor predictor;
    private final WireSupport wireSupport;
    private final String pid;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong predicted = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile RecordReader reader;
    /** Why the configuration cannot be used, else null: then every record is answered with this error. */
    private volatile String refused;
    private volatile String lastError;

    @Activate
    @SuppressWarnings("unchecked")
    public LeanTtaWireComponent(@Reference WireHelperService wireHelper,
            @Reference(name = "Predictor") Predictor predictor, LeanTtaWireComponentConfig config,
            ComponentContext context, Map<String, Object> properties) {
        this.predictor = predictor;
        this.pid = String.valueOf(properties.getOrDefault(ConfigurationService.KURA_SERVICE_PID, FACTORY_PID));
        this.wireSupport = wireHelper.newWireSupport(this,
                (ServiceReference<WireComponent>) context.getServiceReference());
        modified(config);
    }

    @Modified
    void modified(LeanTtaWireComponentConfig config) {
        try {
            reader = RecordReader.of(config.input_properties(), config.input_encoding());
            refused = null;
        } catch (IllegalArgumentException e) {
            refused = "configuration refused: " + e.getMessage();
            LOG.error("{}: {}; every record is answered with an error record until it is fixed", pid, refused);
        }
    }

    @Override
    public void onWireReceive(WireEnvelope envelope) {
        if (envelope == null || envelope.getRecords() == null) {
            return;
        }
        List<WireRecord> out = new ArrayList<>();
        for (WireRecord r : envelope.getRecords()) {
            out.add(answer(envelope.getEmitterPid(), r));
        }
        wireSupport.emit(out);
    }

    /** The prediction of one record, or the error record saying why there is none. */
    private WireRecord answer(String emitter, WireRecord record) {
        received.incrementAndGet();
        try {
            if (refused != null) {
                throw new IllegalStateException(refused);
            }
            RecordReader.Input in = reader.read(record, predictor.model().inputSize());
            Prediction p = predictor.predict(emitter == null ? "" : emitter, in.values(), in.encoding());
            WireRecord answer = Records.prediction(p, predictor.model().labels(), in.timestamp(), record);
            predicted.incrementAndGet();
            return answer;
        } catch (RuntimeException e) {
            errors.incrementAndGet();
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            lastError = reason;
            LOG.debug("{}: record from {} not classified: {}", pid, emitter, reason);
            return Records.error(reason, record);
        }
    }

    @Override
    public Object polled(Wire wire) {
        return wireSupport.polled(wire);
    }

    @Override
    public void consumersConnected(Wire[] wires) {
        wireSupport.consumersConnected(wires);
    }

    @Override
    public void updated(Wire wire, Object value) {
        wireSupport.updated(wire, value);
    }

    @Override
    public void producersConnected(Wire[] wires) {
        wireSupport.producersConnected(wires);
    }

    /** received = predicted + errors once a call to onWireReceive has returned. */
    @Override
    public Map<String, Object> status() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("pid", pid);
        wire.put("received", received.get());
        wire.put("predicted", predicted.get());
        wire.put("errors", errors.get());
        if (refused != null) {
            wire.put("refusedConfiguration", refused);
        }
        if (lastError != null) {
            wire.put("lastError", lastError);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wire", wire);
        return m;
    }
}
