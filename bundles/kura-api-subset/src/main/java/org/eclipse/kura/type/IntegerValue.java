package org.eclipse.kura.type;

import java.util.Objects;

import org.eclipse.kura.annotation.Immutable;
import org.eclipse.kura.annotation.ThreadSafe;
import org.osgi.annotation.versioning.ProviderType;

/** A {@link TypedValue} of type {@link DataType#INTEGER}. */
@Immutable
@ThreadSafe
@ProviderType
public class IntegerValue implements TypedValue<Integer> {

    private final int value;

    /**
     * @param value the value
     */
    public IntegerValue(final int value) {
        this.value = value;
    }

    /**
     * @throws NullPointerException if {@code otherTypedValue} is null
     */
    @Override
    public int compareTo(final TypedValue<Integer> otherTypedValue) {
        Objects.requireNonNull(otherTypedValue, "Typed Value cannot be null");
        return Integer.compare(this.value, otherTypedValue.getValue());
    }

    @Override
    public DataType getType() {
        return DataType.INTEGER;
    }

    @Override
    public Integer getValue() {
        return this.value;
    }

    @Override
    public boolean equals(final Object obj) {
        if (this == obj) {
            return true;
        }
        if (obj == null || getClass() != obj.getClass()) {
            return false;
        }
        return this.value == ((IntegerValue) obj).value;
    }

    @Override
    public int hashCode() {
        return 31 + Integer.hashCode(this.value);
    }

    @Override
    public String toString() {
        return "IntegerValue [value=" + this.value + "]";
    }
}
