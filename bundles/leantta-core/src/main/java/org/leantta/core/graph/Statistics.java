package org.leantta.core.graph;

/** Over which axes the compiled graph estimates the target statistics. */
public enum Statistics {
    /** Per sample, over the spatial axes: LeanTTA's stateless per-sample estimate. */
    SAMPLE,
    /** Over the batch and the spatial axes: the batch-statistics reference (needs batches of one shift). */
    BATCH
}
