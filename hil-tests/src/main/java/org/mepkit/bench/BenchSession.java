package org.mepkit.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.mepkit.serial.SerialException;

/**
 * One suite test's hold on the bench: the console monitor, the host playing the meter, board
 * time, and starting the board from a known state. Closing it records the redacted console log
 * for the report.
 */
public final class BenchSession implements AutoCloseable {

    /** Board time allowed from power-on to the first MEP request: 0.5 s Wi-Fi + 2 s + margin. */
    public static final long BOOT_TO_FIRST_REQUEST_MS = 6_000;
    /** One reply timeout plus the 3 s power cycle, plus margin for a loop pass. */
    public static final long TIMEOUT_AND_CYCLE_MS = 10_000 + 3_000 + 1_000;

    private final Bench bench;
    private final String testId;
    private final long wallOrigin = System.nanoTime();
    private final List<String> notes = new ArrayList<>();
    private ConsoleMonitor console;
    private MeterSide meterSide;

    BenchSession(Bench bench, String testId) {
        this.bench = bench;
        this.testId = testId;
    }

    public Bench bench() {
        return bench;
    }

    public long boardMillis() {
        return bench.twin().map(t -> t.boardMillis())
                .orElseGet(() -> (System.nanoTime() - wallOrigin) / 1_000_000L);
    }

    /** The meter a correctly provisioned board expects, asking for sequence 1000 after the first BT52. */
    public BenchMeter defaultMeter() {
        return new BenchMeter(bench.provisionedKey(), MeterValues.sample(), 1000);
    }

    /** Opens both ports, plays {@code meter}, and power-cycles the board; skipped when the bench cannot. */
    public void boot(BenchMeter meter) throws IOException {
        BoardPower power = bench.power().orElse(null);
        Assumptions.assumeTrue(power != null,
                "bench '" + bench.name() + "' has no power or reset control: cannot start the board from a known state");
        try {
            console = new ConsoleMonitor(bench.openConsole(), this::boardMillis, bench.timeScale());
            meterSide = new MeterSide(bench.openMeterSide(), meter, this::boardMillis);
        } catch (SerialException e) {
            throw new AssertionError("bench port: " + e.getMessage(), e);
        }
        power.powerOff();
        power.powerOn();
    }

    public void boot() throws IOException {
        boot(defaultMeter());
    }

    public ConsoleMonitor console() {
        return console;
    }

    public MeterSide meterSide() {
        return meterSide;
    }

    public BenchMeter meter() {
        return meterSide.meter();
    }

    public void note(String text) {
        notes.add(text);
    }

    /** Waits (bounded, in board time) for the meter to have seen {@code n} requests. */
    public List<BenchMeter.Seen> awaitRequests(int n, long boardMillisBound) {
        long end = System.nanoTime() + (long) (boardMillisBound / bench.timeScale()) * 1_000_000L;
        while (meter().seen().size() < n) {
            if (meterSide.failure() != null) throw new AssertionError(meterSide.failure());
            if (System.nanoTime() > end) {
                throw new AssertionError("the meter saw " + meter().seen().size() + " requests, expected " + n
                        + " within " + boardMillisBound + " ms board time");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
        }
        return meter().seen();
    }

    /** Lets {@code boardMillis} of board time pass (for "nothing happens" checks). */
    public void idle(long boardMillis) {
        long end = System.nanoTime() + (long) (boardMillis / bench.timeScale()) * 1_000_000L;
        while (System.nanoTime() < end) java.util.concurrent.locks.LockSupport.parkNanos(end - System.nanoTime());
    }

    @Override
    public void close() {
        Redaction redaction = new Redaction(bench.secrets());
        List<ConsoleMonitor.Line> lines = new ArrayList<>();
        if (console != null) {
            for (ConsoleMonitor.Line l : console.lines()) lines.add(new ConsoleMonitor.Line(l.atMillis(), redaction.apply(l.text())));
            console.close();
        }
        if (meterSide != null) meterSide.close();
        BenchRuntime.capture(testId, new BenchRuntime.Capture(bench.name(), lines, List.copyOf(notes)));
        bench.close();
    }
}
