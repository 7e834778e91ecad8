/** LeanTTA core: the algorithm, the ONNX graph compiler and the data tooling; plain Java, no OSGi imports. */
package org.leantta.core;
