package org.eclipse.kura.cloudconnection.publisher;

import org.osgi.annotation.versioning.ProviderType;

/** A {@link CloudPublisher} for the notifications of request handlers (e.g. progress of a long operation). */
@ProviderType
public interface CloudNotificationPublisher extends CloudPublisher {
}
