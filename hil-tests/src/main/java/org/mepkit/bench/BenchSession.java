package org.mepkit.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.mepkit.report.Redactor;
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
    private int bootLine;
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
            var twin = bench.twin();
            int linesBefore = 0; // the pty hands the host everything the board printed since it was made
            console = new ConsoleMonitor(bench.openConsole(), this::boardMillis, bench.timeScale(),
                    i -> twin.map(t -> t.consoleLineMillis(linesBefore + i)).orElse(java.util.OptionalLong.empty()));
            meterSide = new MeterSide(bench.openMeterSide(), meter, this::boardMillis,
                    b -> twin.map(t -> t.mepWriteMillis(b)).orElse(java.util.OptionalLong.empty())).withTimeScale(bench.timeScale());
        } catch (SerialException e) {
            throw new AssertionError("bench port: " + e.getMessage(), e);
        }
        int attempts = bootAttempts();
        for (int i = 1; ; i++) {
            power.powerOff();
            meterSide.resync();
            meter.restart();
            bootLine = console.size();
            power.powerOn();
            if (linkCameUp(meter)) {
                if (i > 1) note("working link after " + i + " power-ups (MAX3232 came up haywire before)");
                return;
            }
            if (i >= attempts) {
                long resets = console.lines().stream().skip(bootLine).filter(l -> l.text().startsWith("rst:")).count();
                if (resets > 1) {
                    String last = console.lines().stream().skip(bootLine).map(ConsoleMonitor.Line::text)
                            .filter(t -> !t.isBlank() && !t.startsWith("rst:") && !t.startsWith("ets "))
                            .reduce((a, b) -> b).orElse("");
                    throw new AssertionError("the board is boot-looping: " + resets + " resets in "
                            + BOOT_TO_FIRST_REQUEST_MS + " ms board time; last console line: " + last);
                }
                throw new AssertionError("no intact first request from the board after " + i
                        + " power-ups (each allowed " + BOOT_TO_FIRST_REQUEST_MS + " ms board time)");
            }
        }
    }

    /**
     * Board time allowed from boot to steady polling (10 requests seen): 30 s, plus a reply timeout and a power
     * cycle for every haywire power-up the board's MAX3232 may need on the way (a flaky chip may need several).
     */
    public long steadyPollingMs() {
        return 30_000 + (long) bootAttempts() * TIMEOUT_AND_CYCLE_MS;
    }

    /** Power-ups allowed to get a working link: 1 for a sound chip, the profile's bound for a virtual flaky one, 3 on real benches. */
    int bootAttempts() {
        return bench.max3232().map(BenchSession::cyclesBound).orElse(3);
    }

    /** Power cycles after which a chip of this profile has come up working with probability at least 1 - 1e-4. */
    public static int cyclesBound(org.mepkit.sim.max3232.Max3232Profile profile) {
        double p = profile.dead() ? 0 : 1 - profile.haywire();
        if (p >= 1) return 1;
        if (p <= 0) return 1;
        return (int) Math.ceil(Math.log(1e-4) / Math.log(1 - p));
    }

    /** The firmware's first request after boot: BT52 full read, sequence 0, digested with the provisioned key. */
    byte[] firstRequest() {
        return new org.mepkit.mep.frame.Request(org.mepkit.mep.frame.Command.fullRead(org.mepkit.mep.table.TableId.BT52), 0)
                .encode(org.mepkit.mep.key.MbkKey.of(bench.provisionedKey()));
    }

    private boolean linkCameUp(BenchMeter meter) {
        long end = System.nanoTime() + (long) (BOOT_TO_FIRST_REQUEST_MS / bench.timeScale()) * 1_000_000L;
        while (System.nanoTime() < end) {
            if (meterSide.failure() != null) throw new AssertionError(meterSide.failure());
            List<BenchMeter.Seen> seen = meter.seen();
            if (!seen.isEmpty()) return java.util.Arrays.equals(seen.get(0).packet(), firstRequest());
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
        }
        return false;
    }

    public void boot() throws IOException {
        boot(defaultMeter());
    }

    /** Index of the first console line of the boot the test runs on (after any power-ups needed for a working link). */
    public int bootLine() {
        return bootLine;
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
        // the firmware's secret log lines are hidden whatever the bench knows (a real bench may know only the key)
        Redactor redactor = Redactor.firmware().withSecrets(bench.secrets());
        List<ConsoleMonitor.Line> lines = new ArrayList<>();
        if (console != null) {
            for (ConsoleMonitor.Line l : console.lines()) lines.add(new ConsoleMonitor.Line(l.atMillis(), redactor.redact(l.text())));
            console.close();
        }
        if (meterSide != null) meterSide.close();
        BenchRuntime.capture(testId, new BenchRuntime.Capture(bench.name(), lines, List.copyOf(notes)));
        bench.close();
    }
}
