package org.eclipse.kura.type;

import java.util.Objects;

import org.eclipse.kura.annotation.Immutable;
import org.eclipse.kura.annotation.ThreadSafe;
import org.osgi.annotation.versioning.ProviderType;

/** A {@link TypedValue} of type {@link DataType#DOUBLE}. */
@Immutable
@ThreadSafe
@ProviderType
public class DoubleValue implements TypedValue<Double> {

    private final double value;

    /**
     * @param value the value
     */
    public DoubleValue(final double value) {
        this.value = value;
    }

    /**
     * @throws NullPointerException if {@code otherTypedValue} is null
     */
    @Override
    public int compareTo(final TypedValue<Double> otherTypedValue) {
        Objects.requireNonNull(otherTypedValue, "Typed Value cannot be null");
        return Double.compare(this.value, otherTypedValue.getValue());
    }

    @Override
    public DataType getType() {
        return DataType.DOUBLE;
    }

    @Override
    public Double getValue() {
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
        return Double.doubleToLongBits(this.value) == Double.doubleToLongBits(((DoubleValue) obj).value);
    }

    @Override
    public int hashCode() {
        return 31 + Double.hashCode(this.value);
    }

    @Override
    public String toString() {
        return "DoubleValue [value=" + this.value + "]";
    }
}
