package org.mepkit.serial.jsc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortBusyException;
import org.mepkit.serial.PortNotFoundException;
import org.mepkit.serial.PortPermissionException;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.time.SystemTicker;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

/**
 * Opens real serial ports by path through jSerialComm, with a one-line reason when that fails.
 * Ports are only ever opened by the path the user gave: mepkit never lists ports and opens what
 * it finds (on a VM {@code /dev/ttyS0} is the kernel console).
 */
public final class JscPorts {

    static final int EACCES = 13;
    static final int EAGAIN = 11;
    static final int EBUSY = 16;
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int ENXIO = 6;
    static final int ENODEV = 19;
    static final int ENOTTY = 25;

    /** Real paths of the ports this JVM has open: jSerialComm refuses a second open with its own code, not errno. */
    private static final Set<String> OPEN_HERE = ConcurrentHashMap.newKeySet();

    static {
        JscNative.load();
    }

    private JscPorts() {
    }

    /**
     * Opens {@code path} with {@code settings}, input discarded, ready for timed reads.
     *
     * @throws PortNotFoundException the path does not exist
     * @throws PortBusyException another program (or another mep) holds the port's lock
     * @throws PortPermissionException this user may not open it
     * @throws SerialException any other refusal, with the OS error number
     */
    public static SerialLine open(String path, LineSettings settings) throws SerialException {
        return open(path, settings, SerialPort::getCommPort);
    }

    static SerialLine open(String path, LineSettings settings, Function<String, SerialPort> ports) throws SerialException {
        Objects.requireNonNull(settings, "settings");
        if (path == null || path.isBlank()) throw new PortNotFoundException("no port given");
        Path file = Path.of(path);
        if (!Files.exists(file)) {
            throw new PortNotFoundException(path + ": no such port (is the adapter plugged in? check the path)");
        }
        if (Files.isDirectory(file)) throw new PortNotFoundException(path + ": is a directory, not a serial port");
        String realPath = realPath(file);
        if (!OPEN_HERE.add(realPath)) {
            throw new PortBusyException(path + ": port is busy (this program already has it open)");
        }
        boolean ok = false;
        try {
            SerialPort port;
            try {
                port = ports.apply(path);
            } catch (SerialPortInvalidPortException e) {
                throw new PortNotFoundException(path + ": no such port (is the adapter plugged in? check the path)", e);
            }
            if (!port.openPort()) {
                throw openFailure(path, port.getLastErrorCode());
            }
            try {
                JscSerialLine line = new JscSerialLine(path, realPath.startsWith("/dev/pts/"), port, settings,
                        SystemTicker.INSTANCE, () -> OPEN_HERE.remove(realPath));
                line.configure();
                line.discardStaleInput();
                ok = true;
                return line;
            } finally {
                if (!ok) port.closePort();
            }
        } finally {
            if (!ok) OPEN_HERE.remove(realPath);
        }
    }

    static SerialException openFailure(String path, int errno) {
        return switch (errno) {
            case EAGAIN, EBUSY -> new PortBusyException(path
                    + ": port is busy (another program has it open: close it, e.g. a serial monitor or another mep)");
            case EACCES, EPERM -> new PortPermissionException(path
                    + ": permission denied (add your user to the 'dialout' group, then log in again)");
            case ENOENT, ENXIO, ENODEV -> new PortNotFoundException(path
                    + ": no such device (is the adapter plugged in? check the path)");
            case ENOTTY -> new SerialException(path + ": not a serial port (a regular file, or a device that is no tty)");
            default -> new SerialException(path + ": cannot open the port (OS error " + errno + ")");
        };
    }

    /** Links (socat's ttyA, udev's by-id names) resolved; pseudo-terminals are {@code /dev/pts/N}. */
    private static String realPath(Path file) {
        try {
            return file.toRealPath().toString();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize().toString();
        }
    }
}
