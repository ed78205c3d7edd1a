package org.mepkit.board;

import org.mepkit.board.firmware.BoardIo;

/** The firmware model's view of the board: UART2 behind the MAX3232, its control pins, the console, restart. */
final class FirmwareIo implements BoardIo {

    private final MepSide mep;
    private final Transceiver transceiver;
    private final Console console;
    private final Runnable restart;

    FirmwareIo(MepSide mep, Transceiver transceiver, Console console, Runnable restart) {
        this.mep = mep;
        this.transceiver = transceiver;
        this.console = console;
        this.restart = restart;
    }

    @Override
    public void mepWrite(byte[] data) {
        mep.write(data);
    }

    @Override
    public byte[] mepRead(int max) {
        return mep.read(max);
    }

    @Override
    public void setMepEnabled(boolean enabled) {
        transceiver.setEnabled(enabled);
    }

    @Override
    public void setMax3232Powered(boolean on) {
        transceiver.setPowered(on);
    }

    @Override
    public void println(String line) {
        console.println(line);
    }

    @Override
    public void print(String text) {
        console.print(text);
    }

    @Override
    public void restart(String reason) {
        restart.run();
    }
}
