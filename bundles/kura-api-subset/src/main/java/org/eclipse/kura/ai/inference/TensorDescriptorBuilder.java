package org.eclipse.kura.ai.inference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Builds a {@link TensorDescriptor}. {@link #build()} requires a non-empty name, type and shape.
 *
 * <p>As in Kura, the built descriptor views this builder's parameter map and the shape list given: do not change
 * the builder after building if the descriptor must stay as built.
 */
@ProviderType
public class TensorDescriptorBuilder {

    private final String name;
    private final String type;
    private final List<Long> shape;
    private final Map<String, Object> parameters = new HashMap<>();
    private Optional<String> format = Optional.empty();

    TensorDescriptorBuilder(String name, String type, List<Long> shape) {
        this.name = name;
        this.type = type;
        this.shape = shape;
    }

    /**
     * @param descriptor a descriptor
     * @return a builder holding its name, type, shape, format and parameters
     */
    public static TensorDescriptorBuilder fromTensorDescriptor(TensorDescriptor descriptor) {
        TensorDescriptorBuilder builder = new TensorDescriptorBuilder(descriptor.getName(), descriptor.getType(),
                descriptor.getShape());
        builder.parameters.putAll(descriptor.getParameters());
        builder.format = descriptor.getFormat();
        return builder;
    }

    /**
     * @param format the format; null or empty leaves the format unchanged
     * @return this builder
     */
    public TensorDescriptorBuilder format(String format) {
        if (format != null && !format.isEmpty()) {
            this.format = Optional.of(format);
        }
        return this;
    }

    /**
     * @param name the parameter's name
     * @param parameter its value
     * @return this builder
     */
    public TensorDescriptorBuilder addParameter(String name, Object parameter) {
        this.parameters.put(name, parameter);
        return this;
    }

    /**
     * @param name the name of the parameter to remove
     * @return this builder
     */
    public TensorDescriptorBuilder removeParameter(String name) {
        this.parameters.remove(name);
        return this;
    }

    /**
     * @return the descriptor
     * @throws IllegalArgumentException if the name, type or shape is null or empty
     */
    public TensorDescriptor build() {
        if (isNullOrEmpty(this.name)) {
            throw new IllegalArgumentException("The name of the tensor cannot be empty or null");
        }
        if (isNullOrEmpty(this.type)) {
            throw new IllegalArgumentException("The type of the tensor cannot be empty or null");
        }
        if (this.shape == null || this.shape.isEmpty()) {
            throw new IllegalArgumentException("The shape of the tensor cannot be empty or null");
        }
        return new TensorDescriptor(this.name, this.type, this.format, this.shape, this.parameters);
    }

    private static boolean isNullOrEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
