package org.mepkit.board;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.pty.PtyMasterLine;

/**
 * The board's console (J5): a pty whose master the board holds, so a host closing the port is seen here
 * (a hang-up), which a socat pair would hide. Everything printed is also kept in a transcript, with the
 * board time at which each line was completed.
 */
final class Console implements AutoCloseable {

    private final PtyMasterLine pty;
    private final LongSupplier boardMillis;
    private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    private final List<Long> lineStamps = new ArrayList<>();

    private Console(PtyMasterLine pty, LongSupplier boardMillis) {
        this.pty = pty;
        this.boardMillis = boardMillis;
    }

    /** Opens the pty and links it as {@code link} (a convenience; {@link #path()} is the real path). */
    static Console open(Path link, LongSupplier boardMillis) throws IOException {
        PtyMasterLine pty = PtyMasterLine.open(LineSettings.CONSOLE);
        pty.releaseSlave();
        pty.linkAs(link);
        return new Console(pty, boardMillis);
    }

    String path() {
        return pty.slavePath();
    }

    /** The pty master the ROM loader serves on. */
    PtyMasterLine line() {
        return pty;
    }

    boolean hostConnected() {
        return pty.hostConnected();
    }

    void println(String line) {
        print(line + "\r\n");
    }

    void print(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        synchronized (transcript) {
            transcript.writeBytes(bytes);
            long now = boardMillis.getAsLong();
            for (byte b : bytes) if (b == '\n') lineStamps.add(now);
        }
        try {
            pty.write(bytes);
        } catch (SerialException e) {
            // the console pty is gone; the transcript keeps the text
        }
    }

    String transcript() {
        synchronized (transcript) {
            return transcript.toString(StandardCharsets.ISO_8859_1);
        }
    }

    OptionalLong lineMillis(int index) {
        synchronized (transcript) {
            return index < lineStamps.size() ? OptionalLong.of(lineStamps.get(index)) : OptionalLong.empty();
        }
    }

    /** The USB adapter is pulled: the port vanishes. */
    void unplug() {
        pty.unplug();
    }

    @Override
    public void close() {
        pty.close();
    }
}
