package org.eclipse.kura.type;

import java.util.Objects;

import org.eclipse.kura.annotation.Immutable;
import org.eclipse.kura.annotation.ThreadSafe;
import org.osgi.annotation.versioning.ProviderType;

/** A {@link TypedValue} of type {@link DataType#BOOLEAN}. */
@Immutable
@ThreadSafe
@ProviderType
public class BooleanValue implements TypedValue<Boolean> {

    private final boolean value;

    /**
     * @param value the value
     */
    public BooleanValue(final boolean value) {
        this.value = value;
    }

    /**
     * @throws NullPointerException if {@code otherTypedValue} is null
     */
    @Override
    public int compareTo(final TypedValue<Boolean> otherTypedValue) {
        Objects.requireNonNull(otherTypedValue, "Typed Value cannot be null");
        return Boolean.compare(this.value, otherTypedValue.getValue());
    }

    @Override
    public DataType getType() {
        return DataType.BOOLEAN;
    }

    @Override
    public Boolean getValue() {
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
        return this.value == ((BooleanValue) obj).value;
    }

    @Override
    public int hashCode() {
        return 31 + Boolean.hashCode(this.value);
    }

    @Override
    public String toString() {
        return "BooleanValue [value=" + this.value + "]";
    }
}
