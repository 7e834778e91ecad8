package org.eclipse.kura.ai.inference;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Describes a model: name, optional platform and version, free parameters, and input and output tensor
 * descriptors. Made by {@link ModelInfoBuilder}.
 *
 * <p>As in Kura, parameters and descriptor lists are read-only views of the builder's collections, not copies.
 */
@ProviderType
public class ModelInfo {

    private final String name;
    private final Optional<String> platform;
    private final Optional<String> version;
    private final Map<String, Object> parameters;
    private final List<TensorDescriptor> inputDescriptors;
    private final List<TensorDescriptor> outputDescriptors;

    /**
     * @param modelName the name
     * @param platform the platform, or empty
     * @param version the version, or empty
     * @param parameters the parameters
     * @param inputDescriptors the input descriptors
     * @param outputDescriptors the output descriptors
     */
    protected ModelInfo(String modelName, Optional<String> platform, Optional<String> version,
            Map<String, Object> parameters, List<TensorDescriptor> inputDescriptors,
            List<TensorDescriptor> outputDescriptors) {
        this.name = modelName;
        this.platform = platform;
        this.version = version;
        this.parameters = Collections.unmodifiableMap(parameters);
        this.inputDescriptors = Collections.unmodifiableList(inputDescriptors);
        this.outputDescriptors = Collections.unmodifiableList(outputDescriptors);
    }

    /**
     * @param name the model's name
     * @return a builder
     */
    public static ModelInfoBuilder builder(String name) {
        return new ModelInfoBuilder(name);
    }

    /**
     * @return a builder holding this model info's values
     */
    public ModelInfoBuilder toBuilder() {
        return ModelInfoBuilder.fromModelInfo(this);
    }

    /** @return the name */
    public String getName() {
        return this.name;
    }

    /** @return the platform, or empty */
    public Optional<String> getPlatform() {
        return this.platform;
    }

    /** @return the version, or empty */
    public Optional<String> getVersion() {
        return this.version;
    }

    /** @return the parameters, read-only */
    public Map<String, Object> getParameters() {
        return this.parameters;
    }

    /** @return the input descriptors, read-only */
    public List<TensorDescriptor> getInputs() {
        return this.inputDescriptors;
    }

    /** @return the output descriptors, read-only */
    public List<TensorDescriptor> getOutputs() {
        return this.outputDescriptors;
    }
}
