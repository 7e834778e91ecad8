package org.leantta.kura.ai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.ai.inference.InferenceEngineService;
import org.eclipse.kura.ai.inference.ModelInfo;
import org.eclipse.kura.ai.inference.Tensor;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.leantta.api.Prediction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kura's InferenceEngineService on LeanTTA: ONNX classifiers run in process, each sample adapted as by the
 * LeanTTA model component (the same code), so Kura's AI wire component can use it in place of a Triton server.
 * Every model of the configured folder is loaded at start (Kura's AI component asks for loaded models only).
 * A configuration it cannot use never fails the activation: the models that cannot be loaded are logged and left
 * out, and {@link #loadModel} says why.
 */
@Component(name = LeanTtaInferenceEngine.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {InferenceEngineService.class, ConfigurableComponent.class})
@Designate(ocd = LeanTtaInferenceEngineConfig.class)
public final class LeanTtaInferenceEngine implements InferenceEngineService, ConfigurableComponent {
    public static final String PID = "org.leantta.kura.ai.LeanTtaInferenceEngine";
    /** The name of the built-in Fashion-MNIST model, served when no models folder is configured. */
    public static final String BUILT_IN = "fmnist-resnet8-int8";
    private static final String SUFFIX = ".onnx";
    private static final Logger LOG = LoggerFactory.getLogger(LeanTtaInferenceEngine.class);

    private final Map<String, ServedModel> loaded = new ConcurrentHashMap<>();
    private volatile Map<String, Object> knobs = Map.of();
    private volatile String folder = "";
    private volatile boolean active;

    @Activate
    public LeanTtaInferenceEngine(LeanTtaInferenceEngineConfig config) {
        modified(config);
        active = true;
    }

    /**
     * New knobs or folder: every model is loaded again with them (the folder's and those loaded by name from
     * elsewhere), each replacing its old copy only once it is ready, so calls go on meanwhile.
     */
    @Modified
    synchronized void modified(LeanTtaInferenceEngineConfig config) {
        knobs = Map.of("adaptation.mode", config.adaptation_mode(), "tau", config.tau(), "lambda", config.lambda(),
                "adapted.layers", config.adapted_layers(), "threads", config.threads());
        String before = folder;
        folder = config.models_folder().strip();
        Map<String, String> wanted = new TreeMap<>();
        // models loaded by name from elsewhere stay; those of the former folder give way to the new folder's
        loaded.values().stream().filter(m -> !m.path.equals(defaultPath(m.name, before)))
                .forEach(m -> wanted.put(m.name, m.path));
        available().forEach(name -> wanted.put(name, defaultPath(name)));
        new ArrayList<>(loaded.keySet()).stream().filter(name -> !wanted.containsKey(name))
                .forEach(name -> loaded.remove(name).close());
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            try {
                replace(e.getKey(), ServedModel.open(e.getKey(), e.getValue(), knobs));
                LOG.info("model {} loaded", e.getKey());
            } catch (KuraException ex) {
                LOG.error("model {} not loaded: {}", e.getKey(), ex.getMessage());
                ServedModel old = loaded.remove(e.getKey());
                if (old != null) {
                    old.close();
                }
            }
        }
    }

    private void replace(String name, ServedModel next) {
        ServedModel old = loaded.put(name, next);
        if (old != null) {
            old.close();
        }
    }

    @Deactivate
    synchronized void deactivate() {
        active = false;
        unloadAll();
    }

    private void unloadAll() {
        loaded.values().forEach(ServedModel::close);
        loaded.clear();
    }

    @Override
    public List<Tensor> infer(ModelInfo modelInfo, List<Tensor> inputData) throws KuraException {
        ServedModel m = served(modelInfo.getName());
        Tensor input = input(inputData);
        TensorSamples samples = TensorSamples.of(input, m.sampleShape());
        Object stream = modelInfo.getParameters().get(ServedModel.STREAM);
        List<Prediction> answers;
        try {
            answers = m.run(modelInfo.getParameters(), stream == null ? "" : stream.toString(), samples.samples(),
                    samples.encoding());
        } catch (IllegalArgumentException e) {
            throw TensorSamples.invalid("tensor '" + input.getDescriptor().getName() + "': " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new KuraException(KuraErrorCode.INTERNAL_ERROR, e, "model " + m.name + ": " + e.getMessage());
        }
        return TensorAnswers.of(answers);
    }

    private static Tensor input(List<Tensor> inputs) throws KuraException {
        if (inputs == null || inputs.size() != 1 || inputs.get(0) == null) {
            throw TensorSamples.invalid("expected one input tensor ('" + ServedModel.INPUT + "'), got "
                    + (inputs == null ? "none" : inputs.size()));
        }
        return inputs.get(0);
    }

    private ServedModel served(String name) throws KuraException {
        ServedModel m = loaded.get(name);
        if (m == null) {
            throw TensorSamples.invalid("model '" + name + "' is not loaded; loaded: " + new TreeSet<>(loaded.keySet())
                    + " (put " + name + SUFFIX + " in the models folder, or call loadModel)");
        }
        return m;
    }

    /**
     * Loads {@code modelName} from {@code modelPath}, else from the models folder; a model already loaded from
     * there is left as it is (Kura's AI component calls this for loaded models).
     */
    @Override
    public synchronized void loadModel(String modelName, Optional<String> modelPath) throws KuraException {
        String path = modelPath.map(String::strip).orElseGet(() -> defaultPath(modelName));
        ServedModel current = loaded.get(modelName);
        if (current != null && current.path.equals(path)) {
            return;
        }
        replace(modelName, ServedModel.open(modelName, path, knobs));
    }

    private String defaultPath(String name) {
        return defaultPath(name, folder);
    }

    private static String defaultPath(String name, String in) {
        if (in == null || in.isEmpty() && BUILT_IN.equals(name)) {
            return "";
        }
        return in.isEmpty() ? name + SUFFIX : Path.of(in, name + SUFFIX).toString();
    }

    @Override
    public synchronized void unloadModel(String modelName) throws KuraException {
        ServedModel m = loaded.remove(modelName);
        if (m == null) {
            throw TensorSamples.invalid("model '" + modelName + "' is not loaded; loaded: "
                    + new TreeSet<>(loaded.keySet()));
        }
        m.close();
    }

    @Override
    public boolean isModelLoaded(String modelName) {
        return loaded.containsKey(modelName);
    }

    /** The models loaded and those the folder offers. */
    @Override
    public List<String> getModelNames() {
        TreeSet<String> names = new TreeSet<>(loaded.keySet());
        names.addAll(available());
        return new ArrayList<>(names);
    }

    private List<String> available() {
        if (folder.isEmpty()) {
            return List.of(BUILT_IN);
        }
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(SUFFIX))
                    .map(f -> f.substring(0, f.length() - SUFFIX.length())).sorted().toList();
        } catch (IOException e) {
            LOG.error("models folder {} cannot be read ({}): no model is served; set models.folder to a folder of "
                    + "<name>.onnx files", folder, e.toString());
            return List.of();
        }
    }

    @Override
    public Optional<ModelInfo> getModelInfo(String modelName) {
        ServedModel m = loaded.get(modelName);
        return m == null ? Optional.empty() : Optional.of(m.info());
    }

    @Override
    public boolean isEngineReady() {
        return active;
    }
}
