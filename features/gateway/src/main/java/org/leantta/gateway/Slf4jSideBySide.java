package org.leantta.gateway;

import java.util.Collection;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Keeps the two slf4j lines apart. http.jetty 5.2.2 needs slf4j [2,3) and webconsole 5.0.18 needs [1.7,2), so
 * both slf4j-api bundles run; but the 1.7 binding (slf4j-jdk14 1.7.36) imports {@code org.slf4j;version=1.7.36},
 * an open range, and the resolver would wire it to slf4j-api 2, breaking 1.7's StaticLoggerBinder with a
 * LinkageError. This hook hides slf4j 2.x packages from slf4j 1.x bundles.
 */
final class Slf4jSideBySide implements ResolverHookFactory {

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton,
                    Collection<BundleCapability> collisionCandidates) {
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                BundleRevision requirer = requirement.getRevision();
                if (PackageNamespace.PACKAGE_NAMESPACE.equals(requirement.getNamespace()) && isSlf4j(requirer)
                        && requirer.getVersion().getMajor() == 1) {
                    candidates.removeIf(c -> isSlf4j(c.getRevision()) && c.getRevision().getVersion().getMajor() >= 2);
                }
            }

            @Override
            public void end() {
            }
        };
    }

    private static boolean isSlf4j(BundleRevision r) {
        return r.getSymbolicName() != null && r.getSymbolicName().startsWith("slf4j.");
    }
}
