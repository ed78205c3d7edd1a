package org.mepkit.sim.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mepkit.mep.table.Bt01Identity;
import org.mepkit.mep.table.PresentValue;
import org.mepkit.mep.table.TableId;
import org.mepkit.time.ManualTicker;

class LoadModelTest {

    final LoadModel mixed = new LoadModel(List.of(new PhaseLoad(1000, 0, 230_000, 1000),
            new PhaseLoad(500, 0, 230_000, 1000), new PhaseLoad(-2000, 0, 230_000, -1000)), 100, 10, 50_000);

    final LoadModel importing = new LoadModel(List.of(new PhaseLoad(1000, 0, 230_000, 1000),
            new PhaseLoad(500, 0, 230_000, 1000), new PhaseLoad(-300, 0, 230_000, -1000)), 100, 10, 50_000);

    @Test
    void totalsAreNetOverThePhasesAsOnARealMeter() {
        assertEquals(-500, mixed.netW());
        assertEquals(0, mixed.forwardW(), "1500 W imported on L1+L2, 2000 W exported on L3: the meter exports 500 W");
        assertEquals(500, mixed.reverseW());
        assertEquals(1200, importing.forwardW());
        assertEquals(0, importing.reverseW());
    }

    @Test
    void aPhaseThatExportsShowsZeroForwardAndItsExportAsReverse() {
        PhaseLoad l3 = mixed.phase(2);
        assertEquals(0, l3.importW());
        assertEquals(2000, l3.exportW());
        assertEquals(1000, mixed.phase(0).importW());
        assertEquals(0, mixed.phase(0).exportW());
    }

    @Test
    void energyGrowsByTheNetPowerTimesTimeInWholeWh() {
        assertEquals(100, mixed.forwardWh(Duration.ofHours(1)), "netting to export: forward energy stands still");
        assertEquals(10 + 500, mixed.reverseWh(Duration.ofHours(1)));
        assertEquals(100 + 1200, importing.forwardWh(Duration.ofHours(1)));
        assertEquals(10, importing.reverseWh(Duration.ofHours(1)));
        assertEquals(100 + 20, importing.forwardWh(Duration.ofMinutes(1)), "1200 W for 60 s = 20 Wh");
        assertEquals(100 + 1200L * 24 * 365, importing.forwardWh(Duration.ofDays(365)), "no overflow over a year");
    }

    @Test
    void thePresentValuesBalanceLikeARealMetersTotalsEqualTheNetOfThePhases() {
        MeterTables tables = new MeterTables(MeterProfile.DEFAULT, new ManualTicker());
        var v = tables.presentValues();
        long phaseNet = 0;
        for (PresentValue[] fr : new PresentValue[][] {{PresentValue.L1_FWD_W, PresentValue.L1_REV_W},
                {PresentValue.L2_FWD_W, PresentValue.L2_REV_W}, {PresentValue.L3_FWD_W, PresentValue.L3_REV_W}}) {
            int fwd = v.value(fr[0]);
            int rev = v.value(fr[1]);
            assertEquals(0, Math.min(fwd, rev), "a phase shows forward or reverse, never both");
            phaseNet += fwd - rev;
        }
        assertEquals(phaseNet, v.value(PresentValue.FWD_W) - v.value(PresentValue.REV_W), "totals = net of the phases");
        assertEquals(0, Math.min(v.value(PresentValue.FWD_W), v.value(PresentValue.REV_W)), "totals are net: one of them is 0");
        assertEquals(850, v.value(PresentValue.FWD_W));
    }

    @Test
    void currentFollowsApparentPowerOverVoltage() {
        assertEquals(4348, new PhaseLoad(1000, 0, 230_000, 1000).currentMa());
        assertEquals(4348, new PhaseLoad(-1000, 0, 230_000, -1000).currentMa(), "export draws current too");
    }

    @Test
    void nonsenseLoadsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PhaseLoad(1, 0, 0, 1000));
        assertThrows(IllegalArgumentException.class, () -> new PhaseLoad(1, 0, 230_000, 1001));
        assertThrows(IllegalArgumentException.class, () -> new LoadModel(List.of(), 0, 0, 50_000));
    }

    @Test
    void theDefaultProfileIsTheElon83331WithFirmware58Point134() {
        ManualTicker clock = new ManualTicker();
        MeterTables tables = new MeterTables(MeterProfile.DEFAULT, clock);
        Bt01Identity id = Bt01Identity.decode(tables.table(TableId.BT01));
        assertEquals("ELON", id.manufacturer());
        assertEquals("83331-3I", id.model());
        assertEquals(58, id.firmwareVersion());
        assertEquals(134, id.firmwareRevision());
        int fwdBefore = tables.energy().forwardActiveWh();
        clock.advance(Duration.ofMinutes(30));
        assertEquals(fwdBefore + MeterProfile.DEFAULT.load().forwardW() / 2, tables.energy().forwardActiveWh());
        assertEquals(-994, tables.presentValues().value(PresentValue.L3_PF));
    }

    @Test
    void profilesAreFoundByNameAndUnknownNamesListTheKnownOnes() {
        assertEquals(MeterProfile.EXPORT, MeterProfile.named("export"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeterProfile.named("nope"));
        assertEquals("unknown meter profile 'nope' (known: default, export, import)", e.getMessage());
    }
}
