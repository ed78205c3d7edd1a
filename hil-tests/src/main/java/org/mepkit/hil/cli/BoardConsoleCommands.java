package org.mepkit.hil.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.mepkit.board.VirtualBoard;

/**
 * The hand on a standalone virtual board's controls: one command per line ({@code j7-off},
 * {@code power-cycle}, ...) read from a stream (stdin of {@code mep board emulate}). End of input
 * leaves the board running.
 */
final class BoardConsoleCommands {

    static final List<String> NAMES = List.of("j7-on", "j7-off", "power-on", "power-off", "power-cycle", "reset");

    private BoardConsoleCommands() {
    }

    /** Applies one command; false when it is not one. */
    static boolean apply(VirtualBoard board, String command) {
        switch (command.strip()) {
            case "j7-on" -> board.setProgramJumper(true);
            case "j7-off" -> board.setProgramJumper(false);
            case "power-on" -> board.powerOn();
            case "power-off" -> board.powerOff();
            case "power-cycle" -> {
                board.powerOff();
                board.powerOn();
            }
            case "reset" -> board.reset();
            default -> {
                return false;
            }
        }
        return true;
    }

    static void start(VirtualBoard board, InputStream in, PrintWriter o) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank()) continue;
                    boolean ok = apply(board, line);
                    synchronized (o) {
                        o.println(ok ? "board: " + line.strip() : "unknown command '" + line.strip() + "' (" + String.join(", ", NAMES) + ")");
                        o.flush();
                    }
                }
            } catch (IOException e) {
                // stdin closed under us: the board keeps running, controls are no longer available
            }
        }, "board-controls");
        t.setDaemon(true);
        t.start();
    }
}
