package org.mepkit.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import org.mepkit.mep.frame.Command;
import org.mepkit.mep.frame.Request;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.mep.table.TableId;
import org.mepkit.diag.Jig;
import org.mepkit.diag.Trial;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;

/**
 * The MAX3232 diagnosis done on an assembled board from the meter side (recovery issue's
 * {@link Jig}): the host holds the RS232 port and never answers. One trial = one power-up of
 * the board's MAX3232, forced either by the bench's reset/power control (the board boots and
 * sends its first request, BT52 with sequence 0, whose bytes are known from the key) or, on a
 * bench without control, by staying silent until the firmware's 10 s timeout power-cycles the
 * chip and retransmits the same bytes. What arrives is compared with what the firmware sends.
 */
public final class BoardJig implements Jig {

    /** Quiet time that ends a transmission. */
    private static final long GAP_BOARD_MS = 200;

    private final Bench bench;
    private final SerialLine line;
    private final boolean usePower;
    private final long origin = System.nanoTime();
    private byte[] expected;

    public BoardJig(Bench bench, SerialLine meterSide) {
        this.bench = bench;
        this.line = meterSide;
        this.usePower = bench.power().isPresent();
        this.expected = new Request(Command.fullRead(TableId.BT52), 0).encode(MbkKey.of(bench.provisionedKey()));
    }

    @Override
    public String describe() {
        return "board on " + bench.name() + ", meter side " + line.name() + ", power-ups by "
                + (usePower ? "reset/power control" : "the firmware's own power cycle (host silent)");
    }

    @Override
    public long elapsedNanos() {
        return System.nanoTime() - origin;
    }

    @Override
    public Trial runTrial(int index) throws IOException, InterruptedException {
        long start;
        long bound;
        if (usePower) {
            line.discardInput();
            BoardPower power = bench.power().get();
            power.powerOff();
            start = elapsedNanos();
            power.powerOn();
            bound = BenchSession.BOOT_TO_FIRST_REQUEST_MS;
        } else {
            start = elapsedNanos();
            bound = BenchSession.TIMEOUT_AND_CYCLE_MS + 1_000;
        }
        byte[] got = receive(bound);
        long end = elapsedNanos();
        return Trial.compare(index, expected, got, start, end);
    }

    /** Bytes of one transmission: from the first byte until a full packet or a 200 ms gap; empty after the bound. */
    private byte[] receive(long boardBoundMs) throws SerialException, InterruptedException {
        double scale = bench.timeScale();
        long deadline = System.nanoTime() + (long) (boardBoundMs / scale * 1_000_000L);
        long gapNanos = (long) (GAP_BOARD_MS / scale * 1_000_000L);
        ByteArrayOutputStream acc = new ByteArrayOutputStream();
        byte[] buf = new byte[512];
        long last = 0;
        while (true) {
            if (Thread.interrupted()) throw new InterruptedException();
            long now = System.nanoTime();
            if (acc.size() == 0 && now > deadline) return new byte[0];
            if (acc.size() > 0 && (now - last > gapNanos || acc.size() >= 512)) break;
            int n = line.read(buf, 0, buf.length, Duration.ofMillis(Math.max(1, gapNanos / 2_000_000L)));
            if (n > 0) {
                acc.write(buf, 0, n);
                last = System.nanoTime();
                byte[] all = acc.toByteArray();
                if (all.length >= 2 && ((((all[0] & 0xFF) << 8) | (all[1] & 0xFF)) + 2) == all.length) break;
            }
        }
        return acc.toByteArray();
    }
}
