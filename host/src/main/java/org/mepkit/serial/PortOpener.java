package org.mepkit.serial;

/**
 * Opens a serial port by its {@code --port} spelling. The real one is {@link Ports#OPENER} (local paths, rfc2217://, socket://);
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
