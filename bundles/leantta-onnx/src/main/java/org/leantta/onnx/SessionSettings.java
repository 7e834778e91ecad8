package org.leantta.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * How ONNX Runtime runs a session.
 *
 * @param intraOpThreads threads inside one operator; 1 suits batch-1 inference on small gateways
 * @param optimizedModelPath if not null, ONNX Runtime writes the optimized graph there (for inspection)
 * @param profilePrefix if not null, ONNX Runtime writes a profile with this file prefix
 * @param optLevel graph optimization level (ALL adds the NCHWc layout transformation)
 */
public record SessionSettings(int intraOpThreads, String optimizedModelPath, String profilePrefix,
                              OrtSession.SessionOptions.OptLevel optLevel) {
    public SessionSettings {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be >= 0 (0 = ONNX Runtime's default), got "
                    + intraOpThreads);
        }
    }

    /** One intra-op thread, full graph optimization. */
    public static SessionSettings defaults() {
        return new SessionSettings(1, null, null, OrtSession.SessionOptions.OptLevel.ALL_OPT);
    }

    /** The same settings with another optimization level. */
    public SessionSettings withOptLevel(OrtSession.SessionOptions.OptLevel level) {
        return new SessionSettings(intraOpThreads, optimizedModelPath, profilePrefix, level);
    }

    /** The same settings, profiling into files with this prefix. */
    public SessionSettings withProfile(String prefix) {
        return new SessionSettings(intraOpThreads, optimizedModelPath, prefix, optLevel);
    }

    public static SessionSettings threads(int n) {
        return new SessionSettings(n, null, null, OrtSession.SessionOptions.OptLevel.ALL_OPT);
    }

    OrtSession.SessionOptions toOptions() throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setOptimizationLevel(optLevel);
        o.setIntraOpNumThreads(intraOpThreads);
        o.setInterOpNumThreads(1);
        o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        if (optimizedModelPath != null) {
            o.setOptimizedModelFilePath(optimizedModelPath);
        }
        if (profilePrefix != null) {
            o.enableProfiling(profilePrefix);
        }
        return o;
    }
}
