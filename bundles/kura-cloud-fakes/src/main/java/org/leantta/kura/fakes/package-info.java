/**
 * Test doubles of Kura's cloud connection services (CloudPublisher, CloudSubscriber, RequestHandlerRegistry):
 * Kura's own cloud stack (DataService, MQTT transport, cloud connection factories) cannot run off a gateway.
 * Used by the unit tests and, registered as OSGi services, by the OSGi tests; never deployed.
 */
@Export
@Version("0.1.0")
package org.leantta.kura.fakes;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
