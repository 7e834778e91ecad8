package org.eclipse.kura.ai.inference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Builds a {@link ModelInfo}. {@link #build()} requires a non-empty name and at least one input and one output
 * descriptor.
 *
 * <p>As in Kura, the built model info views this builder's collections: do not change the builder after building
 * if the model info must stay as built.
 */
@ProviderType
public class ModelInfoBuilder {

    private final String name;
    private final Map<String, Object> parameters = new HashMap<>();
    private final List<TensorDescriptor> inputDescriptors = new ArrayList<>();
    private final List<TensorDescriptor> outputDescriptors = new ArrayList<>();
    private Optional<String> platform = Optional.empty();
    private Optional<String> version = Optional.empty();

    ModelInfoBuilder(String name) {
        this.name = name;
    }

    /**
     * @param modelInfo a model info
     * @return a builder holding its name, platform, version, parameters and descriptors
     */
    public static ModelInfoBuilder fromModelInfo(ModelInfo modelInfo) {
        ModelInfoBuilder builder = new ModelInfoBuilder(modelInfo.getName());
        builder.parameters.putAll(modelInfo.getParameters());
        builder.inputDescriptors.addAll(modelInfo.getInputs());
        builder.outputDescriptors.addAll(modelInfo.getOutputs());
        builder.platform = modelInfo.getPlatform();
        builder.version = modelInfo.getVersion();
        return builder;
    }

    /**
     * @param platform the platform; null or empty leaves it unchanged
     * @return this builder
     */
    public ModelInfoBuilder platform(String platform) {
        if (platform != null && !platform.isEmpty()) {
            this.platform = Optional.of(platform);
        }
        return this;
    }

    /**
     * @param version the version; null or empty leaves it unchanged
     * @return this builder
     */
    public ModelInfoBuilder version(String version) {
        if (version != null && !version.isEmpty()) {
            this.version = Optional.of(version);
        }
        return this;
    }

    /**
     * @param name the parameter's name
     * @param parameter its value
     * @return this builder
     */
    public ModelInfoBuilder addParameter(String name, Object parameter) {
        this.parameters.put(name, parameter);
        return this;
    }

    /**
     * @param name the name of the parameter to remove
     * @return this builder
     */
    public ModelInfoBuilder removeParameter(String name) {
        this.parameters.remove(name);
        return this;
    }

    /**
     * @param inputDescriptor an input descriptor to append
     * @return this builder
     */
    public ModelInfoBuilder addInputDescriptor(TensorDescriptor inputDescriptor) {
        this.inputDescriptors.add(inputDescriptor);
        return this;
    }

    /**
     * @param inputDescriptors input descriptors to append
     * @return this builder
     */
    public ModelInfoBuilder addAllInputDescriptor(List<TensorDescriptor> inputDescriptors) {
        this.inputDescriptors.addAll(inputDescriptors);
        return this;
    }

    /**
     * @param inputDescriptor an input descriptor to remove (its first occurrence)
     * @return this builder
     */
    public ModelInfoBuilder removeInputDescriptor(TensorDescriptor inputDescriptor) {
        this.inputDescriptors.remove(inputDescriptor);
        return this;
    }

    /**
     * @param outputDescriptor an output descriptor to append
     * @return this builder
     */
    public ModelInfoBuilder addOutputDescriptor(TensorDescriptor outputDescriptor) {
        this.outputDescriptors.add(outputDescriptor);
        return this;
    }

    /**
     * @param outputDescriptors output descriptors to append
     * @return this builder
     */
    public ModelInfoBuilder addAllOutputDescriptor(List<TensorDescriptor> outputDescriptors) {
        this.outputDescriptors.addAll(outputDescriptors);
        return this;
    }

    /**
     * @param outputDescriptor an output descriptor to remove (its first occurrence)
     * @return this builder
     */
    public ModelInfoBuilder removeOutputDescriptor(TensorDescriptor outputDescriptor) {
        this.outputDescriptors.remove(outputDescriptor);
        return this;
    }

    /**
     * @return the model info
     * @throws IllegalArgumentException if the name is null or empty, or there is no input or no output descriptor
     */
    public ModelInfo build() {
        if (this.name == null || this.name.isEmpty()) {
            throw new IllegalArgumentException("The name of the model cannot be empty or null");
        }
        if (this.inputDescriptors.isEmpty()) {
            throw new IllegalArgumentException("The input descriptors list cannot be empty");
        }
        if (this.outputDescriptors.isEmpty()) {
            throw new IllegalArgumentException("The output descriptors list cannot be empty");
        }
        return new ModelInfo(this.name, this.platform, this.version, this.parameters, this.inputDescriptors,
                this.outputDescriptors);
    }
}
