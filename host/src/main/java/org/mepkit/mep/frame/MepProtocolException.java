package org.mepkit.mep.frame;

/**
 * Everything the MEP codec and the meter can report as a protocol fault. Unchecked: decoding
 * happens in pure functions and the client decides where to catch. The decoders throw nothing
 * else for any input bytes. Messages describe the bytes and never contain a key.
 */
public abstract sealed class MepProtocolException extends RuntimeException
        permits MalformedFrameException, TableDecodeException, UnknownTableException, MeterRefusedException {

    protected MepProtocolException(String message) {
        super(message);
    }
}
