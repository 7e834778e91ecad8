package org.eclipse.kura.wire;

import org.osgi.annotation.versioning.ProviderType;

/** Marker of the components that take part in a Kura wire graph (emitters, receivers or both). */
@ProviderType
public interface WireComponent {
}
