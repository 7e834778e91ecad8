/** LeanTTA core: the algorithm and the ONNX graph compiler, what a gateway runs; plain Java, no OSGi imports. */
package org.leantta.core;
