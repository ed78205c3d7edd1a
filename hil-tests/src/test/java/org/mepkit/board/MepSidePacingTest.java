package org.mepkit.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.sim.max3232.Max3232Profile;
import org.mepkit.time.SystemTicker;

/** The twin's MEP UART runs at 9600 8N1 in both directions (1.04 ms a byte) unless a test asks otherwise. */
class MepSidePacingTest {

    @TempDir
    Path dir;

    @Test
    void bytesLeaveAndArriveAtLineSpeedAndTheReceiveBufferHolds256() throws Exception {
        Transceiver chip = new Transceiver(Max3232Profile.GENUINE, 1, SystemTicker.INSTANCE);
        chip.setPowered(true);
        chip.setEnabled(true);
        try (MepSide mep = MepSide.open(dir, chip, new ScaledTicker(SystemTicker.INSTANCE, 1));
             SerialLine meter = JscPorts.open(dirMeter(mep), LineSettings.MEP)) {
            mep.start();
            long t0 = System.nanoTime();
            mep.write(new byte[96]);
            byte[] buf = new byte[256];
            int got = 0;
            while (got < 96 && System.nanoTime() - t0 < 3_000_000_000L) got += meter.read(buf, 0, buf.length, Duration.ofMillis(20));
            long ms = (System.nanoTime() - t0) / 1_000_000L;
            assertEquals(96, got);
            assertTrue(ms >= 95, "96 bytes at 9600 8N1 take 100 ms on the wire, the meter had them after " + ms + " ms");

            long w0 = System.nanoTime();
            meter.write(new byte[300]);
            Thread.sleep(30);
            int early = mep.read(512).length;
            double elapsedMs = (System.nanoTime() - w0) / 1e6;
            assertTrue(early > 0 && early <= elapsedMs / 1.0417 + 2, early + " bytes readable " + elapsedMs
                    + " ms after the meter wrote 300 at once (line speed: one per 1.04 ms)");
            Thread.sleep(600);
            int rest = mep.read(512).length;
            assertEquals(256, rest, "of the " + (300 - early) + " bytes after the first read only 256 fit the receive buffer; the rest are lost");
        }
    }

    private static String dirMeter(MepSide mep) {
        return mep.meterPath();
    }
}
