package org.leantta.tooling.shift;

import java.util.Locale;

/** Family of an input distribution shift, grouping corruptions by their physical cause. */
public enum Family {
    /** Per-pixel random noise (electronic, photon and transmission noise). */
    NOISE,
    /** Loss of sharpness (optics, focus, camera or object motion). */
    BLUR,
    /** Processing and encoding artefacts (contrast, brightness, resolution, compression). */
    DIGITAL,
    /** Scene-level occlusion or veiling (fog, snow). */
    WEATHER,
    /** Sensor defects and drift (gain/offset, dead pixels, fixed-pattern noise, bit depth). */
    SENSOR;

    /** Lower-case name used in shift specs, e.g. {@code "noise"}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
