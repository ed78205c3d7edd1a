package org.mepkit.serial;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

/** Test reads on any {@link SerialLine}: exactly n bytes, failing with how many came when the time is up. */
public final class LineReads {

    public static final Duration LONG = Duration.ofSeconds(10);

    private LineReads() {
    }

    public static byte[] readExactly(SerialLine line, int n) throws SerialException {
        return readExactly(line, n, LONG);
    }

    public static byte[] readExactly(SerialLine line, int n, Duration limit) throws SerialException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[n];
        long end = System.nanoTime() + limit.toNanos();
        while (got.size() < n) {
            if (System.nanoTime() > end) throw new AssertionError("only " + got.size() + " of " + n + " bytes from " + line.name());
            int k = line.read(buf, 0, n - got.size(), Duration.ofMillis(200));
            got.write(buf, 0, k);
        }
        return got.toByteArray();
    }
}
