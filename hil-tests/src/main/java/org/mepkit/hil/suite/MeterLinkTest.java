package org.mepkit.hil.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mepkit.bench.BenchExtension;
import org.mepkit.bench.BenchMeter;
import org.mepkit.bench.BenchSession;

@Tag("meter-link")
@DisplayName("meter link")
@ExtendWith(BenchExtension.class)
class MeterLinkTest {

    @Test
    @DisplayName("the first request is the BT52 read with sequence 0 and a valid digest for the provisioned key")
    void firstRequestDigest(BenchSession s) throws Exception {
        s.boot();
        BenchMeter.Seen first = s.awaitRequests(1, BenchSession.BOOT_TO_FIRST_REQUEST_MS).get(0);
        assertTrue(first.digestOk(), "digest of the first request does not match the provisioned key");
        assertEquals(0, first.sequence());
        assertArrayEquals(new byte[] {0x30, 0x00, 0x34, 0x02, 0x00}, first.body());
    }

    @Test
    @DisplayName("0x0C resync: the board adopts the meter's sequence number and resends BT52")
    void resync(BenchSession s) throws Exception {
        s.boot(new BenchMeter(s.bench().provisionedKey(), org.mepkit.bench.MeterValues.sample(), 0x1F2E3D4CL));
        List<BenchMeter.Seen> seen = s.awaitRequests(3, 10_000);
        assertEquals(0x0C, seen.get(0).replyCode());
        assertEquals(BenchMeter.BT52, seen.get(1).table());
        assertEquals(0x1F2E3D4CL, seen.get(1).sequence());
        assertEquals(0x1F2E3D4DL, seen.get(2).sequence(), "numbers count up from the adopted one");
        assertTrue(seen.stream().allMatch(BenchMeter.Seen::digestOk));
    }

    @Test
    @DisplayName("start-up order: BT52, BT01, BT21, ET03, ET11, ET13, ET50, then BT23 partial and BT28")
    void startUpOrder(BenchSession s) throws Exception {
        s.boot();
        List<Integer> tables = s.awaitRequests(10, 20_000).stream().limit(10).map(BenchMeter.Seen::table).toList();
        assertEquals(List.of(BenchMeter.BT52, BenchMeter.BT52, BenchMeter.BT01, BenchMeter.BT21, BenchMeter.ET03,
                BenchMeter.ET11, BenchMeter.ET13, BenchMeter.ET50, BenchMeter.BT23, BenchMeter.BT28), tables);
    }

    @Test
    @DisplayName("polling: BT23 partial + BT28 every 2–3 s of board time")
    void polling(BenchSession s) throws Exception {
        s.boot();
        List<BenchMeter.Seen> seen = s.awaitRequests(16, 40_000);
        List<BenchMeter.Seen> bt23 = seen.stream().skip(8).filter(r -> r.table() == BenchMeter.BT23).toList();
        assertTrue(bt23.size() >= 3, "BT23 polls: " + bt23.size());
        assertTrue(bt23.stream().allMatch(r -> r.command() == 0x3F), "BT23 is polled with a partial read");
        for (int i = 1; i < bt23.size(); i++) {
            long gap = bt23.get(i).atMillis() - bt23.get(i - 1).atMillis();
            assertTrue(gap >= 1_800 && gap <= 3_500, "poll period " + gap + " ms board time");
        }
    }
}
