package org.eclipse.kura.type;

import java.util.Objects;

import org.eclipse.kura.annotation.Immutable;
import org.eclipse.kura.annotation.ThreadSafe;
import org.osgi.annotation.versioning.ProviderType;

/** A {@link TypedValue} of type {@link DataType#FLOAT}. */
@Immutable
@ThreadSafe
@ProviderType
public class FloatValue implements TypedValue<Float> {

    private final float value;

    /**
     * @param value the value
     */
    public FloatValue(final float value) {
        this.value = value;
    }

    /**
     * @throws NullPointerException if {@code otherTypedValue} is null
     */
    @Override
    public int compareTo(final TypedValue<Float> otherTypedValue) {
        Objects.requireNonNull(otherTypedValue, "Typed Value cannot be null");
        return Float.compare(this.value, otherTypedValue.getValue());
    }

    @Override
    public DataType getType() {
        return DataType.FLOAT;
    }

    @Override
    public Float getValue() {
        return this.value;
    }

    /** Equal to any {@code FloatValue} (subclasses included) with the same bits, as in Kura. */
    @Override
    public boolean equals(final Object obj) {
        if (this == obj) {
            return true;
        }
        return obj instanceof FloatValue
                && Float.floatToIntBits(this.value) == Float.floatToIntBits(((FloatValue) obj).value);
    }

    @Override
    public int hashCode() {
        return 31 + Float.hashCode(this.value);
    }

    @Override
    public String toString() {
        return "FloatValue [value=" + this.value + "]";
    }
}
