package org.mepkit.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mepkit.mep.client.ClientTimings;
import org.mepkit.mep.client.LinkCounters;
import org.mepkit.mep.client.MepMeterReader;
import org.mepkit.mep.client.MeterClient;
import org.mepkit.mep.client.MeterSession;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.mep.table.TableField;
import org.mepkit.optical.OpticalKey;
import org.mepkit.optical.OpticalMeterReader;
import org.mepkit.optical.OpticalSettings;
import org.mepkit.optical.link.LinkProfile;
import org.mepkit.optical.link.LinkStats;
import org.mepkit.optical.link.OpticalLink;
import org.mepkit.optical.service.C1218Client;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.memory.LinePair;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.sim.optical.OpticalLayout;
import org.mepkit.sim.optical.OpticalMeterMachine;
import org.mepkit.sim.optical.OpticalTables;
import org.mepkit.sim.optical.SimulatedOpticalLine;
import org.mepkit.time.ManualTicker;
import org.mepkit.time.SystemTicker;

/**
 * One virtual meter read through its MEP port and through its optical port, with its clock held still:
 * both {@link MeterReader}s return the same quantities under the same names and units.
 */
class BothPathsOneMeterTest {

    static final String KEY_TEXT = "Both#Paths-Key-12345";

    final ManualTicker meterClock = new ManualTicker();   // never advanced: energy stands still
    final LinePair pair = LinePair.create("memory:host", "memory:meter", LineSettings.MEP.withBaud(115200));
    final VirtualMeter meter = new VirtualMeter(pair.b(), MbkKey.of(KEY_TEXT), MeterProfile.DEFAULT, meterClock,
            VirtualMeter.Pacing.UNPACED).start();

    @AfterEach
    void stop() {
        meter.close();
        pair.unplug();
    }

    MeterReader mep() {
        ClientTimings fast = new ClientTimings(Duration.ofMillis(500), 1.0, 3, 3, Duration.ofMillis(100));
        return new MepMeterReader(new MeterSession(new MeterClient(pair.a(), MbkKey.of(KEY_TEXT), SystemTicker.INSTANCE,
                fast, new LinkCounters())));
    }

    MeterReader optical(OpticalLayout layout) {
        OpticalMeterMachine port = new OpticalMeterMachine(new OpticalTables(meter.tables(), MeterProfile.DEFAULT, layout),
                OpticalKey.of(KEY_TEXT), OpticalMeterMachine.Config.DEFAULT);
        ManualTicker linkClock = ManualTicker.autoAdvancing();
        OpticalLink link = new OpticalLink(new SimulatedOpticalLine(port, linkClock), linkClock, LinkProfile.C1218, new LinkStats());
        return new OpticalMeterReader(new C1218Client(link), OpticalKey.of(KEY_TEXT), OpticalSettings.DEFAULT);
    }

    @Test
    void theOpticalLayoutGivesTheSameValuesAsMep() throws Exception {
        Reading viaMep = mep().read();
        Reading viaOptical = optical(OpticalLayout.OPTICAL).read();
        assertEquals("mep", viaMep.path());
        assertEquals(viaMep.identity(), viaOptical.identity());
        assertEquals(viaMep.forwardActiveWh(), viaOptical.forwardActiveWh());
        assertEquals(viaMep.reverseActiveWh(), viaOptical.reverseActiveWh());
        assertEquals(viaMep.forwardW(), viaOptical.forwardW());
        assertEquals(viaMep.reverseW(), viaOptical.reverseW());
        for (int i = 0; i < 3; i++) {
            assertEquals(viaMep.phases().get(i).voltageMv(), viaOptical.phases().get(i).voltageMv());
            assertEquals(viaMep.phases().get(i).currentMa(), viaOptical.phases().get(i).currentMa());
        }
        Map<String, Object> mepJson = viaMep.toJson();
        Map<String, String> mepUnits = viaMep.units();
        for (TableField f : viaOptical.fields()) {
            assertEquals(mepJson.get(f.name()), f.value(), f.name());
            assertEquals(mepUnits.getOrDefault(f.name(), ""), f.unit(), f.name());
        }
        assertEquals(17, viaOptical.fields().size(), "identity (3), serial, clock, energy (2), the ten optical present values");
        assertTrue(viaMep.fields().size() > viaOptical.fields().size());
    }

    @Test
    void theMepLayoutOverTheOpticalPortGivesEveryField() throws Exception {
        Reading viaMep = mep().read();
        Reading viaOptical = optical(OpticalLayout.MEP).read();
        assertEquals(viaMep.fields(), viaOptical.fields());
        assertEquals(viaMep.phases(), viaOptical.phases());
        assertNotNull(viaOptical.phases().get(2).reverseW());
    }
}
