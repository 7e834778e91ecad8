/**
 * Stand-in for Kura's inference engine API: {@link org.eclipse.kura.ai.inference.InferenceEngineService},
 * {@link org.eclipse.kura.ai.inference.Tensor}, {@link org.eclipse.kura.ai.inference.TensorDescriptor},
 * {@link org.eclipse.kura.ai.inference.ModelInfo} and their builders.
 *
 * <p>Compile/test stand-in: on a gateway Kura's {@code org.eclipse.kura.api} bundle exports this package. The
 * version is the one Kura 5.4–5.6's API bundle manifest declares (Kura 6: 1.1.0, which adds a metrics service).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.eclipse.kura.ai.inference;
