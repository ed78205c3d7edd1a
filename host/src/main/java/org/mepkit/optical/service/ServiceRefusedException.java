package org.mepkit.optical.service;

import org.mepkit.optical.OpticalException;

/**
 * The meter answered a service with a code other than ok. A refused security service, and an isc
 * (insufficient security clearance) for a table, are the subclass {@link SecurityRefusedException}.
 */
public class ServiceRefusedException extends OpticalException {

    private final String service;
    private final int code;

    public ServiceRefusedException(String service, int code) {
        this(service, code, "the meter refused " + service + ": " + ResponseCode.describe(code));
    }

    protected ServiceRefusedException(String service, int code, String message) {
        super(message);
        this.service = service;
        this.code = code;
    }

    /** The exception for a refusal of {@code request}: {@link SecurityRefusedException} for security and isc. */
    public static ServiceRefusedException of(ServiceRequest request, int code) {
        if (request instanceof ServiceRequest.Security || code == ResponseCode.ISC.code()) {
            return new SecurityRefusedException(request.describe(), code);
        }
        return new ServiceRefusedException(request.describe(), code);
    }

    /** What was refused, e.g. "full read BT23". */
    public String service() {
        return service;
    }

    /** The response code byte. */
    public int code() {
        return code;
    }

    public ResponseCode responseCode() {
        return ResponseCode.of(code);
    }
}
