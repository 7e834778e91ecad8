package org.leantta.itests;

import javax.inject.Inject;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * What the Pax Exam tests of the gateway share: the runtime they run in ({@link OsgiRuntime#gateway()}) and the
 * framework services they use, injected by Pax Exam.
 */
public abstract class GatewayItBase {
    @Inject
    protected BundleContext context;
    @Inject
    protected ConfigurationAdmin configurationAdmin;
    @Inject
    protected ServiceComponentRuntime scr;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return OsgiRuntime.gateway();
    }
}
