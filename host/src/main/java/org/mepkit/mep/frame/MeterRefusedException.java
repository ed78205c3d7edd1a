package org.mepkit.mep.frame;

/**
 * The meter answered with an error code. A wrong key (0x0B) is the subclass
 * {@link AuthenticationFailureException}, so callers can map it to its own exit code;
 * {@link #isAuthenticationFailure()} says the same without a type test.
 */
public sealed class MeterRefusedException extends MepProtocolException permits AuthenticationFailureException {

    private final ResponseCode code;

    protected MeterRefusedException(ResponseCode code, String message) {
        super(message);
        this.code = code;
    }

    /** The exception for a refusal code: {@link AuthenticationFailureException} for 0x0B. */
    public static MeterRefusedException of(ResponseCode code) {
        if (code == ResponseCode.AUTHENTICATION_FAILURE) return new AuthenticationFailureException();
        return new MeterRefusedException(code, "meter refused the request: " + code.describe());
    }

    public ResponseCode code() {
        return code;
    }

    public boolean isAuthenticationFailure() {
        return code == ResponseCode.AUTHENTICATION_FAILURE;
    }
}
