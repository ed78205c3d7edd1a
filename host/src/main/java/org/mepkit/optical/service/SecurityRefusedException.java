package org.mepkit.optical.service;

/** The meter refused the optical key (security service), or a table for lack of security clearance (isc). */
public final class SecurityRefusedException extends ServiceRefusedException {
    public SecurityRefusedException(String service, int code) {
        super(service, code, service.equals("security")
                ? "the meter refused the optical key (" + ResponseCode.describe(code) + "): wrong key?"
                : "the meter refused " + service + ": " + ResponseCode.describe(code) + " (is the key accepted for this table?)");
    }
}
