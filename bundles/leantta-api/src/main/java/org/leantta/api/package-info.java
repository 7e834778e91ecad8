/**
 * Service API of LeanTTA: per-sample test-time adaptation of a neural network's normalization statistics.
 *
 * <p>A {@link org.leantta.api.Predictor} answers one sample at a time with a {@link org.leantta.api.Prediction};
 * the same service usually implements {@link org.leantta.api.AdaptationControl}, through which operators reset,
 * switch or roll back the adaptation. Each way into the gateway (the MQTT bridge, the cloud front) registers a
 * {@link org.leantta.api.FrontStatus} with its connection state; whoever reports the gateway's events registers an
 * {@link org.leantta.api.AdaptationListener}, called with each {@link org.leantta.api.AdaptationEvent}.
 * Implementations are thread-safe and may be called from any thread; a configuration update never interrupts a
 * call in progress: calls made before it finish on the old settings, calls made after it use the new ones.
 * Predictions, model descriptions and events are immutable values.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.3.0")
package org.leantta.api;
