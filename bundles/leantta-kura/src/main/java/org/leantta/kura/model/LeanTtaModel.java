package org.leantta.kura.model;

import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.configuration.ConfigurationService;
import org.leantta.api.AdaptationControl;
import org.leantta.api.AdaptationEvent;
import org.leantta.api.AdaptationListener;
import org.leantta.api.Encoding;
import org.leantta.api.ModelInfo;
import org.leantta.api.Prediction;
import org.leantta.api.Predictor;
import org.leantta.onnx.Adaptation;
import org.leantta.onnx.HybridAdapter;
import org.leantta.onnx.Knobs;
import org.leantta.onnx.Output;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LeanTTA model service: one ONNX classifier, compiled so that every inference adapts the BatchNorm
 * statistics to its sample. A factory component: each configuration (Kura: each instance added under
 * Services, with its own pid) serves its own model with its own knobs, and the fronts choose theirs with a
 * {@code Predictor.target} filter; a configuration with the component's own pid (the form before models could
 * run side by side) still starts one instance. Hyper-parameters apply live; model, rule, layers and threads
 * rebuild the sessions while predictions continue on the old ones. A configuration it cannot use never fails the
 * activation (Kura lists only active components): the component starts without a model, answers every sample
 * with the reason, reports it in {@code status}, and serves once a usable configuration arrives.
 */
@Component(name = LeanTtaModel.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {Predictor.class, AdaptationControl.class, ConfigurableComponent.class})
@Designate(ocd = LeanTtaModelConfig.class, factory = true)
public final class LeanTtaModel implements Predictor, AdaptationControl, ConfigurableComponent {
    public static final String PID = "org.leantta.kura.model.LeanTtaModel";
    private static final Logger LOG = LoggerFactory.getLogger(LeanTtaModel.class);

    /** Everything one prediction needs; replaced whole, never changed. */
    private record State(ModelSettings settings, Engine engine, Knobs knobs) {
    }

    /** Hybrid mode keeps one state per stream; the least recently used goes beyond this many streams. */
    static final int MAX_STREAMS = 256;

    private final ConfigurationAdmin configurationAdmin;
    /** This instance's ConfigurationAdmin pid, and its name in Kura (kura.service.pid). */
    private final String servicePid;
    private final String kuraPid;
    /** Kura's ConfigurationService: changes made by commands go through it so that they land in a snapshot. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ConfigurationService configurationService;
    /** Who reports the gateway's events (the MQTT bridge's events topic). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    volatile List<AdaptationListener> listeners = List.of();
    /** Named by the instance's kura.service.pid: several models may report to the same events topic. */
    private final Events events;
    private final Streams streams = new Streams(MAX_STREAMS);
    /** Readers predict; the writer swaps the state and closes what the old one held once no reader uses it. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile State state;
    private ModelSettings previous;
    private volatile String lastRejected;
    private volatile boolean closed;

    /** An instance outside SCR (tests, the inference engine): its pid is the component's name. */
    public LeanTtaModel(ConfigurationAdmin configurationAdmin, LeanTtaModelConfig config) {
        this(configurationAdmin, config, Map.of());
    }

    @Activate
    public LeanTtaModel(@Reference ConfigurationAdmin configurationAdmin, LeanTtaModelConfig config,
            Map<String, Object> properties) {
        this.configurationAdmin = configurationAdmin;
        this.servicePid = String.valueOf(properties.getOrDefault("service.pid", PID));
        this.kuraPid = String.valueOf(properties.getOrDefault(ConfigurationService.KURA_SERVICE_PID, servicePid));
        this.events = new Events(kuraPid, () -> listeners);
        configure(config);
    }

    @Modified
    public void modified(LeanTtaModelConfig config) {
        configure(config);
    }

    /**
     * Applies a configuration, or records and logs why it cannot be used; never throws. A deactivated model stays
     * closed: nothing is loaded again.
     */
    private synchronized void configure(LeanTtaModelConfig config) {
        if (closed) {
            LOG.warn("configuration of a deactivated model ignored");
            return;
        }
        try {
            Change change = apply(ModelSettings.from(config));
            lastRejected = null;
            Engine e = state.engine;
            LOG.info("LeanTTA model {} ready: {} adapted layers", e.info.id(), e.info.layers().size());
            change.report(events, AdaptationEvent.CONFIGURATION);
        } catch (Exception e) {
            lastRejected = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.error("configuration refused ({}); {}", lastRejected, state == null
                    ? "no model is loaded until a usable configuration arrives" : "the previous one stays in force");
            events.emit(AdaptationEvent.REFUSED, null, "configuration refused: " + lastRejected
                    + (state == null ? "; no model is loaded" : "; the previous one stays in force"));
        }
    }

    /**
     * What an applied configuration changed: nothing, the settings (described), or the model itself (another
     * model file: described by its id and SHA-256 too).
     */
    private record Change(boolean changed, boolean modelLoaded, String detail) {
        static final Change NONE = new Change(false, false, "no change");

        /** Emits the change as an event of {@code kind}, or as model-loaded when the engine was rebuilt. */
        void report(Events events, String kind) {
            if (changed) {
                events.emit(modelLoaded ? AdaptationEvent.MODEL_LOADED : kind, null, detail);
            }
        }
    }

    /** Makes {@code next} the current settings, keeping the current ones for rollback; says what changed. */
    private synchronized Change apply(ModelSettings next) throws Exception {
        State old = state;
        if (old != null && old.settings.equals(next)) {
            return Change.NONE;
        }
        Engine engine = old == null || old.settings.needsRebuild(next) ? Engine.open(next) : old.engine;
        Knobs knobs;
        try {
            knobs = knobs(engine, next);
        } catch (Exception e) {
            if (old == null || engine != old.engine) {
                engine.close();
            }
            throw e;
        }
        swap(new State(next, engine, knobs), old == null || old.settings.restartsStreams(next));
        if (old != null) {
            previous = old.settings;
        }
        String changes = PropertyChanges.describe(old == null ? Map.of() : old.settings.toProperties(),
                next.toProperties());
        boolean loaded = old == null || !old.engine.info.sha256().equals(engine.info.sha256());
        return new Change(true, loaded, loaded ? "model " + engine.info.id() + " (sha256 " + engine.info.sha256()
                + ") loaded; " + changes : changes);
    }

    private void swap(State next, boolean restartStreams) {
        State old;
        lock.writeLock().lock();
        try {
            old = state;
            state = next;
            if (restartStreams) {
                streams.clear("configuration changed");
            }
            if (old != null) {
                old.knobs.close();
                if (old.engine != next.engine) {
                    old.engine.close();
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static Knobs knobs(Engine engine, ModelSettings s) throws Exception {
        // adaptation off = every layer masked: the source statistics exactly, the shift score still measured
        Adaptation a = Adaptation.of(s.tau(), s.lambda());
        return engine.adapted.knobs(s.enabled() ? a : a.withMask(new float[engine.info.layers().size()]));
    }

    @Deactivate
    public synchronized void deactivate() {
        lock.writeLock().lock();
        try {
            closed = true;
            if (state != null) {
                state.knobs.close();
                state.engine.close();
                state = null;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public ModelInfo model() {
        return current().engine.info;
    }

    @Override
    public Prediction predict(String stream, float[] values, Encoding encoding) {
        lock.readLock().lock();
        try {
            State s = current();
            float[] x = Samples.prepare(values, encoding, s.engine.info.inputSize(), s.settings);
            long start = System.nanoTime();
            Answer adapted = adapted(s, stream, x);
            FiniteScores.require(adapted.out, adapted.shift, "the model");
            Output src = null;
            if (s.engine.source != null) {
                src = s.engine.runSource(x);
                FiniteScores.require(src, 0f, "the unadapted model (report.source)");
            }
            long micros = (System.nanoTime() - start) / 1000;
            return prediction(s, adapted, src, micros);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("ONNX Runtime: " + e.getMessage(), e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The served output of one sample and its shift score. */
    private record Answer(Output out, float shift) {
    }

    private Answer adapted(State s, String stream, float[] x) throws Exception {
        if (s.settings.hybridMode() && s.settings.enabled()) {
            HybridAdapter.Step step = streams.of(stream, s.engine.adapted, s.settings.hybrid())
                    .predict(x, s.knobs, false);
            report(stream, step);
            return new Answer(step.output(), step.sourceShift());
        }
        Output out = s.engine.adapted.run(x, 1, s.knobs);
        return new Answer(out, out.shift(0, null));
    }

    /** A re-anchoring or a change of trust in the stream's estimate, as an event. */
    private void report(String stream, HybridAdapter.Step step) {
        if (step.reanchored()) {
            events.emit(AdaptationEvent.REANCHOR, stream, "new environment estimate: " + step.anchorCause());
        }
        if (step.trustChanged()) {
            events.emit(step.trusted() ? AdaptationEvent.TRUST : AdaptationEvent.DISTRUST, stream, step.trusted()
                    ? "the estimate is trusted again: predictions use it"
                    : "the estimate makes predictions less confident than stateless LeanTTA: predictions fall "
                            + "back to stateless LeanTTA while it keeps learning");
        }
    }

    private static Prediction prediction(State s, Answer a, Output src, long micros) {
        int k = a.out.argmax(0);
        float threshold = s.settings.shiftThreshold();
        return new Prediction(k, s.engine.info.labels().get(k), a.out.confidence(0), a.shift, s.settings.enabled(),
                threshold > 0 && a.shift > threshold, micros, src == null ? -1 : src.argmax(0),
                src == null ? Float.NaN : src.confidence(0));
    }

    private State current() {
        State s = state;
        if (s == null) {
            throw new IllegalStateException(closed ? "the LeanTTA model is deactivated"
                    : "no model loaded: " + lastRejected);
        }
        return s;
    }

    @Override
    public void reset() {
        current();
        // stateless adaptation keeps nothing between samples; the hybrid's estimates start again at the source
        streams.clear("reset");
        events.emit(AdaptationEvent.RESET, null, "source statistics restored, adaptation state cleared");
    }

    @Override
    public synchronized void setEnabled(boolean enabled) {
        ModelSettings next = current().settings.withEnabled(enabled);
        try {
            Change change = apply(next);
            persist(next);
            change.report(events, enabled ? AdaptationEvent.ENABLED : AdaptationEvent.DISABLED);
        } catch (Exception e) {
            throw new IllegalStateException("could not switch adaptation: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean rollback() {
        if (previous == null) {
            return false;
        }
        ModelSettings target = previous;
        try {
            Change change = apply(target);
            persist(target);
            change.report(events, AdaptationEvent.ROLLBACK);
        } catch (Exception e) {
            throw new IllegalStateException("rollback failed: " + e.getMessage(), e);
        }
        return true;
    }

    /**
     * Records settings so that the web console and a restart see them: through Kura's ConfigurationService when
     * it is there (the change lands in a snapshot), else straight into ConfigurationAdmin.
     */
    private void persist(ModelSettings s) throws Exception {
        Configuration c = configurationAdmin.getConfiguration(servicePid, "?");
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        s.toProperties().forEach(props::put);
        ConfigurationService kura = configurationService;
        if (kura != null) {
            Map<String, Object> all = new HashMap<>();
            for (String key : Collections.list(props.keys())) {
                all.put(key, props.get(key));
            }
            kura.updateConfiguration(kuraPid, all);
        } else {
            c.update(props);
        }
    }

    @Override
    public Map<String, Object> status() {
        State s = state;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", kuraPid);
        if (s == null) {
            m.put("ready", false);
            m.put("reason", closed ? "deactivated" : "no model loaded: " + lastRejected);
            m.put("lastRejectedConfiguration", lastRejected);
            return m;
        }
        m.put("ready", true);
        m.put("configuration", s.settings.toProperties());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", s.engine.info.id());
        model.put("sha256", s.engine.info.sha256());
        model.put("inputShape", java.util.Arrays.stream(s.engine.info.inputShape()).boxed().toList());
        model.put("labels", s.engine.info.labels());
        model.put("adaptedLayers", s.engine.info.layers());
        m.put("model", model);
        Map<String, Object> adaptation = new LinkedHashMap<>();
        adaptation.put("enabled", s.settings.enabled());
        adaptation.put("mode", s.settings.mode());
        adaptation.putAll(streams.describe());
        adaptation.put("rollbackAvailable", previous != null);
        m.put("adaptation", adaptation);
        if (lastRejected != null) {
            m.put("lastRejectedConfiguration", lastRejected);
        }
        return m;
    }
}
