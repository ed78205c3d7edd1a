package org.mepkit.mep.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.memory.LinePair;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.PhaseLoad;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.time.ManualTicker;
import org.mepkit.time.SystemTicker;

/** A reading printed with the board firmware's JSON names and units (board-firmware-behaviour §7.3). */
class MeterReadingTest {

    static final MbkKey KEY = MbkKey.of("ABCDEFGHIJKLMNOPQRST");

    static MeterReading readOnce(MeterProfile profile) throws Exception {
        LinePair pair = LinePair.create("memory:host", "memory:meter", LineSettings.MEP);
        try (VirtualMeter meter = new VirtualMeter(pair.b(), KEY, profile, new ManualTicker(),
                VirtualMeter.Pacing.UNPACED).start()) {
            MeterClient client = new MeterClient(pair.a(), KEY, SystemTicker.INSTANCE, ClientTimings.DEFAULT, LinkListener.NONE);
            return new MeterSession(client).readOnce();
        } finally {
            pair.unplug();
        }
    }

    @Test
    void theDashboardFieldsComeFirstInTheFirmwaresOrder() throws Exception {
        List<String> names = readOnce(MeterProfile.DEFAULT).fields().stream().map(f -> f.name()).toList();
        assertEquals(List.of("Meter_Manufacturer", "Meter_Model", "Meter_SW_Version", "Utility_SN", "CurrentDateTime",
                "Fwd_Act_Wh", "Rev_Act_Wh", "Fwd_W", "Rev_W"), names.subList(0, 9));
        assertTrue(names.containsAll(List.of("Freq_mHz", "L1_RMS_A", "L2_RMS_A", "L3_RMS_A", "L1_RMS_V", "L2_RMS_V",
                "L3_RMS_V", "L1_Fwd_W", "L2_Fwd_W", "L3_Fwd_W", "L1_Rev_W", "L2_Rev_W", "L3_Rev_W", "Fwd_Avg_W",
                "Rev_Avg_W", "L1_Fwd_Avg_W", "L2_Fwd_Avg_W", "L3_Fwd_Avg_W", "L1_Rev_Avg_W", "L2_Rev_Avg_W",
                "L3_Rev_Avg_W", "L1_PF_Fac", "L2_PF_Fac", "L3_PF_Fac")), names.toString());
    }

    @Test
    void valuesCarryTheFirmwaresUnits() throws Exception {
        MeterReading reading = readOnce(MeterProfile.DEFAULT);
        Map<String, Object> json = reading.toJson();
        Map<String, String> units = reading.units();
        PhaseLoad l1 = MeterProfile.DEFAULT.load().phase(0);
        assertEquals("ELON", json.get("Meter_Manufacturer"));
        assertEquals("83331-3I", json.get("Meter_Model"));
        assertEquals("58.134", json.get("Meter_SW_Version"));
        assertEquals("2024-03-28T17:23:27.000Z", json.get("CurrentDateTime"));
        assertEquals(231_000, json.get("L1_RMS_V"));
        assertEquals("mV", units.get("L1_RMS_V"));
        assertEquals(l1.currentMa(), json.get("L1_RMS_A"));
        assertEquals("mA", units.get("L1_RMS_A"), "the firmware's *_RMS_A values are mA");
        assertEquals(50_012, json.get("Freq_mHz"));
        assertEquals("mHz", units.get("Freq_mHz"));
        assertEquals(1_234_567, json.get("Fwd_Act_Wh"));
        assertEquals("Wh", units.get("Fwd_Act_Wh"));
        assertEquals(850, json.get("Fwd_W"), "net: 1200 + 450 imported, 800 exported");
        assertEquals(0, json.get("Rev_W"));
        assertEquals(800, json.get("L3_Rev_W"));
        assertEquals(0, json.get("L3_Fwd_W"));
    }

    @Test
    void exportingPhasesGiveSignedNegativePowerFactors() throws Exception {
        Map<String, Object> json = readOnce(MeterProfile.DEFAULT).toJson();
        assertEquals(992, json.get("L1_PF_Fac"));
        assertEquals(-994, json.get("L3_PF_Fac"), "signed, not the firmware's unsigned 4294966302");
    }

    @Test
    void timeoutScaleIsValidated() {
        assertEquals(Duration.ofMillis(3000).plus(LineSettings.MEP.wireTime(30)).multipliedBy(1),
                ClientTimings.DEFAULT.withTurnaroundMargin(Duration.ofMillis(3000)).replyTimeout(LineSettings.MEP, 10, 20));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ClientTimings.DEFAULT.withScale(0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ClientTimings.DEFAULT.withScale(Double.NaN));
    }
}
