package org.mepkit.esp.rom;

/** A frame that is not a well-formed loader request or response. */
public final class LoaderProtocolException extends Exception {

    public LoaderProtocolException(String message) {
        super(message);
    }
}
