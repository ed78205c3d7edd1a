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

    /*
     * Every bound below is upstream's timing (DabblerDK/MEP-SW-ESP32 6681de7) plus one allowance, never the twin's:
     *   LOOP_MARGIN_MS   = 1 000: one loop() pass held up by HTTP, logging or a 500 ms MQTT reconnect delay, plus
     *                     the bench's own observation delay;
     *   boot to ENABLE   = ROM + bootloader + app start (allowance 1 000) + Wi-Fi (at most 30 000 ms, decided at the
     *                     first 500 ms dot past it: 30 500, NES-MEP-UI.ino:161-176) + mDNS/web/SPIFFS (allowance 1 000)
     *                     + the 1 000 ms delay between RS3232 and ENABLE (:202-204)     = 33 500 ms;
     *   ENABLE to first request = the 1 000 ms delay (:205) + LOOP_MARGIN_MS + the console line's
     *                     observation delay (LOOP_MARGIN_MS)                              =  3 000 ms;
     *   reply timeout + cycle   = 10 000 (:298) + 3 x 1 000 delays (:305-309) + LOOP_MARGIN_MS = 14 000 ms.
     */
    /** One loop pass held up (HTTP, logging, a 500 ms MQTT reconnect delay), plus the bench's observation delay. */
    public static final long LOOP_MARGIN_MS = 1_000;
    /** Power-on to "Setting ENABLE pin 1": 1 000 + (30 000 + 500) + 1 000 + 1 000 (see the formula above). */
    public static final long BOOT_TO_ENABLE_MS = 1_000 + 30_500 + 1_000 + 1_000;
    /** "Setting ENABLE pin 1" to the first request: the 1 000 ms delay plus one pass, plus the line's observation delay. */
    public static final long ENABLE_TO_FIRST_REQUEST_MS = 1_000 + 2 * LOOP_MARGIN_MS;
    /** Board time allowed from power-on to the first MEP request. */
    public static final long BOOT_TO_FIRST_REQUEST_MS = BOOT_TO_ENABLE_MS + ENABLE_TO_FIRST_REQUEST_MS;
    /** One reply timeout plus the 3 s power cycle, plus one pass. */
    public static final long TIMEOUT_AND_CYCLE_MS = 10_000 + 3_000 + LOOP_MARGIN_MS;

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
                List<BenchMeter.Seen> seen = meter.seen();
                throw new AssertionError("no intact first request from the board after " + i
                        + " power-ups (each allowed " + BOOT_TO_FIRST_REQUEST_MS + " ms board time)"
                        + (seen.isEmpty() ? "" : "; the meter first saw " + org.mepkit.util.Hex.lower(seen.get(0).packet())
                        + " at " + seen.get(0).atMillis() + " ms"));
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

    /** The first request within ENABLE_TO_FIRST_REQUEST_MS of the boot's "Setting ENABLE pin 1", intact. */
    private boolean linkCameUp(BenchMeter meter) {
        try {
            console.awaitFrom(bootLine, "ENABLE on", "Setting ENABLE pin 1"::equals, BOOT_TO_ENABLE_MS);
        } catch (AssertionError e) {
            return false;
        }
        long end = System.nanoTime() + (long) (ENABLE_TO_FIRST_REQUEST_MS / bench.timeScale()) * 1_000_000L;
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

    /** Console lines since the test's boot that show the board crashed: an ESP32 panic or an unexpected reset. */
    public List<ConsoleMonitor.Line> crashLines() {
        List<ConsoleMonitor.Line> all = console.lines();
        List<ConsoleMonitor.Line> out = new ArrayList<>();
        boolean first = true;
        for (int i = bootLine; i < all.size(); i++) {
            String t = all.get(i).text();
            if (t.startsWith("Guru Meditation Error: ") || t.startsWith("abort() was called at PC ")) out.add(all.get(i));
            if (t.startsWith("rst:")) {
                if (!first) out.add(all.get(i));
                first = false;
            }
        }
        return out;
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
