package org.mepkit.optical;

import java.io.IOException;

/**
 * A C12.18 session that did not go as the protocol says: the link gave up ({@link org.mepkit.optical.link.LinkException}),
 * the meter refused a service ({@link org.mepkit.optical.service.ServiceRefusedException}), or a
 * response made no sense ({@link org.mepkit.optical.service.ResponseFormatException}). Messages fit on
 * one line for a user and never contain a key. A port that fails is a {@link org.mepkit.serial.SerialException} instead.
 */
public abstract class OpticalException extends IOException {
    protected OpticalException(String message) {
        super(message);
    }
}
