package org.mepkit.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mepkit.cli.command.EncodeCommandTest.assertNoKey;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mepkit.cli.ExitCodes;
import org.mepkit.mep.frame.Responses;
import org.mepkit.mep.table.Bt28PresentValues;
import org.mepkit.mep.table.PresentValue;
import org.mepkit.util.Hex;

class DecodeCommandTest {

    static final String KEY = "mK7#pQ2v9LxT4wZb8NcR";
    static final String EP39 = "001e400007000d270805040106000102030405060000002a0f62fd2947fd942f";
    static final String NL = System.lineSeparator();

    @Test
    void explainsARequestAndChecksItsDigest() {
        CliRun r = CliRun.run("decode", "--key", KEY, EP39);
        assertEquals(0, r.exit(), r.err());
        assertEquals(String.join(NL,
                "request",
                "  size: 32 bytes",
                "  length: 30 bytes",
                "  body_hex: 400007000d27080504010600010203040506",
                "  command: procedure call 0x0827 (BT07 write), proc-seq 5, 10 parameter byte(s)",
                "  table: BT07",
                "  data_hex: 27080504010600010203040506",
                "  procedure: 0x0827",
                "  procedure_sequence: 5",
                "  parameters_hex: 04010600010203040506",
                "  sequence: 42",
                "  digest_hex: 0f62fd2947fd942f",
                "  digest_check: ok", ""), r.out());
        assertEquals("", r.err());
        assertNoKey(r, KEY);
    }

    @Test
    void aDigestMismatchIsReportedWithExitOne() {
        String other = "ABCDEFGHIJKLMNOPQRST";
        CliRun r = CliRun.run(Map.of("MEP_KEY", other), "decode", EP39);
        assertEquals(ExitCodes.VERDICT_FAILED, r.exit());
        assertTrue(r.out().contains("  digest_check: MISMATCH" + NL), r.out());
        assertEquals("mep: the request's digest does not match the given key", r.err().strip());
        assertNoKey(r, other);
    }

    @Test
    void withoutAKeyTheDigestIsNotChecked() {
        CliRun r = CliRun.run("decode", "00113000340200000000 00cb6a08ffa57a7c18");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("  command: full read BT52 (max reply 512)" + NL));
        assertTrue(r.out().contains("  digest_check: not checked (no key given)" + NL));
    }

    @Test
    void decodesAResponseTableAsText() {
        CliRun r = CliRun.run("decode", "--table", "bt52", "000a00000718031c11171b04");
        assertEquals(0, r.exit(), r.err());
        assertEquals(String.join(NL,
                "response",
                "  size: 12 bytes",
                "  length: 10 bytes",
                "  code: 0x00",
                "  code_name: OK",
                "  code_description: successful response",
                "  count: 7 bytes",
                "  data_hex: 18031c11171b04",
                "table BT52",
                "  date_time: 2024-03-28 17:23:27",
                "  valid: true",
                "  day_of_week: THURSDAY",
                "  dst_in_effect: false",
                "  gmt: false",
                "  time_zone_applied: false",
                "  dst_applied: false",
                "  flags: 0x04", ""), r.out());
    }

    @Test
    void decodesPresentValuesAsJsonWithSignedValuesAndUnits() throws Exception {
        Bt28PresentValues v = Bt28PresentValues.of(Map.of(PresentValue.L1_PF, -950, PresentValue.L1_RMS_V, 230125,
                PresentValue.FWD_W, 1500));
        String hex = Hex.lower(Responses.data(v.encode()));
        CliRun r = CliRun.run("decode", "--key", KEY, "--table", "0x001C", "--json", hex);
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("response", json.get("kind").asText());
        assertEquals("0x00", json.get("code").asText());
        assertEquals(220, json.get("count").asInt());
        assertEquals("BT28", json.get("table").asText());
        assertEquals(-950, json.get("values").get("l1_pf_fac").asInt(), "a negative power factor stays negative");
        assertEquals(230125, json.get("values").get("l1_rms_v").asInt());
        assertEquals("mV", json.get("units").get("l1_rms_v").asText());
        assertEquals("W", json.get("units").get("fwd_w").asText());
        assertEquals(55, json.get("values").size());
        assertEquals(1, r.out().strip().lines().count(), "one JSON object on one line");
        assertNoKey(r, KEY);
    }

    @Test
    void explainsResyncRefusalAndAlert() {
        CliRun resync = CliRun.run("decode", "00050c1f2e3d4c");
        assertTrue(resync.out().contains("  code_name: INVALID_SEQUENCE" + NL + "  code_description: invalid sequence number" + NL
                + "  expected_sequence: 523124044" + NL), resync.out());
        CliRun refused = CliRun.run("decode", "--json", "00010b");
        assertTrue(refused.out().contains("\"code\":\"0x0B\",\"code_name\":\"AUTHENTICATION_FAILURE\""), refused.out());
        CliRun alert = CliRun.run("decode", "0000");
        assertEquals("response" + NL + "  size: 2 bytes" + NL + "  length: 0 bytes" + NL + "  type: alert (0x0000)" + NL, alert.out());
        CliRun hint = CliRun.run("decode", "000a00000718031c11171b04");
        assertTrue(hint.out().endsWith("  (give --table ID (e.g. BT28) to decode the table data)" + NL), hint.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(value = {
            "bad hex|decode,00x1|3|mep: invalid hex: 'x' at position 3",
            "odd length|decode,001|3|mep: invalid hex: odd number of digits (3)",
            "oversize length|decode,ffff0000|3|mep: response length field 0xFFFF (65535) is oversize: at most 511 bytes per packet are accepted",
            "oversize request|decode,--as,request,0300300034|3|mep: request length field 0x0300 (768) is oversize: the firmware buffer holds 512 bytes",
            "truncated response|decode,000a000007180311|3|mep: response truncated: the length field says 12 bytes, only 8 given",
            "truncated request|decode,0011300034020000000000cb6a08|3|mep: request truncated: the length field says 19 bytes, only 14 given",
            "count over data|decode,--table,BT52,0005000009aabb|3|mep: read reply truncated: count field says 9 data bytes, only 2 follow",
            "unknown table|decode,--table,BT99,000100|3|mep: no decoder for table BT99 (0x0063)",
            "short table data|decode,--table,BT52,0006000003010203|3|mep: BT52 data has 3 byte(s), at least 7 are needed",
            "not a table id|decode,--table,XY12,000100|2|mep: --table: not a table id: 'XY12' (use BT28, ET11, 0x001C or 28)",
            "table for a request|decode,--as,request,--table,BT52,0000|2|mep: --table applies to responses only",
            "over-long key|decode,--key,ThisKeyIsWayTooLong123,0000|3|mep: the MBK key has 22 characters; at most 20 are allowed (from --key)",
            "empty key|decode,--key=,0000|3|mep: the MBK key is empty (from --key)"}, delimiter = '|')
    void badInputGivesOneLineAndTheRightExitCode(String what, String args, int exit, String message) {
        CliRun r = CliRun.run(args.split(","));
        assertEquals(exit, r.exit(), what + ": " + r.err());
        assertEquals(message, r.err().strip(), what);
        assertTrue(r.oneLineError(), what);
        assertEquals("", r.out(), what);
        assertNoKey(r, "ThisKeyIsWayTooLong123");
    }
}
