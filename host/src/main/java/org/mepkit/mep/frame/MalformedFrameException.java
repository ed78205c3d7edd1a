package org.mepkit.mep.frame;

/** The bytes are not a well-formed MEP packet: too short, a length field that disagrees, a bad command layout. */
public final class MalformedFrameException extends MepProtocolException {

    public MalformedFrameException(String message) {
        super(message);
    }
}
