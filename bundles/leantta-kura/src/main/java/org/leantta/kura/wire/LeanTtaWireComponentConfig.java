package org.leantta.kura.wire;

import org.leantta.kura.ModelControl;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration of {@link LeanTtaWireComponent}; its defaults are the only defaults. */
@ObjectClassDefinition(id = LeanTtaWireComponent.FACTORY_PID, name = "LeanTTA",
        description = "Classifies each wire record with a LeanTTA model that adapts to every sample, and emits the "
                + "class, label, confidence and shift score.")
public @interface LeanTtaWireComponentConfig {
    @AttributeDefinition(name = "Predictor Target Filter", description = "The LeanTTA model that answers, as an "
            + "OSGi filter on its instance, e.g. (kura.service.pid=model-a). The default takes any LeanTTA model: "
            + "enough with one; with several, name one.")
    String Predictor_target() default ModelControl.ANY_MODEL;

    @AttributeDefinition(name = "Input properties", description = "The record properties that hold the sample. "
            + "One name: a BYTE_ARRAY property with the model's values as uint8 (one byte each) or float32 "
            + "little-endian (four bytes each), or a single number. Several names separated by commas: one number "
            + "each (e.g. an Asset's channels), in the model's input order.")
    String input_properties() default "image";

    @AttributeDefinition(name = "Input encoding", description = "auto: a byte array is read by its size (uint8 or "
            + "float32), numbers as given. uint8: the values are 0..255 and the model's uint8 input scaling maps "
            + "them. float32: the values are in the model's input range.",
            options = {@Option(label = "auto", value = "auto"), @Option(label = "uint8", value = "uint8"),
                    @Option(label = "float32", value = "float32")})
    String input_encoding() default "auto";
}
