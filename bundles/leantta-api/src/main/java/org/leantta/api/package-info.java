/**
 * Service API of LeanTTA: per-sample test-time adaptation of a neural network's normalization statistics.
 *
 * <p>Implementations are thread-safe; a {@link org.leantta.api.Prediction} is an immutable value.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.leantta.api;
