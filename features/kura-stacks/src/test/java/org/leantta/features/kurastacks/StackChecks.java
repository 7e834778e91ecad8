package org.leantta.features.kurastacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.leantta.features.kurastacks.StackReport.BundleState;

/** What must hold on a Kura-level stack; each violation becomes one readable line. */
final class StackChecks {

    static final String SCR = "org.apache.felix.scr";

    private final KuraStack stack;
    private final StackReport report;
    private final List<String> problems = new ArrayList<>();

    private StackChecks(KuraStack stack, StackReport report) {
        this.stack = stack;
        this.report = report;
    }

    static List<String> problems(KuraStack stack, StackReport report, List<DpBundle> dpBundles, String apiBundle,
            EquinoxFork.Outcome outcome) {
        StackChecks checks = new StackChecks(stack, report);
        if (!outcome.exited()) {
            checks.problems.add("the framework JVM did not exit within its time limit (killed after "
                    + outcome.millis() + " ms)");
        }
        report.errors.forEach(e -> checks.problems.add("probe error: " + e));
        checks.stackVersions();
        dpBundles.forEach(checks::bundleResolved);
        checks.apiBundle(apiBundle);
        dpBundles.forEach(checks::componentsActive);
        return checks.problems;
    }

    private void stackVersions() {
        String framework = report.framework.values().stream().findFirst().orElse("none");
        if (!baseVersion(framework).equals(stack.equinoxVersion)) {
            problems.add("framework is " + report.framework + ", expected Equinox " + stack.equinoxVersion);
        }
        Optional<BundleState> scr = report.bundle(SCR);
        if (scr.isEmpty() || !baseVersion(scr.get().version()).equals(stack.scrVersion)
                || !scr.get().state().equals("ACTIVE")) {
            problems.add(SCR + " is " + scr.map(s -> s.version() + " " + s.state()).orElse("not installed")
                    + ", expected " + stack.scrVersion + " ACTIVE");
        }
    }

    private void bundleResolved(DpBundle dp) {
        Optional<BundleState> state = report.bundle(dp.symbolicName());
        String expected = dp.fragment() ? "RESOLVED" : "ACTIVE";
        if (state.isEmpty()) {
            problems.add("bundle " + dp.symbolicName() + " of the .dp is not installed");
        } else if (!state.get().state().equals(expected)) {
            problems.add("bundle " + dp.symbolicName() + " is " + state.get().state() + ", expected " + expected
                    + Optional.ofNullable(report.resolution.get(dp.symbolicName())).map(r -> ": " + r).orElse(""));
        } else if (dp.fragment() && state.get().host().equals("-")) {
            problems.add("fragment " + dp.symbolicName() + " is not attached to a host");
        }
    }

    private void apiBundle(String apiBundle) {
        Optional<BundleState> state = report.bundle(apiBundle);
        if (state.isEmpty() || !state.get().state().equals("ACTIVE")) {
            problems.add("Kura API bundle " + apiBundle + " is " + state.map(BundleState::state).orElse("absent")
                    + Optional.ofNullable(report.resolution.get(apiBundle)).map(r -> ": " + r).orElse(""));
        }
        Map<String, String> expected = stack.expectedApiExports();
        Map<String, String> actual = new TreeMap<>(report.exports);
        actual.remove(KuraStack.OPTIONAL_API_EXPORT);
        for (String pkg : new TreeSet<>(expected.keySet())) {
            String version = actual.remove(pkg);
            if (version == null) {
                problems.add("Kura API bundle does not export " + pkg + " " + expected.get(pkg));
            } else if (!version.equals(expected.get(pkg))) {
                problems.add("Kura API bundle exports " + pkg + " " + version + ", Kura exports " + expected.get(pkg));
            }
        }
        actual.forEach((pkg, version) -> problems.add("Kura API bundle exports " + pkg + " " + version
                + ", which Kura's API bundle does not"));
    }

    private void componentsActive(DpBundle dp) {
        String bundleState = report.bundle(dp.symbolicName()).map(BundleState::state).orElse("not installed");
        for (String pid : dp.designatedPids()) {
            if (!dp.components().contains(pid)) {
                problems.add("metatype of " + dp.symbolicName() + " designates pid " + pid
                        + " but no DS component has that name");
                continue;
            }
            Optional<String> state = report.componentState(pid);
            if (state.isEmpty()) {
                problems.add("component " + pid + " is absent: its bundle " + dp.symbolicName() + " is " + bundleState);
            } else if (!state.get().equals("ACTIVE")) {
                problems.add("component " + pid + " is " + state.get()
                        + report.componentDetails.getOrDefault(pid, List.of()).stream().map(d -> "; " + d)
                                .reduce("", String::concat));
            }
        }
    }

    /** 3.16.0.v20200828-0759 -> 3.16.0 */
    static String baseVersion(String version) {
        String[] parts = version.split("\\.");
        return parts.length < 3 ? version : parts[0] + "." + parts[1] + "." + parts[2];
    }
}
