package org.mepkit.mqtt;

import java.io.IOException;

/** The broker could not be reached, refused us, or the connection broke. */
public final class MqttLinkException extends IOException {

    private final boolean notAuthorized;

    public MqttLinkException(String message, boolean notAuthorized, Throwable cause) {
        super(message, cause);
        this.notAuthorized = notAuthorized;
    }

    /** The broker refused the user name or password. */
    public boolean notAuthorized() {
        return notAuthorized;
    }
}
