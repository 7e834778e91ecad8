/** Model service on ONNX Runtime Java. */
package org.leantta.onnx;
