package org.leantta.kura.model;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.leantta.api.AdaptationControl;
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
import org.osgi.service.metatype.annotations.Designate;

/**
 * The LeanTTA model service: one ONNX classifier, compiled so that every inference adapts the BatchNorm
 * statistics to its sample. Hyper-parameters apply live; model, rule, layers and threads rebuild the sessions
 * while predictions continue on the old ones.
 */
@Component(name = LeanTtaModel.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {Predictor.class, AdaptationControl.class, ConfigurableComponent.class})
@Designate(ocd = LeanTtaModelConfig.class)
public final class LeanTtaModel implements Predictor, AdaptationControl, ConfigurableComponent {
    public static final String PID = "org.leantta.kura.model.LeanTtaModel";
    private static final System.Logger LOG = System.getLogger(LeanTtaModel.class.getName());

    /** Everything one prediction needs; replaced whole, never changed. */
    private record State(ModelSettings settings, Engine engine, Knobs knobs) {
    }

    /** Hybrid mode keeps one state per stream; the least recently used goes beyond this many streams. */
    static final int MAX_STREAMS = 256;

    private final ConfigurationAdmin configurationAdmin;
    private final Streams streams = new Streams(MAX_STREAMS);
    /** Readers predict; the writer swaps the state and closes what the old one held once no reader uses it. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile State state;
    private ModelSettings previous;
    private volatile String lastRejected;

    @Activate
    public LeanTtaModel(@Reference ConfigurationAdmin configurationAdmin, LeanTtaModelConfig config) throws Exception {
        this.configurationAdmin = configurationAdmin;
        ModelSettings s = ModelSettings.from(config);
        Engine engine = Engine.open(s);
        try {
            state = new State(s, engine, knobs(engine, s));
        } catch (Exception e) {
            engine.close();
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "LeanTTA model {0} ready: {1} adapted layers", engine.info.id(),
                engine.info.layers().size());
    }

    @Modified
    void modified(LeanTtaModelConfig config) throws Exception {
        ModelSettings next;
        try {
            next = ModelSettings.from(config);
            apply(next);
            lastRejected = null;
        } catch (Exception e) {
            lastRejected = e.getMessage();
            LOG.log(System.Logger.Level.ERROR, "configuration refused, the previous one stays in force: "
                    + e.getMessage());
            throw e;
        }
    }

    /** Makes {@code next} the current settings, keeping the current ones for rollback. */
    private synchronized void apply(ModelSettings next) throws Exception {
        State old = state;
        if (old.settings.equals(next)) {
            return;
        }
        Engine engine = old.settings.needsRebuild(next) ? Engine.open(next) : old.engine;
        Knobs knobs;
        try {
            knobs = knobs(engine, next);
        } catch (Exception e) {
            if (engine != old.engine) {
                engine.close();
            }
            throw e;
        }
        swap(new State(next, engine, knobs), old.settings.restartsStreams(next));
        previous = old.settings;
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
    void deactivate() {
        lock.writeLock().lock();
        try {
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
            Output out;
            float shift;
            if (s.settings.hybridMode() && s.settings.enabled()) {
                HybridAdapter.Step step = streams.of(stream, s.engine.adapted, s.settings.hybrid())
                        .predict(x, s.knobs, true);
                out = step.output();
                shift = step.sourceShift();
            } else {
                out = s.engine.adapted.run(x, 1, s.knobs);
                shift = out.shift(0, null);
            }
            int sourceClass = -1;
            float sourceConfidence = Float.NaN;
            if (s.engine.source != null) {
                Output src = s.engine.runSource(x);
                sourceClass = src.argmax(0);
                sourceConfidence = src.confidence(0);
            }
            long micros = (System.nanoTime() - start) / 1000;
            int k = out.argmax(0);
            float threshold = s.settings.shiftThreshold();
            return new Prediction(k, s.engine.info.labels().get(k), out.confidence(0), shift, s.settings.enabled(),
                    threshold > 0 && shift > threshold, micros, sourceClass, sourceConfidence);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("ONNX Runtime: " + e.getMessage(), e);
        } finally {
            lock.readLock().unlock();
        }
    }

    private State current() {
        State s = state;
        if (s == null) {
            throw new IllegalStateException("the LeanTTA model is deactivated");
        }
        return s;
    }

    @Override
    public void reset() {
        current();
        // stateless adaptation keeps nothing between samples; the hybrid's estimates start again at the source
        streams.clear("reset");
    }

    @Override
    public synchronized void setEnabled(boolean enabled) {
        ModelSettings next = current().settings.withEnabled(enabled);
        try {
            apply(next);
            persist(next);
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
            apply(target);
            persist(target);
        } catch (Exception e) {
            throw new IllegalStateException("rollback failed: " + e.getMessage(), e);
        }
        return true;
    }

    /** Records settings in ConfigurationAdmin, so the web console and a restart see them. */
    private void persist(ModelSettings s) throws IOException {
        Configuration c = configurationAdmin.getConfiguration(PID, "?");
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        s.toProperties().forEach(props::put);
        c.update(props);
    }

    @Override
    public Map<String, Object> status() {
        State s = current();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", PID);
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
