package org.leantta.features.kurastacks;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.leantta.features.kurastacks.StackReport.BundleState;

/** The human-readable picture of one stack run: bundles, components, Kura API exports, problems. */
final class StackTable {

    private final StringBuilder out = new StringBuilder();

    static String render(KuraStack stack, StackReport report, List<DpBundle> dpBundles, String apiBundle,
            EquinoxFork.Outcome outcome, List<String> problems) {
        StackTable t = new StackTable();
        t.line("=== %s stack: %s, %s %s ===", stack, String.join(" ", report.framework.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList()), StackChecks.SCR,
                report.bundle(StackChecks.SCR).map(BundleState::version).orElse("absent"));
        t.line("framework JVM %s after %.1f s; probe %s ms, components waited %s",
                outcome.exited() ? "exited (" + outcome.exitCode() + ")" : "KILLED", outcome.millis() / 1000.0,
                report.elapsedMillis, report.waited);
        t.bundles(report, dpBundles, apiBundle);
        t.components(report, dpBundles);
        t.exports(stack, report);
        t.line("%s: %s", stack, problems.isEmpty() ? "OK" : problems.size() + " problem(s)");
        problems.forEach(p -> t.line("  - %s", p));
        return t.out.toString();
    }

    private void bundles(StackReport report, List<DpBundle> dpBundles, String apiBundle) {
        Set<String> dp = new TreeSet<>();
        dpBundles.forEach(b -> dp.add(b.symbolicName()));
        line("  %-40s %-26s %-10s %s", "BUNDLE", "VERSION", "STATE", "ROLE");
        for (BundleState b : report.bundles.values()) {
            String role = dp.contains(b.symbolicName()) ? "deployment package"
                    : b.symbolicName().equals(apiBundle) ? "Kura API (stand-in)"
                    : b.symbolicName().equals(ProbeBundle.SYMBOLIC_NAME) ? "probe" : "stack";
            line("  %-40s %-26s %-10s %s%s", b.symbolicName(), b.version(), b.state(), role,
                    b.fragment() ? ", fragment of " + b.host() : "");
            String why = report.resolution.get(b.symbolicName());
            if (why != null) {
                line("      %s", why);
            }
        }
    }

    private void components(StackReport report, List<DpBundle> dpBundles) {
        line("  %-52s %-26s %s", "COMPONENT", "STATE", "BUNDLE");
        for (DpBundle b : dpBundles) {
            Set<String> names = new LinkedHashSet<>(b.components());
            report.components.values().stream().flatMap(List::stream)
                    .filter(c -> c.bundle().equals(b.symbolicName())).forEach(c -> names.add(c.name()));
            for (String name : names) {
                String state = report.componentState(name).orElse("ABSENT (bundle "
                        + report.bundle(b.symbolicName()).map(BundleState::state).orElse("not installed") + ")");
                line("  %-52s %-26s %s%s", name, state, b.symbolicName(),
                        b.designatedPids().contains(name) ? " (configurable)" : "");
                report.componentDetails.getOrDefault(name, List.of()).forEach(d -> line("      %s", d));
            }
        }
        report.configurations.forEach(c -> line("  configuration %s", c));
    }

    private void exports(KuraStack stack, StackReport report) {
        Map<String, String> expected = stack.expectedApiExports();
        Set<String> packages = new TreeSet<>(expected.keySet());
        packages.addAll(report.exports.keySet());
        line("  %-52s %-10s %s", "KURA API PACKAGE", "EXPORTED", "KURA");
        for (String pkg : packages) {
            String actual = report.exports.getOrDefault(pkg, "-");
            String kura = expected.getOrDefault(pkg, pkg.equals(KuraStack.OPTIONAL_API_EXPORT) ? "(optional)" : "-");
            line("  %-52s %-10s %s%s", pkg, actual, kura,
                    actual.equals(kura) || kura.equals("(optional)") ? "" : "   <-- differs");
        }
    }

    private void line(String format, Object... args) {
        out.append(String.format(format, args)).append('\n');
    }
}
