package org.leantta.features.kuradp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.leantta.testsupport.ManifestHeader;
import org.leantta.testsupport.ManifestHeader.Clause;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Version;

/**
 * The rules a deployment package's bundles must follow, as functions from manifest headers and entry names to a
 * list of violations (empty: fine). {@link DeploymentPackageIT} applies them to the built packages and to
 * tampered inputs, so that each rule is shown to fail when it should.
 */
final class PackageChecks {

    /** Import-Package may name only these (a name equal to a prefix without its dot counts too). */
    static final List<String> ALLOWED_IMPORT_PREFIXES = List.of("org.eclipse.kura.", "org.osgi.", "org.slf4j.",
            "org.leantta.api.", "java.", "javax.");

    /**
     * Where the offline tooling's classes live (the shift library and streams, the IDX and shipped-data helpers,
     * the quantizer and its calibration) and where they lived before they moved to leantta-tooling.
     */
    static final List<String> TOOLING_PREFIXES = List.of("org/leantta/tooling/", "org/leantta/core/shift/",
            "org/leantta/core/quant/", "org/leantta/core/data/", "org/leantta/onnx/Calibration");

    /** The slf4j range Kura's slf4j 1.7 and a 2.x both satisfy. */
    static final String SLF4J_RANGE = "[1.7,3)";

    /** The DS runtime of Kura 5.4-5.6 (Felix SCR 2.1.16). */
    static final Version DS_RUNTIME = new Version(1, 4, 0);

    private PackageChecks() {
    }

    /**
     * Import-Package of {@code bundle}: only Kura's API, OSGi, slf4j (range [1.7,3)), the JDK and our API. JDK
     * internals (sun.misc) only as optional imports: the JDK provides them, but nothing may depend on them.
     */
    static List<String> importViolations(String bundle, String importPackage) {
        List<String> out = new ArrayList<>();
        for (Clause c : ManifestHeader.parse(importPackage)) {
            for (String pkg : c.names()) {
                if (pkg.equals("sun.misc") || pkg.startsWith("sun.")) {
                    if (!"optional".equals(c.directives().get("resolution"))) {
                        out.add(bundle + " imports " + pkg + " without resolution:=optional");
                    }
                    continue;
                }
                if (!allowed(pkg)) {
                    out.add(bundle + " imports " + pkg + ": only org.eclipse.kura.*, org.osgi.*, org.slf4j, "
                            + "org.leantta.api, java.* and javax.* may be imported (embed anything else privately)");
                }
                if ((pkg.equals("org.slf4j") || pkg.startsWith("org.slf4j."))
                        && !SLF4J_RANGE.equals(c.attributes().get("version"))) {
                    out.add(bundle + " imports " + pkg + " with version " + c.attributes().get("version")
                            + ", expected " + SLF4J_RANGE);
                }
            }
        }
        return out;
    }

    /** Entries of {@code bundle} that are offline tooling: a gateway runs none of them. */
    static List<String> toolingViolations(String bundle, List<String> entries) {
        List<String> out = new ArrayList<>();
        for (String e : entries) {
            if (!e.endsWith("/") && TOOLING_PREFIXES.stream().anyMatch(e::startsWith)) {
                out.add(bundle + " carries " + e + ": shifts, streams, data helpers, the quantizer and its "
                        + "calibration are offline tooling (leantta-tooling), never deployed; embed only what the "
                        + "components reach");
            }
        }
        return out;
    }

    static boolean allowed(String pkg) {
        for (String prefix : ALLOWED_IMPORT_PREFIXES) {
            if (pkg.startsWith(prefix) || pkg.equals(prefix.substring(0, prefix.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Require-Capability of the components bundle: a DS extender requirement that a DS 1.4 runtime meets. */
    static List<String> dsRuntimeViolations(String requireCapability) {
        List<String> out = new ArrayList<>();
        int found = 0;
        for (Clause c : ManifestHeader.parse(requireCapability)) {
            if (!c.names().contains("osgi.extender")) {
                continue;
            }
            String filter = c.directives().get("filter");
            if (filter == null || !filter.contains("osgi.component")) {
                continue;
            }
            found++;
            if (!filter(filter).matches(Map.of("osgi.extender", "osgi.component", "version", DS_RUNTIME))) {
                out.add("osgi.extender requirement " + filter + " is not met by a DS " + DS_RUNTIME
                        + " runtime (Kura 5.4-5.6 run Felix SCR 2.1.16)");
            }
        }
        if (found == 0) {
            out.add("no osgi.extender=osgi.component requirement in " + requireCapability);
        }
        return out;
    }

    /**
     * Whether a fragment's osgi.native requirement admits a framework offering {@code capability} (the
     * attributes of the system bundle's osgi.native capability).
     */
    static boolean nativeRequirementMet(String requireCapability, Map<String, Object> capability) {
        for (Clause c : ManifestHeader.parse(requireCapability)) {
            if (c.names().contains("osgi.native")) {
                String filter = c.directives().get("filter");
                return filter != null && filter(filter).matches(capability);
            }
        }
        return false;
    }

    /**
     * Native libraries among {@code entries} (all entries of all bundles of a package): only the two libraries
     * of ONNX Runtime for {@code platformDir} (e.g. linux-x64), nothing of another platform, no debug symbols.
     */
    static List<String> nativeViolations(String platformDir, List<String> entries) {
        List<String> out = new ArrayList<>();
        String dir = "ai/onnxruntime/native/" + platformDir + "/";
        Set<String> expected = Set.of(dir + "libonnxruntime.so", dir + "libonnxruntime4j_jni.so");
        List<String> natives = new ArrayList<>();
        for (String e : entries) {
            String lower = e.toLowerCase();
            boolean nativeLike = lower.startsWith("ai/onnxruntime/native/") || lower.endsWith(".so")
                    || lower.contains(".so.") || lower.endsWith(".dylib") || lower.endsWith(".dll")
                    || lower.endsWith(".jnilib") || lower.contains(".dsym/") || lower.endsWith(".pdb")
                    || lower.endsWith(".debug");
            if (!nativeLike || e.endsWith("/")) {
                continue;
            }
            natives.add(e);
            if (!expected.contains(e)) {
                out.add("native file " + e + " does not belong in the " + platformDir + " package");
            }
        }
        for (String e : expected) {
            if (!natives.contains(e)) {
                out.add("missing " + e);
            }
        }
        return out;
    }

    /** The ELF machine (e_machine) of a file's first bytes, or -1 if they are not an ELF header. */
    static int elfMachine(byte[] head) {
        if (head.length < 20 || head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F') {
            return -1;
        }
        boolean littleEndian = head[5] == 1;
        int lo = head[18] & 0xff;
        int hi = head[19] & 0xff;
        return littleEndian ? lo | hi << 8 : hi | lo << 8;
    }

    static Filter filter(String filter) {
        try {
            return FrameworkUtil.createFilter(filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not an OSGi filter: " + filter, e);
        }
    }
}
