package org.mepkit.mep.frame;

/** The meter answered 0x0B: it rejected the digest, so the MBK key is wrong. */
public final class AuthenticationFailureException extends MeterRefusedException {

    public AuthenticationFailureException() {
        super(ResponseCode.AUTHENTICATION_FAILURE,
                "meter refused the request: authentication failure (0x0B), the MBK key is wrong");
    }
}
