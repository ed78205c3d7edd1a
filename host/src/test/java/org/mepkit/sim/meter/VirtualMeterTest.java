package org.mepkit.sim.meter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mepkit.mep.frame.Request;
import org.mepkit.mep.frame.Response;
import org.mepkit.mep.frame.ResponseCode;
import org.mepkit.mep.frame.Responses;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.mep.table.Bt01Identity;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.memory.LinePair;
import org.mepkit.time.Deadline;
import org.mepkit.time.ManualTicker;
import org.mepkit.time.SystemTicker;
import org.mepkit.util.Hex;

/** The virtual meter at the byte level: what it answers to hand-built request packets. */
class VirtualMeterTest {

    static final MbkKey KEY = MbkKey.of("ABCDEFGHIJKLMNOPQRST");
    static final byte[] BT52_READ = Hex.parse("3000340200");
    static final byte[] BT01_READ = Hex.parse("3000010200");

    LinePair pair;
    SerialLine host;
    VirtualMeter meter;

    @BeforeEach
    void start() {
        pair = LinePair.create("memory:host", "memory:meter", LineSettings.MEP);
        host = pair.a();
        meter = new VirtualMeter(pair.b(), KEY, MeterProfile.DEFAULT, SystemTicker.INSTANCE,
                VirtualMeter.Pacing.UNPACED).start();
    }

    @AfterEach
    void stop() {
        meter.close();
        pair.unplug();
    }

    @Test
    void theFirstRequestDrawsA0CWithTheMetersOwnLargeSequenceNumber() throws Exception {
        Response r = exchange(new Request(BT52_READ, 0).encode(KEY));
        Response.SequenceResync resync = assertInstance(Response.SequenceResync.class, r);
        assertEquals(MeterProfile.DEFAULT.initialSequence(), resync.expectedSequence());
        assertTrue(resync.expectedSequence() > 1_000_000, "a large, meter-chosen number, not 0");
    }

    @Test
    void afterTheResyncItServesTheRequestWithTheNumberItAskedForThenWantsTheNextOne() throws Exception {
        long s = MeterProfile.DEFAULT.initialSequence();
        exchange(new Request(BT52_READ, 0).encode(KEY));
        Response.Data data = assertInstance(Response.Data.class, exchange(new Request(BT01_READ, s).encode(KEY)));
        Bt01Identity id = Bt01Identity.decode(data.tableData());
        assertEquals("ELON", id.manufacturer());
        assertEquals("83331-3I", id.model());
        assertEquals("58.134", id.firmwareVersionText());
        // the same number again is stale: 0x0C with s + 1
        Response.SequenceResync again = assertInstance(Response.SequenceResync.class,
                exchange(new Request(BT01_READ, s).encode(KEY)));
        assertEquals(s + 1, again.expectedSequence());
        assertInstance(Response.Data.class, exchange(new Request(BT01_READ, s + 1).encode(KEY)));
    }

    @Test
    void aDigestMadeWithAnotherKeyDraws0B() throws Exception {
        Response r = exchange(new Request(BT52_READ, 0).encode(MbkKey.of("WRONGKEYWRONGKEY0000")));
        assertEquals(ResponseCode.AUTHENTICATION_FAILURE, assertInstance(Response.Failure.class, r).code());
        assertEquals(1, meter.digestFailures());
    }

    @Test
    void partialReadsServeTheRequestedSliceAndRefuseOutOfRange() throws Exception {
        long s = MeterProfile.DEFAULT.initialSequence();
        exchange(new Request(BT52_READ, 0).encode(KEY));
        byte[] bt23Poll = Hex.parse("3F 00 17 000000 000D");
        Response.Data d = assertInstance(Response.Data.class, exchange(new Request(bt23Poll, s).encode(KEY)));
        assertEquals(13, d.tableData().length);
        assertArrayEquals(meter.tables().bt23Partial(), d.tableData());
        byte[] beyond = Hex.parse("3F0017000100000D"); // offset 256 of a 16-byte table
        Response.Failure f = assertInstance(Response.Failure.class, exchange(new Request(beyond, s + 1).encode(KEY)));
        assertEquals(ResponseCode.TABLE_OPERATION_NOT_POSSIBLE, f.code());
    }

    @Test
    void anAlertOnDemandIsTheTwoBytes0000() throws Exception {
        meter.sendAlert();
        assertArrayEquals(new byte[] {0, 0}, readPacket());
    }

    @Test
    void silenceFaultSwallowsTheNextReplyOnly() throws Exception {
        meter.inject(new MeterFault.Silence(1));
        host.write(new Request(BT52_READ, 0).encode(KEY));
        byte[] nothing = new byte[16];
        assertEquals(0, host.read(nothing, 0, nothing.length, Duration.ofMillis(150)));
        assertInstance(Response.SequenceResync.class, exchange(new Request(BT52_READ, 0).encode(KEY)));
    }

    @Test
    void closeStopsTheServingThread() {
        assertTrue(meter.isRunning());
        meter.close();
        assertFalse(meter.isRunning());
        assertNull(meter.failure(), "a requested stop is no failure");
    }

    @Test
    void anUnpluggedLineStopsTheMeterWithTheReason() throws Exception {
        pair.unplug();
        Deadline deadline = SystemTicker.INSTANCE.deadlineAfter(Duration.ofSeconds(2));
        while (meter.isRunning() && !deadline.expired()) SystemTicker.INSTANCE.waitFor(Duration.ofMillis(5));
        assertFalse(meter.isRunning());
        assertNotNull(meter.failure());
    }

    @Test
    void pacedRepliesTakeTurnaroundPlusWireTimeOnTheMetersClock() throws Exception {
        meter.close();
        LinePair paced = LinePair.create("memory:host2", "memory:meter2", LineSettings.MEP);
        ManualTicker clock = ManualTicker.autoAdvancing();
        try (VirtualMeter slow = new VirtualMeter(paced.b(), KEY, MeterProfile.DEFAULT, clock,
                VirtualMeter.Pacing.PACED).start()) {
            host = paced.a();
            long s = MeterProfile.DEFAULT.initialSequence();
            exchange(new Request(BT52_READ, 0).encode(KEY));                              // 0x0C, 7 bytes
            Duration afterResync = clock.elapsed();
            exchange(new Request(Hex.parse("30001C0200"), s).encode(KEY));               // BT28, 225 + 8 bytes
            Duration bt28 = clock.elapsed().minus(afterResync);
            Duration expected = MeterProfile.DEFAULT.turnaround().plus(LineSettings.MEP.wireTime(233));
            assertEquals(expected.toMillis(), bt28.toMillis(), "turnaround 20 ms + 233 bytes (trailer included) at 9600 baud = 262 ms");
        } finally {
            paced.unplug();
        }
    }

    private Response exchange(byte[] packet) throws Exception {
        host.write(packet);
        return Responses.parse(readPacket());
    }

    /** Reads one length-prefixed packet, bounded by a 2 s deadline. */
    private byte[] readPacket() throws Exception {
        Deadline deadline = SystemTicker.INSTANCE.deadlineAfter(Duration.ofSeconds(2));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[600];
        while (true) {
            byte[] sofar = got.toByteArray();
            if (sofar.length >= 2) {
                int len = ((sofar[0] & 0xFF) << 8 | (sofar[1] & 0xFF)) + 2;
                if (sofar.length >= len) return java.util.Arrays.copyOf(sofar, len);
            }
            if (deadline.expired()) fail("no complete packet within 2 s, got " + Hex.lower(sofar));
            int n = host.read(buf, 0, buf.length, deadline.remaining());
            got.write(buf, 0, n);
        }
    }

    static <T> T assertInstance(Class<T> type, Object value) {
        if (!type.isInstance(value)) fail("expected " + type.getSimpleName() + " but got " + value);
        return type.cast(value);
    }
}
