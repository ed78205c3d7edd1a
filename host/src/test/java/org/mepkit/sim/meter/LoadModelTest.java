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

    @Test
    void importingAndExportingPhasesAreMeteredSeparately() {
        assertEquals(1500, mixed.forwardW());
        assertEquals(2000, mixed.reverseW());
    }

    @Test
    void energyGrowsByPowerTimesTimeInWholeWh() {
        assertEquals(100 + 1500, mixed.forwardWh(Duration.ofHours(1)));
        assertEquals(10 + 2000, mixed.reverseWh(Duration.ofHours(1)));
        assertEquals(100 + 25, mixed.forwardWh(Duration.ofMinutes(1)), "1500 W for 60 s = 25 Wh");
        assertEquals(100 + 1500L * 24 * 365, mixed.forwardWh(Duration.ofDays(365)), "no overflow over a year");
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
