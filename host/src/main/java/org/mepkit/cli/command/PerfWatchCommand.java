package org.mepkit.cli.command;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.mqtt.Mosquitto;
import org.mepkit.perf.Target;
import org.mepkit.perf.WatchBenchmark;
import org.mepkit.util.Scratch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep perf watch}: freshness and samples per minute of mep watch, and a time-scaled soak. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Measure mep watch against the virtual meter over a pseudo-terminal paced at 9600 baud: the median age "
                + "of a published power value when it is published (from the moment the meter took it, as it began its BT28 "
                + "reply) and samples per minute, MEP and optical, against the upstream firmware's one BT23 + BT28 pair per "
                + "2.27 s (its value is half a cycle plus its BT28 reply old). Target: at least 6 times fresher on MEP.",
                "Then a soak with MQTT publishing (the broker connection dropped every 1000 samples), the HTTP server and a "
                        + "CSV log running: time-scaled (as many samples as 30 minutes of watching give, from an unpaced meter) "
                        + "or, with --real-time, 30 real minutes against the paced meter. Resident size, heap after GC and "
                        + "threads must stay flat (growth at most 32 MiB, 8 MiB and 0 threads)."})
public final class PerfWatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "40",
            description = "Published samples measured per path (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--soak-minutes", paramLabel = "M", defaultValue = "30",
            description = "Minutes of watching the soak stands for (default: ${DEFAULT-VALUE}; 0 skips it).")
    double soakMinutes;

    @Option(names = "--real-time", description = "Soak in real time against the paced meter instead of time-scaled.")
    boolean realTime;

    @Override
    public Integer call() throws Exception {
        if (runs < 5 || runs > 10_000) throw new MepException(ExitCodes.USAGE, "--runs must be 5..10000");
        if (!(soakMinutes >= 0 && soakMinutes <= 24 * 60)) throw new MepException(ExitCodes.USAGE, "--soak-minutes must be 0..1440");
        WatchBenchmark.Freshness mep;
        WatchBenchmark.Freshness optical;
        WatchBenchmark.Soak soak;
        Mosquitto broker = null;
        try (Scratch scratch = Scratch.create("perf-watch")) { // the broker's config and the soak's sample log
            broker = WatchBenchmark.broker(scratch.dir());
            mep = WatchBenchmark.mep(3, runs, broker);
            optical = WatchBenchmark.optical(2, Math.max(5, runs / 4), broker);
            soak = soakMinutes == 0 ? null : WatchBenchmark.soak(soakMinutes, mep.samplesPerMin(), realTime, scratch.dir(), broker);
        } finally {
            if (broker != null) broker.close();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("benchmark", "watch");
        figures.put("broker", WatchBenchmark.brokerText(broker != null));
        figures.put("baud", 9600);
        figures.put("upstream_cycle_s", WatchBenchmark.UPSTREAM_CYCLE_S);
        figures.put("mep", mep.toJson());
        figures.put("optical", optical.toJson());
        if (soak != null) figures.put("soak", soak.toJson());
        List<Target> targets = new java.util.ArrayList<>(List.of(Target.atLeast("mep_freshness_ratio", mep.freshnessRatio(), 6)));
        if (soak != null) {
            targets.add(Target.atMost("soak_rss_growth_mib", soak.rssGrowthMib(), 32));
            targets.add(Target.atMost("soak_heap_growth_mib", soak.heapGrowthMib(), 8));
            targets.add(Target.atMost("soak_thread_growth", soak.threadsEnd() - soak.threadsStart(), 0));
        }
        boolean brokerUsed = broker != null;
        return PerfVerdict.report(spec, output.json(), figures, targets, out -> {
            out.println("published to " + WatchBenchmark.brokerText(brokerUsed));
            for (WatchBenchmark.Freshness f : List.of(mep, optical)) {
                out.printf(Locale.ROOT, "%s: %.0f samples/min (upstream %.1f, x%.1f); a power value is %.0f ms old when published"
                                + " (p95 %.0f ms; upstream %.0f ms: x%.2f fresher), %.1f ms of it on the host%n",
                        f.path(), f.samplesPerMin(), 60 / WatchBenchmark.UPSTREAM_CYCLE_S, f.samplesRatio(), f.freshnessS() * 1e3,
                        f.p95S() * 1e3, f.upstreamFreshnessS() * 1e3, f.freshnessRatio(), f.hostAgeS() * 1e3);
            }
            if (soak != null) {
                out.printf(Locale.ROOT, "soak (%s: %d samples = %.0f min of watching, in %.0f s, %d broker connects): RSS %.1f -> %.1f MiB"
                                + " (max %.1f), heap after GC %.1f -> %.1f MiB, threads %d -> %d (max %d)%n",
                        soak.realTime() ? "real time" : "time-scaled", soak.samples(), soak.minutes(), soak.realS(),
                        soak.brokerConnects(), soak.rssStartKb() / 1024.0, soak.rssEndKb() / 1024.0,
                        soak.rssMaxKb() / 1024.0, soak.heapStartKb() / 1024.0, soak.heapEndKb() / 1024.0, soak.threadsStart(),
                        soak.threadsEnd(), soak.threadsMax());
            }
        });
    }
}
