package org.mepkit.optical.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mepkit.mep.table.TableId;
import org.mepkit.optical.OpticalKey;
import org.mepkit.optical.service.ServiceRequest;
import org.mepkit.util.Hex;

/** The C12.18 packet codec against the reference's golden vectors (optical-mqtt-remote.md A.1, A.2). */
class PacketTest {

    @Test
    void crcIsX25WithTheStandardCheckValue() {
        assertEquals(0x906E, Crc16X25.of("123456789".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void crcMatchesTheElsterIdentDumpOfTheIndependentCrossCheck() {
        byte[] frame = Packet.single(new byte[] {0x20}, false).encode();
        frame[1] = 0x01;   // identity 1, as in that dump
        int crc = Crc16X25.of(frame, 0, frame.length - 2);
        assertEquals("3814", String.format("%02x%02x", crc & 0xFF, crc >>> 8), "stored low byte first: ... 38 14");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ident ctl 00,               00, 20,                                             ee00000000012013 10",
            "ident ctl 20,               20, 20,                                             ee002000000120 8270",
            "negotiate 64/2/9600 ctl 20, 20, 6100400206,                                     ee002000000561 00400206 24e2",
            "logon 0000 id 0 ctl 00,     00, 50000030303030202020202020,                     ee000000000d50 000030303030202020202020 7635",
            "full read BT23 ctl 00,      00, 300017,                                         ee000000000330 0017 e278",
            "full read BT28 ctl 00,      00, 30001c,                                         ee000000000330 001c 31c6",
            "partial read BT28 0/40,     00, 3f001c0000000028,                               ee00000000083f 001c0000000028 94d5",
            "logoff ctl 00,              00, 52,                                             ee000000000152 8640",
            "terminate ctl 00,           00, 21,                                             ee000000000121 9a01",
            "response ok ctl 00,         00, 00,                                             ee000000000100 1131",
            "response ok ctl 20,         20, 00,                                             ee002000000100 8051",
    })
    void encodesTheGoldenVectors(String what, String control, String data, String frame) {
        Packet p = new Packet(0, Integer.parseInt(control, 16), 0, Hex.parse(data));
        assertEquals(frame.replace(" ", ""), Hex.lower(p.encode()), what);
        assertEquals(p, Packet.decode(Hex.parse(frame)), what + " decodes back");
    }

    @Test
    void securityWithTwentyBytesIsTheGoldenVector() {
        byte[] pw = new byte[20];
        for (int i = 0; i < 20; i++) pw[i] = (byte) (i + 1);
        byte[] frame = Packet.single(new ServiceRequest.Security(pw).encode(), true).encode();
        assertEquals("ee002000001551" + Hex.lower(pw) + "8627", Hex.lower(frame), "ee 00 20 00 00 15 51 01 02 … 13 14 86 27");
        assertArrayEquals(pw, ServiceRequest.Security.of(OpticalKey.ofBytes(pw)).password());
    }

    @Test
    void theServiceRequestsBuildTheGoldenDataBytes() {
        assertEquals("20", Hex.lower(new ServiceRequest.Ident().encode()));
        assertEquals("6100400206", Hex.lower(new ServiceRequest.Negotiate(64, 2, List.of(6)).encode()));
        assertEquals("50000030303030202020202020", Hex.lower(new ServiceRequest.Logon(0, "0000").encode()));
        assertEquals("300017", Hex.lower(new ServiceRequest.FullRead(TableId.BT23).encode()));
        assertEquals("3f001c0000000028", Hex.lower(new ServiceRequest.PartialRead(TableId.BT28, 0, 40).encode()));
        assertEquals("52", Hex.lower(new ServiceRequest.Logoff().encode()));
        assertEquals("21", Hex.lower(new ServiceRequest.Terminate().encode()));
        assertEquals("700a", Hex.lower(new ServiceRequest.Wait(10).encode()));
        assertEquals(6, ServiceRequest.Negotiate.baudCode(9600));
        assertEquals(1, ServiceRequest.Negotiate.baudCode(300));
        assertEquals(null, ServiceRequest.Negotiate.baudCode(115200));
    }

    @Test
    void controlBitsAndSequenceAreReadBack() {
        Packet first = new Packet(0, 0xC0, 1, new byte[] {1, 2});
        assertTrue(first.multiPacket());
        assertTrue(first.firstPacket());
        assertFalse(first.toggle());
        Packet second = Packet.decode(new Packet(0, 0xA0, 0, new byte[] {3}).encode());
        assertTrue(second.multiPacket());
        assertFalse(second.firstPacket());
        assertTrue(second.toggle());
        assertEquals(0, second.sequence());
    }

    @Test
    void aBadCrcAWrongStartAndAWrongLengthAreRefused() {
        byte[] good = Hex.parse("ee0000000001201310");
        byte[] badCrc = good.clone();
        badCrc[8] ^= 1;
        assertTrue(assertThrows(BadPacketException.class, () -> Packet.decode(badCrc)).getMessage().contains("CRC"));
        byte[] badStart = good.clone();
        badStart[0] = 0x55;
        assertThrows(BadPacketException.class, () -> Packet.decode(badStart));
        assertThrows(BadPacketException.class, () -> Packet.decode(Hex.parse("ee000000000220")));
        assertThrows(BadPacketException.class, () -> Packet.decode(new byte[3]));
    }

    @Test
    void theTableChecksumMakesTheSumZero() {
        byte[] data = {1, 2, 3};
        assertEquals(0xFA, TableChecksum.of(data), "((sum - 1) & 0xff) ^ 0xff");
        assertEquals(0, TableChecksum.of(new byte[0]));
        byte[] any = Hex.parse("ffee0102a0");
        int sum = TableChecksum.of(any);
        for (byte b : any) sum += b & 0xFF;
        assertEquals(0, sum & 0xFF);
        assertEquals(((0xff + 0xee + 1 + 2 + 0xa0 - 1) & 0xff) ^ 0xff, TableChecksum.of(any), "termineter's formula");
    }
}
