package org.mepkit.flash;

import java.util.List;

/**
 * One line of the bench log: one board. Holds the names of the NVS keys set, never their values.
 *
 * @param time           ISO-8601 UTC
 * @param port           the adapter's path
 * @param usbSerial      the adapter's USB serial number, or null
 * @param mac            the chip's MAC as esptool read it, or null when it never answered
 * @param firmwareSha256 SHA-256 of the app image written
 * @param nvsKeys        names of the keys provisioned
 * @param verdict        {@code started}, {@code crashed}, ..., or {@code failed}
 * @param logFile        the stored (redacted) boot log, or null
 * @param error          the one-line failure, or null
 */
public record BatchRecord(String time, String port, String usbSerial, String mac, String firmwareSha256,
                          List<String> nvsKeys, String verdict, String logFile, String error) {

    public BatchRecord {
        nvsKeys = List.copyOf(nvsKeys);
    }
}
