package org.mepkit.bench;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.mepkit.board.BoardImages;
import org.mepkit.board.BoardOptions;
import org.mepkit.board.firmware.FirmwareConfig;
import org.mepkit.sim.max3232.Max3232Profile;
import org.mepkit.board.VirtualBoard;
import org.mepkit.serial.Ports;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;

/** A bench made of a fresh {@link VirtualBoard}; it owns the board and closes it. */
public final class VirtualBench implements Bench {

    private final VirtualBoard board;
    private final FirmwareConfig provisioned;
    private final String firmware;
    private java.nio.file.Path ownFolder;

    /** A bench around a board whose flash holds {@code provisioned} and a {@code firmware} app. */
    public VirtualBench(VirtualBoard board, FirmwareConfig provisioned, String firmware) {
        this.board = board;
        this.provisioned = provisioned;
        this.firmware = firmware;
    }

    @Override
    public String firmware() {
        return firmware;
    }

    /** A new twin flashed with the {@code project} app and {@code nvs}, still powered off. */
    public static VirtualBench create(BoardOptions options, String project, FirmwareConfig nvs) throws IOException {
        VirtualBoard board = VirtualBoard.create(options);
        BoardImages.provision(board.flash(), project, nvs);
        return new VirtualBench(board, nvs, project);
    }

    @Override
    public String name() {
        return "virtual (" + firmware + " firmware, " + board.options().max3232().name() + " MAX3232, x" + board.timeScale() + ")";
    }

    @Override
    public SerialLine openConsole() throws SerialException {
        return Ports.open(board.consolePath(), LineSettings.CONSOLE);
    }

    @Override
    public SerialLine openMeterSide() throws SerialException {
        return Ports.open(board.meterPath(), LineSettings.MEP);
    }

    @Override
    public Optional<BoardPower> power() {
        return Optional.of(new BoardPower() {
            @Override
            public void powerOn() {
                board.powerOn();
            }

            @Override
            public void powerOff() {
                board.powerOff();
            }

            @Override
            public void reset() {
                board.reset();
            }
        });
    }

    @Override
    public Optional<URI> boardUrl() {
        return Optional.of(board.url());
    }

    @Override
    public Optional<VirtualBoard> twin() {
        return Optional.of(board);
    }

    @Override
    public double timeScale() {
        return board.timeScale();
    }

    @Override
    public String provisionedKey() {
        return provisioned.mepKey();
    }

    @Override
    public Optional<String> provisionedSsid() {
        return Optional.of(provisioned.wifiSsid());
    }

    @Override
    public List<String> secrets() {
        return provisioned.secrets();
    }

    @Override
    public Optional<Max3232Profile> max3232() {
        return Optional.of(board.options().max3232());
    }

    /** Removes the board's folder (its flash file, which holds the provisioned secrets) when the bench closes. */
    VirtualBench removingOnClose(java.nio.file.Path folder) {
        this.ownFolder = folder;
        return this;
    }

    @Override
    public void close() {
        board.close();
        if (ownFolder != null) org.mepkit.util.Folders.deleteTree(ownFolder);
    }
}
