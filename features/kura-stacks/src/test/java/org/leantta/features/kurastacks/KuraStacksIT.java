package org.leantta.features.kurastacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Installs the bundles of the built Kura deployment package, with the Kura API stand-in, on the OSGi stacks
 * of Kura 5.4-5.6 and Kura 6 (Equinox, Felix SCR, ConfigAdmin, MetaType, EventAdmin, WireAdmin API, slf4j 1.7;
 * no Kura services, no MQTT broker), each in its own JVM launched as Kura launches Equinox. A probe bundle
 * configures every singleton pid of the package's metatype with its defaults, as Kura does at start. Passes
 * when every bundle of the package resolves (fragments attached, others ACTIVE), every configurable component
 * is ACTIVE, and the Kura API bundle exports exactly Kura's packages and versions.
 *
 * <p>System properties (set by failsafe): {@code leantta.dp.dir}, {@code leantta.dp.version},
 * {@code leantta.kuraapi.jar}, {@code leantta.stacks.dir}, {@code leantta.stacks.work}.
 */
class KuraStacksIT {

    /** Limit for one stack's JVM; a green run takes a few seconds. */
    private static final Duration STACK_TIMEOUT = Duration.ofMinutes(2);
    /** How long the probe waits for the configured components to become ACTIVE. */
    private static final int COMPONENT_WAIT_SECONDS = 60;

    private static Path work;
    private static List<DpBundle> dpBundles;
    private static Path probe;

    @BeforeAll
    static void extractDeploymentPackage() throws IOException {
        work = Path.of(required("leantta.stacks.work"));
        Path dp = DeploymentPackage.locate(Path.of(required("leantta.dp.dir")), required("leantta.dp.version"),
                System.getProperty("os.arch"));
        System.out.println("[stacks] deployment package " + dp);
        delete(work);
        dpBundles = DeploymentPackage.extract(dp, work.resolve("dp-bundles"));
        probe = ProbeBundle.write(work.resolve("probe").resolve(ProbeBundle.SYMBOLIC_NAME + ".jar"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KuraStack.class)
    @Timeout(value = 150, unit = TimeUnit.SECONDS) // above STACK_TIMEOUT: the fork's own limit reports better
    void bundlesResolveAndConfigurableComponentsActivate(KuraStack stack) throws Exception {
        Path run = work.resolve(stack.directory);
        Path api = kuraApi(stack, run);
        String apiBundle = KuraApiStandIn.symbolicName(api);
        Path stacks = Path.of(required("leantta.stacks.dir"));

        List<Path> bundles = new ArrayList<>(stack.bundles(stacks));
        bundles.add(api);
        dpBundles.forEach(b -> bundles.add(b.file()));
        Path reportFile = run.resolve("report.txt");
        Map<String, String> probeProperties = Map.of(
                "leantta.probe.bundles", dpBundles.stream().map(DpBundle::symbolicName).collect(Collectors.joining(",")),
                "leantta.probe.kuraapi", apiBundle,
                "leantta.probe.report", reportFile.toAbsolutePath().toString(),
                "leantta.probe.timeout.seconds", String.valueOf(COMPONENT_WAIT_SECONDS));

        EquinoxFork.Outcome outcome = new EquinoxFork(stack.equinox(stacks), run)
                .run(bundles, probe, probeProperties, STACK_TIMEOUT);

        assertThat(reportFile).withFailMessage("%s: the probe wrote no report %s%n%s", stack, reportFile,
                outcome.tail(40)).exists();
        StackReport report = StackReport.read(reportFile);
        List<String> problems = StackChecks.problems(stack, report, dpBundles, apiBundle, outcome);
        String table = StackTable.render(stack, report, dpBundles, apiBundle, outcome, problems);
        System.out.println(table);
        assertThat(problems).withFailMessage("%s%n%s", table, outcome.tail(25)).isEmpty();
    }

    /** The stand-in as built for Kura 5; for Kura 6 a copy exporting Kura 6's package versions. */
    private static Path kuraApi(KuraStack stack, Path run) throws IOException {
        Path standIn = Path.of(required("leantta.kuraapi.jar"));
        if (stack.apiVersionChanges.isEmpty()) {
            return standIn;
        }
        // models Kura 6's exported versions for resolution only: the classes stay the stand-in's
        return KuraApiStandIn.withExportVersions(standIn, stack.apiVersionChanges,
                run.resolve("kura-api").resolve(standIn.getFileName()));
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        assertThat(value).as("system property %s", key).isNotBlank();
        return value;
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(p);
                }
            }
        }
    }
}
