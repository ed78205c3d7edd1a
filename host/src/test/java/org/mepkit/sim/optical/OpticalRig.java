package org.mepkit.sim.optical;

import org.mepkit.optical.OpticalKey;
import org.mepkit.optical.OpticalMeterReader;
import org.mepkit.optical.OpticalSettings;
import org.mepkit.optical.link.LinkProfile;
import org.mepkit.optical.link.LinkStats;
import org.mepkit.optical.link.OpticalLink;
import org.mepkit.optical.service.C1218Client;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.MeterTables;
import org.mepkit.time.ManualTicker;

/**
 * A client and the virtual optical meter joined by a {@link SimulatedOpticalLine}, all in the virtual
 * time of one auto-advancing ticker: every timeout and retry of a session runs at once and exactly.
 */
public final class OpticalRig {

    public static final String KEY_TEXT = "Opt1cal#Key-4-Tests!";
    public static final OpticalKey KEY = OpticalKey.of(KEY_TEXT);

    public final ManualTicker ticker = ManualTicker.autoAdvancing();
    public final MeterTables meterTables;
    public final OpticalMeterMachine meter;
    public final SimulatedOpticalLine line;
    public final LinkStats stats = new LinkStats();
    public final OpticalLink link;
    public final C1218Client client;

    public OpticalRig() {
        this(OpticalLayout.OPTICAL, OpticalMeterMachine.Config.DEFAULT);
    }

    public OpticalRig(OpticalLayout layout, OpticalMeterMachine.Config config) {
        this(MeterProfile.DEFAULT, layout, config);
    }

    public OpticalRig(MeterProfile profile, OpticalLayout layout, OpticalMeterMachine.Config config) {
        meterTables = new MeterTables(profile, ticker);
        meter = new OpticalMeterMachine(new OpticalTables(meterTables, profile, layout), KEY, config);
        line = new SimulatedOpticalLine(meter, ticker);
        link = new OpticalLink(line, ticker, LinkProfile.C1218, stats);
        client = new C1218Client(link);
    }

    public OpticalMeterReader reader(OpticalKey key) {
        return new OpticalMeterReader(client, key, OpticalSettings.DEFAULT);
    }

    public OpticalMeterReader reader() {
        return reader(KEY);
    }

    /** Virtual milliseconds since the rig was made. */
    public long elapsedMs() {
        return ticker.elapsed().toMillis();
    }

    /** ident, negotiate 64 × 2 at 9600, logon; with security when {@code key} is not null. */
    public void openSession(OpticalKey key) throws java.io.IOException {
        client.ident();
        client.negotiate(64, 2, 6);
        client.logon(0, "0000");
        if (key != null) client.security(key);
    }
}
