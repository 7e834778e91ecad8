package org.eclipse.kura.ai.inference;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Describes a tensor: name, element type name (e.g. {@code FP32}, {@code UINT8}), optional format, shape and free
 * parameters.
 *
 * <p>As in Kura, shape and parameters are read-only views of the collections given, not copies.
 */
@ProviderType
public class TensorDescriptor {

    private final String name;
    private final String type;
    private final Optional<String> format;
    private final List<Long> shape;
    private final Map<String, Object> parameters;

    /**
     * @param name the name
     * @param type the element type name
     * @param format the format, or empty
     * @param shape the shape (not null)
     * @param parameters the parameters (not null)
     */
    public TensorDescriptor(String name, String type, Optional<String> format, List<Long> shape,
            Map<String, Object> parameters) {
        this.name = name;
        this.type = type;
        this.format = format;
        this.shape = Collections.unmodifiableList(shape);
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    /**
     * @param name the name
     * @param type the element type name
     * @param shape the shape
     * @return a builder
     */
    public static TensorDescriptorBuilder builder(String name, String type, List<Long> shape) {
        return new TensorDescriptorBuilder(name, type, shape);
    }

    /**
     * @return a builder holding this descriptor's values
     */
    public TensorDescriptorBuilder toBuilder() {
        return TensorDescriptorBuilder.fromTensorDescriptor(this);
    }

    /** @return the name */
    public String getName() {
        return this.name;
    }

    /** @return the element type name */
    public String getType() {
        return this.type;
    }

    /** @return the format, or empty */
    public Optional<String> getFormat() {
        return this.format;
    }

    /** @return the shape, read-only */
    public List<Long> getShape() {
        return this.shape;
    }

    /** @return the parameters, read-only */
    public Map<String, Object> getParameters() {
        return this.parameters;
    }
}
