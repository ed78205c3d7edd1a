package org.mepkit.mep.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepkit.util.Hex;

/** Property tests over seeded random streams; every message names the seed. */
class DeframerTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void backToBackPacketsInRandomSplitsComeOutExactly(long seed) {
        Random random = new Random(seed);
        List<byte[]> packets = randomPackets(random, 1 + random.nextInt(8), Deframer.DEFAULT_MAX_PACKET_LENGTH);
        List<DeframerEvent> events = feedInRandomSplits(new Deframer(), concat(packets), random);
        assertEquals(packetEvents(packets), merged(events), "seed " + seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void garbageWithAbsurdLengthsBeforeAndBetweenPacketsIsDroppedAndNothingElse(long seed) {
        Random random = new Random(seed);
        List<byte[]> packets = randomPackets(random, 1 + random.nextInt(6), Deframer.DEFAULT_MAX_PACKET_LENGTH);
        List<DeframerEvent> expected = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (byte[] p : packets) {
            if (random.nextBoolean()) {
                // first bytes 0x02..0xFF: any length field starting there exceeds 511
                byte[] g = new byte[1 + random.nextInt(40)];
                for (int i = 0; i < g.length; i++) g[i] = (byte) (2 + random.nextInt(254));
                stream.writeBytes(g);
                expected.add(new DeframerEvent.Garbage(g, "absurd length field, resynchronised"));
            }
            stream.writeBytes(p);
            expected.add(new DeframerEvent.Packet(p));
        }
        Deframer deframer = new Deframer();
        assertEquals(expected, merged(feedInRandomSplits(deframer, stream.toByteArray(), random)), "seed " + seed);
        assertFalse(deframer.hasPartial(), "seed " + seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anyGarbageFollowedByIdleLeavesTheStreamInSyncForLaterPackets(long seed) {
        Random random = new Random(seed);
        Deframer deframer = new Deframer();
        byte[] garbage = new byte[random.nextInt(600)];
        random.nextBytes(garbage);
        List<DeframerEvent> first = new ArrayList<>(feedInRandomSplits(deframer, garbage, random));
        first.addAll(deframer.flushPartial());
        assertFalse(deframer.hasPartial(), "seed " + seed);
        assertEquals(garbage.length, byteCount(first), "every garbage byte comes out once, seed " + seed);

        List<byte[]> packets = randomPackets(random, 1 + random.nextInt(5), Deframer.DEFAULT_MAX_PACKET_LENGTH);
        assertEquals(packetEvents(packets), merged(feedInRandomSplits(deframer, concat(packets), random)), "seed " + seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomBytesAreConservedAndEveryPacketIsConsistent(long seed) {
        Random random = new Random(seed);
        int max = 2 + random.nextInt(600);
        Deframer deframer = new Deframer(max);
        byte[] noise = new byte[random.nextInt(3000)];
        random.nextBytes(noise);
        List<DeframerEvent> events = new ArrayList<>(feedInRandomSplits(deframer, noise, random));
        events.addAll(deframer.flushPartial());
        assertEquals(noise.length, byteCount(events), "seed " + seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (DeframerEvent e : events) {
            if (e instanceof DeframerEvent.Packet p) {
                byte[] b = p.bytes();
                assertTrue(b.length >= 2 && b.length <= max, "packet size within 2.." + max + ", seed " + seed);
                assertEquals(b.length - 2, Wire.u16be(b, 0), "length field matches, seed " + seed);
                out.writeBytes(b);
            } else {
                out.writeBytes(((DeframerEvent.Garbage) e).dropped());
            }
        }
        assertEquals(Hex.lower(noise), Hex.lower(out.toByteArray()), "stream order kept, seed " + seed);
    }

    @Test
    void anAbsurdLengthFieldIsDroppedByteByByteUntilAPacketStarts() {
        Deframer deframer = new Deframer();
        List<DeframerEvent> events = deframer.feed(Hex.parse("ffff 000100 0000"));
        assertEquals(List.of(new DeframerEvent.Garbage(Hex.parse("ffff"), "absurd length field, resynchronised"),
                new DeframerEvent.Packet(Hex.parse("000100")), new DeframerEvent.Packet(Hex.parse("0000"))), events);
    }

    @Test
    void theAlertIsATwoBytePacketEvenBetweenSplitHalvesOfAReply() {
        Deframer deframer = new Deframer();
        assertEquals(List.of(new DeframerEvent.Packet(Hex.parse("0000"))), deframer.feed(Hex.parse("0000 000a 00")));
        assertTrue(deframer.hasPartial());
        assertEquals(3, deframer.pending());
        assertEquals(List.of(new DeframerEvent.Packet(Hex.parse("000a00000718031c11171b04"))),
                deframer.feed(Hex.parse("000718031c11171b04")));
        assertFalse(deframer.hasPartial());
    }

    @Test
    void anIncompletePacketIsHeldUntilTheCallerFlushesAfterIdle() {
        Deframer deframer = new Deframer();
        assertEquals(List.of(), deframer.feed(Hex.parse("00110000")));
        assertTrue(deframer.hasPartial());
        assertEquals(List.of(new DeframerEvent.Garbage(Hex.parse("00110000"), "incomplete packet, line went idle")),
                deframer.flushPartial());
        assertFalse(deframer.hasPartial());
        assertEquals(List.of(), deframer.flushPartial());
    }

    @Test
    void theMaximumIsConfigurable() {
        byte[] p512 = Responses.data(new byte[507]);
        assertEquals(512, p512.length);
        assertEquals(List.of(new DeframerEvent.Packet(p512)), new Deframer(512).feed(p512));
        Deframer strict = new Deframer();
        List<DeframerEvent> events = new ArrayList<>(strict.feed(p512));
        events.addAll(strict.flushPartial());
        assertTrue(events.stream().noneMatch(e -> e instanceof DeframerEvent.Packet p && p.bytes().length == 512),
                "a 512-byte packet is over the firmware's limit");
        assertEquals(512, byteCount(events));
        assertThrows(IllegalArgumentException.class, () -> new Deframer(1));
    }

    // --- generators and helpers

    static List<byte[]> randomPackets(Random random, int count, int max) {
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(4);
            int total = kind == 0 ? 2 : 3 + random.nextInt(max - 2);
            byte[] p = new byte[total];
            random.nextBytes(p);
            Wire.putU16be(p, 0, total - 2);
            packets.add(p);
        }
        return packets;
    }

    static List<DeframerEvent> feedInRandomSplits(Deframer deframer, byte[] stream, Random random) {
        List<DeframerEvent> events = new ArrayList<>();
        int pos = 0;
        while (pos < stream.length) {
            int n = random.nextInt(4) == 0 ? 1 : 1 + random.nextInt(Math.min(300, stream.length - pos));
            n = Math.min(n, stream.length - pos);
            events.addAll(deframer.feed(stream, pos, n));
            pos += n;
        }
        return events;
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    static List<DeframerEvent> packetEvents(List<byte[]> packets) {
        return packets.stream().<DeframerEvent>map(DeframerEvent.Packet::new).toList();
    }

    /** Consecutive garbage events joined: how a split feed reports garbage is not part of the contract. */
    static List<DeframerEvent> merged(List<DeframerEvent> events) {
        List<DeframerEvent> out = new ArrayList<>();
        for (DeframerEvent e : events) {
            int last = out.size() - 1;
            if (e instanceof DeframerEvent.Garbage g && last >= 0 && out.get(last) instanceof DeframerEvent.Garbage prev
                    && prev.reason().equals(g.reason())) {
                out.set(last, new DeframerEvent.Garbage(concat(List.of(prev.dropped(), g.dropped())), g.reason()));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    static int byteCount(List<DeframerEvent> events) {
        int n = 0;
        for (DeframerEvent e : events) {
            n += e instanceof DeframerEvent.Packet p ? p.bytes().length : ((DeframerEvent.Garbage) e).dropped().length;
        }
        return n;
    }
}
