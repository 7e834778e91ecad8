/**
 * Deterministic input distribution shifts (corruptions) for 28x28 grey images and the seeded test streams
 * built from them; plain Java, JDK only. See {@code SHIFTS.md} for the per-severity parameter tables.
 */
package org.leantta.tooling.shift;
