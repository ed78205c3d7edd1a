package org.mepkit.board;

import org.mepkit.board.rom.RomLoader;
import org.mepkit.board.rom.SessionEnd;

/**
 * The ROM download mode: runs a {@link RomLoader} on the console until the board leaves it. {@code REBOOT}
 * (the stub's reboot request) is a software reset: straps are not re-latched, so with J7 fitted the chip
 * prints the download-mode banner with {@code SW_RESET} and serves again; only {@code RUN_USER_CODE} boots
 * the app from flash. A host closing its end of the console ({@code HOST_CLOSED}) resets the loader state,
 * as the auto-reset circuit of a real board would, and the loader serves the next host from ROM mode.
 *
 * <p>The board keeps its state (power, J7, the current loader) under its own lock; every {@link Board}
 * call takes that lock, and this class holds none while the loader serves or waits.
 */
final class DownloadMode {

    /** The board's side of the session loop; each call takes the board's lock itself. */
    interface Board {
        /** A session ended: false when {@code loader} must stop (replaced, power off, stopped); a host hang-up resets it. */
        boolean sessionEnded(RomLoader loader, SessionEnd end);

        /** Whether {@code loader} is still the powered board's loader. */
        boolean serving(RomLoader loader);

        /**
         * A software reset after {@code end}, if {@code loader} is still the powered board's loader: true when the
         * chip stays in download mode and serves again.
         */
        boolean softwareReset(RomLoader loader, SessionEnd end);

        /** False once the board is closed. */
        boolean running();
    }

    private DownloadMode() {
    }

    /** Serves {@code loader} on {@code console} in a daemon thread. */
    static void start(RomLoader loader, Console console, Board board) {
        Thread t = new Thread(() -> serve(loader, console, board), "board-rom-loader");
        t.setDaemon(true);
        t.start();
    }

    private static void serve(RomLoader loader, Console console, Board board) {
        try {
            while (true) {
                SessionEnd end = loader.serve(console.line());
                if (!board.sessionEnded(loader, end)) return;
                if (end == SessionEnd.HOST_CLOSED) {
                    if (!awaitReopen(loader, console, board)) return;
                    continue;
                }
                if (!board.softwareReset(loader, end)) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (bounded steps) until a host opens the console again; false when the loader was replaced or stopped. */
    private static boolean awaitReopen(RomLoader loader, Console console, Board board) throws InterruptedException {
        while (board.running()) {
            if (!board.serving(loader)) return false;
            if (console.hostConnected()) return true;
            Thread.sleep(10);
        }
        return false;
    }
}
