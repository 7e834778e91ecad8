package org.eclipse.kura.type;

import java.util.Objects;

import org.eclipse.kura.annotation.Immutable;
import org.eclipse.kura.annotation.Nullable;
import org.eclipse.kura.annotation.ThreadSafe;
import org.osgi.annotation.versioning.ProviderType;

/** A {@link TypedValue} of type {@link DataType#STRING}; a null value is stored as the empty string. */
@Immutable
@ThreadSafe
@ProviderType
public class StringValue implements TypedValue<String> {

    private final String value;

    /**
     * @param value the value; null becomes the empty string
     */
    public StringValue(@Nullable final String value) {
        this.value = value == null ? "" : value;
    }

    /**
     * @throws NullPointerException if {@code otherTypedValue} or its value is null
     */
    @Override
    public int compareTo(final TypedValue<String> otherTypedValue) {
        Objects.requireNonNull(otherTypedValue, "Typed Value cannot be null");
        return this.value.compareTo(otherTypedValue.getValue());
    }

    @Override
    public DataType getType() {
        return DataType.STRING;
    }

    @Override
    public String getValue() {
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
        return this.value.equals(((StringValue) obj).value);
    }

    @Override
    public int hashCode() {
        return 31 + this.value.hashCode();
    }

    @Override
    public String toString() {
        return "StringValue [value=" + this.value + "]";
    }
}
