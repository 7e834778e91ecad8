package org.eclipse.kura.ai.inference;

import java.util.List;
import java.util.Optional;

import org.eclipse.kura.KuraException;
import org.osgi.annotation.versioning.ProviderType;

/** Runs inference with machine learning models, for Kura's AI wire component among others. */
@ProviderType
public interface InferenceEngineService {

    /**
     * @param modelInfo the model; inputs must match its input descriptors
     * @param inputData the input tensors
     * @return the output tensors
     * @throws KuraException if the inference fails
     */
    List<Tensor> infer(ModelInfo modelInfo, List<Tensor> inputData) throws KuraException;

    /**
     * @param modelName the model's name
     * @param modelPath where to load it from; empty for the engine's own location
     * @throws KuraException if it cannot be loaded
     */
    void loadModel(String modelName, Optional<String> modelPath) throws KuraException;

    /**
     * @param modelName the model's name
     * @throws KuraException if it cannot be unloaded
     */
    void unloadModel(String modelName) throws KuraException;

    /**
     * @param modelName the model's name
     * @return whether it is loaded
     * @throws KuraException if the engine cannot tell
     */
    boolean isModelLoaded(String modelName) throws KuraException;

    /**
     * @return the names of the models the engine knows
     * @throws KuraException if they cannot be listed
     */
    List<String> getModelNames() throws KuraException;

    /**
     * @param modelName the model's name
     * @return its description, or empty when unknown
     * @throws KuraException if it cannot be read
     */
    Optional<ModelInfo> getModelInfo(String modelName) throws KuraException;

    /**
     * @return whether the engine can run inference
     * @throws KuraException if the engine cannot tell
     */
    boolean isEngineReady() throws KuraException;
}
