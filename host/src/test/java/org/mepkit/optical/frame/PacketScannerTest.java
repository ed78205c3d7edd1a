package org.mepkit.optical.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mepkit.optical.frame.PacketScanner.Event;
import org.mepkit.util.Hex;

/** Cutting packets, ACKs and NAKs out of a byte stream. */
class PacketScannerTest {

    final PacketScanner scanner = new PacketScanner();

    List<Event> feed(byte[] bytes, long at) {
        List<Event> events = new ArrayList<>();
        for (byte b : bytes) {
            Event e = scanner.feed(b, at);
            if (e != null) events.add(e);
        }
        return events;
    }

    @Test
    void acksNaksNoiseAndAPacketComeOutInOrder() {
        List<Event> events = feed(Hex.parse("06 15 41 ee0000000001201310 06"), 0);
        assertInstanceOf(Event.Ack.class, events.get(0));
        assertInstanceOf(Event.Nak.class, events.get(1));
        assertEquals(new Event.Noise(0x41), events.get(2));
        Event.Received r = assertInstanceOf(Event.Received.class, events.get(3));
        assertEquals("20", Hex.lower(r.packet().data()));
        assertEquals(0x1013, r.crc(), "the CRC as carried, low byte first on the wire");
        assertInstanceOf(Event.Ack.class, events.get(4));
        assertEquals(5, events.size());
    }

    @Test
    void aPacketSplitOverManyReadsIsWholeAtItsLastByte() {
        byte[] frame = Hex.parse("ee000000000330001c31c6");
        assertTrue(feed(java.util.Arrays.copyOf(frame, 5), 0).isEmpty());
        assertTrue(scanner.inPacket());
        List<Event> rest = feed(java.util.Arrays.copyOfRange(frame, 5, frame.length), 1);
        assertInstanceOf(Event.Received.class, rest.get(0));
        assertFalse(scanner.inPacket());
    }

    @Test
    void anAckByteInsideAPacketIsData() {
        byte[] frame = Packet.single(new byte[] {Packet.ACK, Packet.NAK, (byte) Packet.STP}, false).encode();
        List<Event> events = feed(frame, 0);
        assertEquals(1, events.size());
        assertEquals("0615ee", Hex.lower(((Event.Received) events.get(0)).packet().data()));
    }

    @Test
    void aBadCrcIsCorruptAndTheNextPacketStillParses() {
        byte[] bad = Hex.parse("ee0000000001201311");
        List<Event> events = feed(bad, 0);
        assertInstanceOf(Event.Corrupt.class, events.get(0));
        assertInstanceOf(Event.Received.class, feed(Hex.parse("ee0000000001201310"), 0).get(0));
    }

    @Test
    void silenceInsideAPacketLongerThanTheInterCharacterTimeoutAbandonsIt() {
        Duration interChar = Duration.ofMillis(500);
        feed(Hex.parse("ee000000"), 0);
        assertNull(scanner.expire(Duration.ofMillis(500).toNanos(), interChar), "exactly 500 ms is still in time");
        assertEquals(new Event.Abandoned(4), scanner.expire(Duration.ofMillis(501).toNanos(), interChar));
        assertFalse(scanner.inPacket());
        assertNull(scanner.expire(Duration.ofSeconds(5).toNanos(), interChar), "nothing left to abandon");
    }
}
