package org.eclipse.kura.type;

import java.util.Objects;

import org.eclipse.kura.annotation.Immutable;
import org.eclipse.kura.annotation.ThreadSafe;
import org.osgi.annotation.versioning.ProviderType;

/** A {@link TypedValue} of type {@link DataType#LONG}. */
@Immutable
@ThreadSafe
@ProviderType
public class LongValue implements TypedValue<Long> {

    private final long value;

    /**
     * @param value the value
     */
    public LongValue(final long value) {
        this.value = value;
    }

    /**
     * @throws NullPointerException if {@code otherTypedValue} is null
     */
    @Override
    public int compareTo(final TypedValue<Long> otherTypedValue) {
        Objects.requireNonNull(otherTypedValue, "Typed Value cannot be null");
        return Long.compare(this.value, otherTypedValue.getValue());
    }

    @Override
    public DataType getType() {
        return DataType.LONG;
    }

    @Override
    public Long getValue() {
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
        return this.value == ((LongValue) obj).value;
    }

    @Override
    public int hashCode() {
        return 31 + Long.hashCode(this.value);
    }

    @Override
    public String toString() {
        return "LongValue [value=" + this.value + "]";
    }
}
