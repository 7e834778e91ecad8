package org.leantta.onnx;

import ai.onnxruntime.OrtEnvironment;

/** The one ONNX Runtime environment of this JVM. */
public final class Runtime {
    private Runtime() {
    }

    /** The shared environment; ONNX Runtime allows one per process and it lives until the JVM exits. */
    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }
}
