package org.leantta.features.kurastacks.probe;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Activator of the probe bundle that KuraStacksIT installs last (start level 5) into a Kura-level stack. It
 * configures the components of the deployment package as Kura would, records the outcome in a report file and
 * stops the framework so that the forked JVM exits. Work runs on its own thread: the framework's start-level
 * thread must not wait for it.
 */
public final class StackProbe implements BundleActivator {

    private Thread run;

    @Override
    public void start(BundleContext context) {
        run = new Thread(new ProbeRun(context), "leantta-stack-probe");
        run.setDaemon(true);
        run.start();
    }

    @Override
    public void stop(BundleContext context) {
        // only matters when the framework is stopped from outside; the run stops the framework itself when done
        run.interrupt();
    }
}
