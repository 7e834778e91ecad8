package org.eclipse.kura.type;

import java.util.Arrays;
import java.util.Objects;

import org.eclipse.kura.annotation.Immutable;
import org.eclipse.kura.annotation.ThreadSafe;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A {@link TypedValue} of type {@link DataType#BYTE_ARRAY}. As in Kura the array is kept as given, not copied, and
 * {@link #getValue()} returns it; equality and hash are by content.
 */
@Immutable
@ThreadSafe
@ProviderType
public class ByteArrayValue implements TypedValue<byte[]> {

    private final byte[] value;

    /**
     * @param value the value
     * @throws NullPointerException if {@code value} is null
     */
    public ByteArrayValue(final byte[] value) {
        this.value = Objects.requireNonNull(value, "Provided Typed Value cannot be null");
    }

    /**
     * Compares the bytes as unsigned values, then the lengths (lexicographic order).
     *
     * @throws NullPointerException if {@code otherTypedValue} is null
     */
    @Override
    public int compareTo(final TypedValue<byte[]> otherTypedValue) {
        Objects.requireNonNull(otherTypedValue, "Typed Value cannot be null");
        final byte[] other = otherTypedValue.getValue();
        final int common = Math.min(this.value.length, other.length);
        for (int i = 0; i < common; i++) {
            final int difference = Byte.toUnsignedInt(this.value[i]) - Byte.toUnsignedInt(other[i]);
            if (difference != 0) {
                return difference;
            }
        }
        return this.value.length - other.length;
    }

    @Override
    public DataType getType() {
        return DataType.BYTE_ARRAY;
    }

    @Override
    public byte[] getValue() {
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
        return Arrays.equals(this.value, ((ByteArrayValue) obj).value);
    }

    @Override
    public int hashCode() {
        return 31 + Arrays.hashCode(this.value);
    }

    @Override
    public String toString() {
        return "ByteArrayValue [value=" + Arrays.toString(this.value) + "]";
    }
}
