package org.eclipse.kura.configuration.metatype;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** A value given to an attribute of a {@link TObject}. */
@ProviderType
public interface Attribute {

    /**
     * @return the values
     */
    List<String> getValue();

    /**
     * @return the id of the {@link AD} it refers to
     */
    String getAdref();

    /**
     * @return the content, as text
     */
    String getContent();
}
