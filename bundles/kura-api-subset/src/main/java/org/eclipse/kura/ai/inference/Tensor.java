package org.eclipse.kura.ai.inference;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A tensor: its descriptor and its data as a flat list of one element type. The list is kept as given, not copied.
 */
@ProviderType
public class Tensor {

    private final Class<?> type;
    private final TensorDescriptor descriptor;
    private final List<?> data;

    /**
     * @param <T> the element type
     * @param type the element class
     * @param descriptor the descriptor
     * @param data the elements, flattened
     */
    public <T> Tensor(Class<T> type, TensorDescriptor descriptor, List<T> data) {
        this.type = type;
        this.descriptor = descriptor;
        this.data = data;
    }

    /**
     * @return the descriptor
     */
    public TensorDescriptor getDescriptor() {
        return this.descriptor;
    }

    /**
     * @param <T> the element type
     * @param type the element class asked for
     * @return the data when {@code type} is exactly the tensor's element class, otherwise empty
     */
    @SuppressWarnings("unchecked")
    public <T> Optional<List<T>> getData(Class<T> type) {
        return this.type == type ? Optional.of((List<T>) this.data) : Optional.empty();
    }

    /**
     * @return the element class
     */
    public Class<?> getType() {
        return this.type;
    }
}
