package org.eclipse.kura.message;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Splits a Kura topic {@code [<control prefix>/]<account>/<device>/<application>/<application topic>} into its
 * parts. A part the topic does not have is null; the topic {@code #} has only its full form.
 *
 * @deprecated deprecated in Kura too
 */
@Deprecated
@ProviderType
public class KuraTopic {

    private final String fullTopic;
    private String[] topicParts;
    private String prefix;
    private String accountName;
    private String deviceId;
    private String applicationId;
    private String applicationTopic;

    /**
     * @param fullTopic the topic, with {@code $} as control prefix marker
     */
    public KuraTopic(String fullTopic) {
        this(fullTopic, "$");
    }

    /**
     * @param fullTopic the topic
     * @param controlPrefix the first segment is the control prefix when it starts with this
     */
    public KuraTopic(String fullTopic, String controlPrefix) {
        this.fullTopic = fullTopic;
        if ("#".equals(fullTopic)) {
            return;
        }
        this.topicParts = fullTopic.split("/");
        String[] parts = this.topicParts;
        if (parts.length == 0) {
            return;
        }
        int next = 0;
        if (parts[0].startsWith(controlPrefix)) {
            this.prefix = parts[next++];
        }
        this.accountName = next < parts.length ? parts[next++] : null;
        this.deviceId = next < parts.length ? parts[next++] : null;
        this.applicationId = next < parts.length ? parts[next++] : null;
        int consumed = 0;
        for (int i = 0; i < next; i++) {
            consumed += parts[i].length() + 1;
        }
        if (consumed < fullTopic.length()) {
            this.applicationTopic = fullTopic.substring(consumed);
        }
    }

    /** @return the topic as given */
    public String getFullTopic() {
        return this.fullTopic;
    }

    /** @return the topic split at {@code /} (trailing empty segments dropped), or null for {@code #} */
    public String[] getTopicParts() {
        return this.topicParts;
    }

    /** @return the control prefix, or null */
    public String getPrefix() {
        return this.prefix;
    }

    /** @return the account name, or null */
    public String getAccountName() {
        return this.accountName;
    }

    /** @return the device id, or null */
    public String getDeviceId() {
        return this.deviceId;
    }

    /** @return the application id, or null */
    public String getApplicationId() {
        return this.applicationId;
    }

    /** @return the rest of the topic after the application id, or null */
    public String getApplicationTopic() {
        return this.applicationTopic;
    }
}
