package org.mepkit.mep.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mepkit.mep.table.TableId;
import org.mepkit.util.Hex;

class CommandTest {

    /** The fixed bodies the firmware sends (mep-protocol.md §3) and what they parse to. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "3000340200, full read BT52 (max reply 512)",
            "3000010200, full read BT01 (max reply 512)",
            "3000150200, full read BT21 (max reply 512)",
            "3008030200, full read ET03 (max reply 512)",
            "30080b0200, full read ET11 (max reply 512)",
            "30080d0200, full read ET13 (max reply 512)",
            "3008320200, full read ET50 (max reply 512)",
            "3f0017000000000d, partial read BT23 offset 0 count 13",
            "30001c0200, full read BT28 (max reply 512)",
            "3f080b0000010001, partial read ET11 offset 1 count 1",
            "3f080d0001100001, partial read ET13 offset 272 count 1",
            "3f083200001e0001, partial read ET50 offset 30 count 1",
            "400007000d27080504010600010203040506, 'procedure call 0x0827 (BT07 write), proc-seq 5, 10 parameter byte(s)'",
            "3000080200, full read BT08 (max reply 512)",
            "30083a0200, full read ET58 (max reply 512)",
            "300034, full read BT52 (no max reply length)"})
    void parsesTheFirmwareBodiesAndRebuildsThemExactly(String hex, String description) {
        Command c = Command.parse(Hex.parse(hex));
        assertEquals(description, c.describe());
        assertEquals(hex, Hex.lower(c.body()));
    }

    @Test
    void factoriesBuildTheFirmwareBodies() {
        assertEquals("3000340200", Hex.lower(Command.fullRead(TableId.BT52).body()));
        assertEquals("3f0017000000000d", Hex.lower(Command.partialRead(TableId.BT23, 0, 13).body()));
        assertEquals("3f080d0001100001", Hex.lower(Command.partialRead(TableId.ET13, 4 * 66 + 8, 1).body()));
        assertEquals("400007000d27080504010600010203040506",
                Hex.lower(Command.procedureCall(0x0827, 5, ProcedureCall.EP39_FIRMWARE_PARAMS).body()));
        assertEquals("40003400020102", Hex.lower(Command.fullWrite(TableId.BT52, new byte[] {1, 2}).body()));
    }

    @Test
    void aBt07WriteIsReadBackAsAProcedureCall() {
        var write = assertInstanceOf(Command.FullWrite.class, Command.parse(Hex.parse("400007000d27080504010600010203040506")));
        ProcedureCall call = write.procedureCall().orElseThrow();
        assertEquals(0x0827, call.procedureNumber());
        assertEquals(5, call.procSeq());
        assertArrayEquals(ProcedureCall.EP39_FIRMWARE_PARAMS, call.params());
        assertTrue(((Command.FullWrite) Command.fullWrite(TableId.BT52, new byte[3])).procedureCall().isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"''", "30", "30003402", "300034020000", "3f00170000000d", "40000700050102", "4f0017000000000101", "99"})
    void anythingElseIsUnknownAndKeptAsIs(String hex) {
        Command c = Command.parse(Hex.parse(hex));
        assertInstanceOf(Command.Unknown.class, c);
        assertEquals(hex, Hex.lower(c.body()));
    }

    @Test
    void operandsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Command.partialRead(TableId.BT23, 0x100_0000, 1));
        assertThrows(IllegalArgumentException.class, () -> Command.partialRead(TableId.BT23, 0, 0x1_0000));
        assertThrows(IllegalArgumentException.class, () -> new Command.FullRead(TableId.BT23, 0x1_0000));
        assertThrows(IllegalArgumentException.class, () -> Command.procedureCall(0x1_0000, 5, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> Command.procedureCall(0x0827, 256, new byte[0]));
    }
}
