package org.eclipse.kura.configuration.metatype;

import java.math.BigInteger;

import org.osgi.annotation.versioning.ProviderType;

/** An icon of an {@link OCD}. */
@ProviderType
public interface Icon {

    /**
     * @return the resource path
     */
    String getResource();

    /**
     * @return the size in pixels
     */
    BigInteger getSize();
}
