package org.eclipse.kura.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** TypedValues' factories and parser behave as Kura's. */
class TypedValuesTest {

    @Test
    void parsesEveryType() {
        assertThat(TypedValues.parseTypedValue(DataType.BOOLEAN, "TRUE")).isEqualTo(new BooleanValue(true));
        assertThat(TypedValues.parseTypedValue(DataType.BYTE_ARRAY, "AQL/"))
                .isEqualTo(new ByteArrayValue(new byte[] { 1, 2, -1 }));
        assertThat(TypedValues.parseTypedValue(DataType.DOUBLE, "2.5")).isEqualTo(new DoubleValue(2.5));
        assertThat(TypedValues.parseTypedValue(DataType.FLOAT, "-1.5")).isEqualTo(new FloatValue(-1.5f));
        assertThat(TypedValues.parseTypedValue(DataType.INTEGER, "42")).isEqualTo(new IntegerValue(42));
        assertThat(TypedValues.parseTypedValue(DataType.LONG, "9000000000")).isEqualTo(new LongValue(9_000_000_000L));
        assertThat(TypedValues.parseTypedValue(DataType.STRING, " as is ")).isEqualTo(new StringValue(" as is "));
    }

    @Test
    void booleanParsingIsLenient() {
        // when
        TypedValue<?> value = TypedValues.parseTypedValue(DataType.BOOLEAN, "yes");

        // then
        assertThat(value.getType()).isEqualTo(DataType.BOOLEAN);
        assertThat(value.getValue()).isEqualTo(false);
    }

    @Test
    void rejectsTextThatDoesNotParse() {
        assertThatThrownBy(() -> TypedValues.parseTypedValue(DataType.INTEGER, "4.2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("4.2 cannot be converted into a TypedValue of type INTEGER");
        assertThatThrownBy(() -> TypedValues.parseTypedValue(DataType.BYTE_ARRAY, "not base64!"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TypedValues.parseTypedValue(null, "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TypedValues.parseTypedValue(DataType.STRING, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void newTypedValueMapsJavaTypes() {
        assertThat(TypedValues.newTypedValue(true)).isInstanceOf(BooleanValue.class);
        assertThat(TypedValues.newTypedValue(new byte[] { 1 })).isInstanceOf(ByteArrayValue.class);
        assertThat(TypedValues.newTypedValue(1f)).isInstanceOf(FloatValue.class);
        assertThat(TypedValues.newTypedValue(1d)).isInstanceOf(DoubleValue.class);
        assertThat(TypedValues.newTypedValue(1)).isInstanceOf(IntegerValue.class);
        assertThat(TypedValues.newTypedValue(1L)).isInstanceOf(LongValue.class);
        assertThat(TypedValues.newTypedValue("s").getValue()).isEqualTo("s");
        assertThatThrownBy(() -> TypedValues.newTypedValue((short) 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Cannot convert to TypedValue");
        assertThatThrownBy(() -> TypedValues.newTypedValue(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesCompareAndEqualByContent() {
        // given
        byte[] bytes = { 1, 2 };

        // then
        assertThat(TypedValues.newStringValue(null).getValue()).isEmpty();
        assertThat(new ByteArrayValue(bytes).getValue()).isSameAs(bytes);
        assertThat(new ByteArrayValue(bytes)).isEqualTo(new ByteArrayValue(new byte[] { 1, 2 }))
                .hasSameHashCodeAs(new ByteArrayValue(new byte[] { 1, 2 }));
        assertThat(new ByteArrayValue(new byte[] { (byte) 0xff }).compareTo(new ByteArrayValue(new byte[] { 1 })))
                .isPositive();
        assertThat(new ByteArrayValue(new byte[] { 1 }).compareTo(new ByteArrayValue(new byte[] { 1, 0 })))
                .isNegative();
        assertThat(new BooleanValue(true).compareTo(new BooleanValue(false))).isPositive();
        assertThat(new LongValue(1).compareTo(new LongValue(2))).isNegative();
        assertThat(new DoubleValue(Double.NaN)).isEqualTo(new DoubleValue(Double.NaN));
        assertThat(new IntegerValue(1)).isNotEqualTo(new LongValue(1));
        assertThat(new IntegerValue(7).toString()).isEqualTo("IntegerValue [value=7]");
        assertThatThrownBy(() -> new ByteArrayValue(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new IntegerValue(1).compareTo(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void dataTypeIsFoundByNameInAnyCase() {
        assertThat(DataType.getDataType("byte_array")).isEqualTo(DataType.BYTE_ARRAY);
        assertThat(DataType.values()).containsExactly(DataType.BOOLEAN, DataType.BYTE_ARRAY, DataType.DOUBLE,
                DataType.INTEGER, DataType.LONG, DataType.FLOAT, DataType.STRING);
        assertThatThrownBy(() -> DataType.getDataType("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
