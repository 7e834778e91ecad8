package org.leantta.features.kurastacks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The probe's report file (see ProbeRun), parsed. */
final class StackReport {

    record BundleState(String symbolicName, String version, String state, boolean fragment, String host) {
    }

    record ComponentState(String bundle, String name, String state) {
    }

    final Map<String, String> framework = new LinkedHashMap<>(); // symbolic name -> version
    final Map<String, BundleState> bundles = new LinkedHashMap<>();
    final Map<String, String> resolution = new LinkedHashMap<>();
    final Map<String, String> exports = new LinkedHashMap<>(); // package -> version
    final Map<String, List<ComponentState>> components = new LinkedHashMap<>();
    final Map<String, List<String>> componentDetails = new LinkedHashMap<>(); // unsatisfied references, failures
    final List<String> configurations = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    String waited = "?";
    String elapsedMillis = "?";

    static StackReport read(Path file) throws IOException {
        StackReport report = new StackReport();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            report.add(line.split("\t", -1));
        }
        return report;
    }

    private void add(String[] f) {
        switch (f[0]) {
        case "framework" -> framework.put(f[1], f[2]);
        case "bundle" -> bundles.put(f[1], new BundleState(f[1], f[2], f[3], f[4].equals("fragment"),
                f[5].replace("host=", "")));
        case "resolution" -> resolution.put(f[1], f[2]);
        case "export" -> exports.put(f[2], f[3]);
        case "component" -> components.computeIfAbsent(f[2], k -> new ArrayList<>())
                .add(new ComponentState(f[1], f[2], f[3]));
        case "unsatisfied" -> detail(f[1], "unsatisfied reference " + f[2] + " (" + f[3] + ")"
                + (f[4].equals("null") ? "" : " target " + f[4]));
        case "failure" -> detail(f[1], "failure: " + f[2]);
        case "configuration" -> configurations.add(f[2] + " (" + f[1] + "): " + f[3]);
        case "waited" -> waited = f[1] + " ms, " + f[2];
        case "elapsed" -> elapsedMillis = f[1];
        case "error" -> errors.add(String.join(" ", Arrays.asList(f).subList(1, f.length)));
        default -> errors.add("unknown report line: " + String.join(" ", f));
        }
    }

    private void detail(String component, String text) {
        componentDetails.computeIfAbsent(component, k -> new ArrayList<>()).add(text);
    }

    Optional<BundleState> bundle(String symbolicName) {
        return Optional.ofNullable(bundles.get(symbolicName));
    }

    /** The component's best state: ACTIVE if any of its configurations is. */
    Optional<String> componentState(String name) {
        List<ComponentState> states = components.getOrDefault(name, List.of());
        if (states.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(states.stream().anyMatch(s -> s.state().equals("ACTIVE")) ? "ACTIVE"
                : String.join("/", states.stream().map(ComponentState::state).distinct().toList()));
    }
}
