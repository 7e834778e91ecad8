package org.eclipse.kura.ai.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Tensor, TensorDescriptor and ModelInfo builders validate and copy as Kura's do. */
class BuildersTest {

    private static TensorDescriptor input() {
        return TensorDescriptor.builder("input", "FP32", List.of(1L, 1L, 28L, 28L)).format("NCHW").build();
    }

    private static TensorDescriptor output() {
        return TensorDescriptor.builder("logits", "FP32", List.of(1L, 10L)).build();
    }

    @Test
    void buildsATensorDescriptor() {
        // when
        TensorDescriptor descriptor = TensorDescriptor.builder("input", "UINT8", List.of(1L, 784L))
                .format("").format(null).addParameter("scale", 0.5).addParameter("drop", 1).removeParameter("drop")
                .build();

        // then
        assertThat(descriptor.getName()).isEqualTo("input");
        assertThat(descriptor.getType()).isEqualTo("UINT8");
        assertThat(descriptor.getFormat()).isEmpty();
        assertThat(descriptor.getShape()).containsExactly(1L, 784L);
        assertThat(descriptor.getParameters()).containsOnly(entry("scale", 0.5));
        assertThatThrownBy(() -> descriptor.getShape().add(3L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> descriptor.getParameters().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void tensorDescriptorNeedsNameTypeAndShape() {
        assertThatThrownBy(() -> TensorDescriptor.builder("", "FP32", List.of(1L)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The name of the tensor cannot be empty or null");
        assertThatThrownBy(() -> TensorDescriptor.builder("x", null, List.of(1L)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The type of the tensor cannot be empty or null");
        assertThatThrownBy(() -> TensorDescriptor.builder("x", "FP32", List.of()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The shape of the tensor cannot be empty or null");
        assertThatThrownBy(() -> TensorDescriptor.builder("x", "FP32", null).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tensorDescriptorRoundTripsThroughItsBuilder() {
        // given
        TensorDescriptor original = input();

        // when
        TensorDescriptor copy = original.toBuilder().addParameter("k", "v").build();

        // then
        assertThat(copy.getName()).isEqualTo("input");
        assertThat(copy.getFormat()).contains("NCHW");
        assertThat(copy.getShape()).isEqualTo(original.getShape());
        assertThat(copy.getParameters()).containsOnly(entry("k", "v"));
        assertThat(original.getParameters()).isEmpty();
    }

    @Test
    void buildsAModelInfo() {
        // when
        ModelInfo info = ModelInfo.builder("fmnist").platform("onnx").version("").addParameter("p", 1)
                .addInputDescriptor(input()).addAllOutputDescriptor(List.of(output())).build();

        // then
        assertThat(info.getName()).isEqualTo("fmnist");
        assertThat(info.getPlatform()).contains("onnx");
        assertThat(info.getVersion()).isEmpty();
        assertThat(info.getParameters()).containsOnly(entry("p", 1));
        assertThat(info.getInputs()).extracting(TensorDescriptor::getName).containsExactly("input");
        assertThat(info.getOutputs()).extracting(TensorDescriptor::getName).containsExactly("logits");
        assertThatThrownBy(() -> info.getInputs().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void modelInfoNeedsNameInputsAndOutputs() {
        assertThatThrownBy(() -> ModelInfo.builder(null).addInputDescriptor(input()).addOutputDescriptor(output())
                .build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The name of the model cannot be empty or null");
        assertThatThrownBy(() -> ModelInfo.builder("m").addOutputDescriptor(output()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The input descriptors list cannot be empty");
        assertThatThrownBy(() -> ModelInfo.builder("m").addInputDescriptor(input()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The output descriptors list cannot be empty");
    }

    @Test
    void modelInfoRoundTripsThroughItsBuilder() {
        // given
        TensorDescriptor in = input();
        ModelInfo original = ModelInfo.builder("m").version("3").addInputDescriptor(in)
                .addOutputDescriptor(output()).build();

        // when
        ModelInfo changed = original.toBuilder().removeInputDescriptor(in)
                .addAllInputDescriptor(List.of(output())).build();

        // then
        assertThat(changed.getVersion()).contains("3");
        assertThat(changed.getInputs()).extracting(TensorDescriptor::getName).containsExactly("logits");
        assertThat(original.getInputs()).containsExactly(in);
    }

    @Test
    void builtModelInfoViewsItsBuildersListsAsInKura() {
        // given
        ModelInfoBuilder builder = ModelInfo.builder("m").addInputDescriptor(input()).addOutputDescriptor(output());
        ModelInfo first = builder.build();

        // when
        builder.addInputDescriptor(output());

        // then
        assertThat(first.getInputs()).hasSize(2);
    }

    @Test
    void tensorGivesItsDataOnlyForItsExactType() {
        // given
        List<Float> data = new ArrayList<>(Collections.nCopies(10, 0.1f));

        // when
        Tensor tensor = new Tensor(Float.class, output(), data);

        // then
        assertThat(tensor.getType()).isEqualTo(Float.class);
        assertThat(tensor.getDescriptor().getName()).isEqualTo("logits");
        assertThat(tensor.getData(Float.class)).containsSame(data);
        assertThat(tensor.getData(Double.class)).isEqualTo(Optional.empty());
        assertThat(tensor.getData(Number.class)).isEmpty();
    }
}
