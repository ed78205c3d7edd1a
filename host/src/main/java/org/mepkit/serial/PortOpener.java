package org.mepkit.serial;

/**
 * Opens a serial port by path. The real one is {@code org.mepkit.serial.jsc.JscPorts::open};
 * commands take an opener so tests can hand them an in-memory line instead.
 */
@FunctionalInterface
public interface PortOpener {

    /**
     * @throws PortNotFoundException when the path does not exist
     * @throws PortBusyException when another program holds the port
     * @throws PortPermissionException when this user may not open it
     */
    SerialLine open(String path, LineSettings settings) throws SerialException;
}
