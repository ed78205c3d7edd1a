package org.mepkit.optical.service;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.mepkit.mep.table.TableId;
import org.mepkit.optical.OpticalKey;
import org.mepkit.optical.frame.Packet;
import org.mepkit.optical.frame.TableChecksum;
import org.mepkit.util.Hex;

/**
 * The C12.18 services as request bytes (the data of the request packet), built by the client and
 * parsed by the virtual meter (reference optical-mqtt-remote.md A.3). Table ids, offsets and counts
 * are big-endian.
 */
public sealed interface ServiceRequest {

    int IDENT = 0x20;
    int TERMINATE = 0x21;
    int FULL_READ = 0x30;
    int PARTIAL_READ = 0x3F;
    int FULL_WRITE = 0x40;
    int PARTIAL_WRITE = 0x4F;
    int LOGON = 0x50;
    int SECURITY = 0x51;
    int LOGOFF = 0x52;
    int NEGOTIATE = 0x60;
    int WAIT = 0x70;

    /** The request data. */
    byte[] encode();

    /** e.g. "full read BT23", for messages; never shows a password. */
    String describe();

    /** {@code 20}. */
    record Ident() implements ServiceRequest {
        @Override public byte[] encode() { return new byte[] {IDENT}; }
        @Override public String describe() { return "ident"; }
    }

    /** {@code 21}: back to the base state. */
    record Terminate() implements ServiceRequest {
        @Override public byte[] encode() { return new byte[] {TERMINATE}; }
        @Override public String describe() { return "terminate"; }
    }

    /**
     * {@code 60 | packet size (2) | packets (1)}, or {@code 61 | ... | baud code} with one baud rate.
     *
     * @param baudCodes 0 or 1.. 11 baud codes (300:1, 600:2, 1200:3, 2400:4, 4800:5, 9600:6, 14400:7, 19200:8, 28800:9, 57600:10)
     */
    record Negotiate(int packetSize, int packets, List<Integer> baudCodes) implements ServiceRequest {
        public Negotiate {
            if (packetSize <= Packet.OVERHEAD || packetSize > 0xFFFF) {
                throw new IllegalArgumentException("packet size must be " + (Packet.OVERHEAD + 1) + "..65535, not " + packetSize);
            }
            if (packets < 1 || packets > 0xFF) throw new IllegalArgumentException("packet count must be 1..255, not " + packets);
            baudCodes = List.copyOf(baudCodes);
            if (baudCodes.size() > 11) throw new IllegalArgumentException("at most 11 baud codes");
        }

        @Override
        public byte[] encode() {
            byte[] b = new byte[4 + baudCodes.size()];
            b[0] = (byte) (NEGOTIATE + baudCodes.size());
            b[1] = (byte) (packetSize >>> 8);
            b[2] = (byte) packetSize;
            b[3] = (byte) packets;
            for (int i = 0; i < baudCodes.size(); i++) b[4 + i] = (byte) (int) baudCodes.get(i);
            return b;
        }

        @Override
        public String describe() {
            return "negotiate (packet size " + packetSize + ", " + packets + " packet(s))";
        }

        /** The C12.18 baud code of {@code baud} (9600 is 6), or null for a speed without one. */
        public static Integer baudCode(int baud) {
            int[] rates = {300, 600, 1200, 2400, 4800, 9600, 14400, 19200, 28800, 57600};
            for (int i = 0; i < rates.length; i++) if (rates[i] == baud) return i + 1;
            return null;
        }
    }

    /** {@code 50 | user id (2) | user name (10, space padded)}. */
    record Logon(int userId, String user) implements ServiceRequest {
        public static final int USER_LENGTH = 10;

        public Logon {
            if (userId < 0 || userId > 0xFFFF) throw new IllegalArgumentException("user id must be 0..65535, not " + userId);
            if (user == null || user.length() > USER_LENGTH) throw new IllegalArgumentException("user name must be at most 10 characters");
            for (int i = 0; i < user.length(); i++) {
                if (user.charAt(i) < 0x20 || user.charAt(i) > 0x7E) throw new IllegalArgumentException("user name must be printable ASCII");
            }
        }

        @Override
        public byte[] encode() {
            byte[] b = new byte[3 + USER_LENGTH];
            b[0] = LOGON;
            b[1] = (byte) (userId >>> 8);
            b[2] = (byte) userId;
            byte[] name = user.getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < USER_LENGTH; i++) b[3 + i] = i < name.length ? name[i] : (byte) ' ';
            return b;
        }

        @Override
        public String describe() {
            return "logon";
        }
    }

    /** {@code 51 | password (20)}. */
    record Security(byte[] password) implements ServiceRequest {
        public Security {
            if (password.length != OpticalKey.LENGTH) throw new IllegalArgumentException("the security password has 20 bytes");
            password = password.clone();
        }

        public static Security of(OpticalKey key) {
            return new Security(key.password());
        }

        @Override
        public byte[] password() {
            return password.clone();
        }

        @Override
        public byte[] encode() {
            byte[] b = new byte[1 + password.length];
            b[0] = SECURITY;
            System.arraycopy(password, 0, b, 1, password.length);
            return b;
        }

        @Override
        public String describe() {
            return "security";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Security s && Arrays.equals(password, s.password);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(password);
        }

        @Override
        public String toString() {
            return "Security[password redacted]";
        }
    }

    /** {@code 52}. */
    record Logoff() implements ServiceRequest {
        @Override public byte[] encode() { return new byte[] {LOGOFF}; }
        @Override public String describe() { return "logoff"; }
    }

    /** {@code 30 | table (2)}. */
    record FullRead(TableId table) implements ServiceRequest {
        @Override
        public byte[] encode() {
            return new byte[] {FULL_READ, (byte) (table.id() >>> 8), (byte) table.id()};
        }

        @Override
        public String describe() {
            return "full read " + table;
        }
    }

    /** {@code 3F | table (2) | offset (3) | count (2)}. */
    record PartialRead(TableId table, int offset, int count) implements ServiceRequest {
        public PartialRead {
            if (offset < 0 || offset > 0xFFFFFF) throw new IllegalArgumentException("offset must be 0..16777215, not " + offset);
            if (count < 0 || count > 0xFFFF) throw new IllegalArgumentException("count must be 0..65535, not " + count);
        }

        @Override
        public byte[] encode() {
            return new byte[] {PARTIAL_READ, (byte) (table.id() >>> 8), (byte) table.id(),
                    (byte) (offset >>> 16), (byte) (offset >>> 8), (byte) offset, (byte) (count >>> 8), (byte) count};
        }

        @Override
        public String describe() {
            return "partial read " + table + " (offset " + offset + ", " + count + " bytes)";
        }
    }

    /** {@code 40 | table (2) | count (2) | data | checksum}. */
    record FullWrite(TableId table, byte[] data) implements ServiceRequest {
        public FullWrite {
            data = data.clone();
            if (data.length > 0xFFFF) throw new IllegalArgumentException("at most 65535 bytes");
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public byte[] encode() {
            byte[] b = new byte[6 + data.length];
            b[0] = FULL_WRITE;
            b[1] = (byte) (table.id() >>> 8);
            b[2] = (byte) table.id();
            b[3] = (byte) (data.length >>> 8);
            b[4] = (byte) data.length;
            System.arraycopy(data, 0, b, 5, data.length);
            b[b.length - 1] = (byte) TableChecksum.of(data);
            return b;
        }

        @Override
        public String describe() {
            return "full write " + table + " (" + data.length + " bytes)";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FullWrite w && table.equals(w.table) && Arrays.equals(data, w.data);
        }

        @Override
        public int hashCode() {
            return table.hashCode() * 31 + Arrays.hashCode(data);
        }
    }

    /** {@code 70 | seconds}: keep the session open that long without traffic. */
    record Wait(int seconds) implements ServiceRequest {
        public Wait {
            if (seconds < 0 || seconds > 0xFF) throw new IllegalArgumentException("wait seconds must be 0..255, not " + seconds);
        }

        @Override public byte[] encode() { return new byte[] {WAIT, (byte) seconds}; }
        @Override public String describe() { return "wait " + seconds + " s"; }
    }

    /** Any other request code (a meter answers it with sns), or a known one this side cannot parse. */
    record Other(byte[] bytes) implements ServiceRequest {
        public Other {
            bytes = bytes.clone();
        }

        @Override public byte[] encode() { return bytes.clone(); }
        @Override public String describe() { return bytes.length == 0 ? "empty request" : String.format("request 0x%02X", bytes[0] & 0xFF); }
        @Override public boolean equals(Object o) { return o instanceof Other x && Arrays.equals(bytes, x.bytes); }
        @Override public int hashCode() { return Arrays.hashCode(bytes); }
        @Override public String toString() { return "Other[" + Hex.lower(bytes) + "]"; }
    }

    /**
     * Parses request data as a meter hears it.
     *
     * @throws MalformedRequestException when a known service code has the wrong length (the meter answers iar)
     */
    static ServiceRequest parse(byte[] data) {
        if (data.length == 0) return new Other(data);
        int code = data[0] & 0xFF;
        switch (code) {
            case IDENT: return exact(data, 1, new Ident());
            case TERMINATE: return exact(data, 1, new Terminate());
            case LOGOFF: return exact(data, 1, new Logoff());
            case FULL_READ:
                need(data, 3);
                return exact(data, 3, new FullRead(new TableId(u16(data, 1))));
            case PARTIAL_READ:
                need(data, 8);
                return exact(data, 8, new PartialRead(new TableId(u16(data, 1)),
                        (data[3] & 0xFF) << 16 | u16(data, 4), u16(data, 6)));
            case FULL_WRITE: {
                need(data, 6);
                int count = u16(data, 3);
                if (data.length != 6 + count) throw new MalformedRequestException("full write: count " + count + " disagrees with the length");
                byte[] d = Arrays.copyOfRange(data, 5, 5 + count);
                if (TableChecksum.of(d) != (data[data.length - 1] & 0xFF)) throw new MalformedRequestException("full write: bad data checksum");
                return new FullWrite(new TableId(u16(data, 1)), d);
            }
            case LOGON: {
                need(data, 13);
                String user = new String(data, 3, 10, StandardCharsets.US_ASCII).stripTrailing();
                try {
                    return exact(data, 13, new Logon(u16(data, 1), user));
                } catch (IllegalArgumentException e) {
                    throw new MalformedRequestException("logon: " + e.getMessage());
                }
            }
            case SECURITY:
                need(data, 21);
                return exact(data, 21, new Security(Arrays.copyOfRange(data, 1, 21)));
            case WAIT:
                need(data, 2);
                return exact(data, 2, new Wait(data[1] & 0xFF));
            default:
                if (code >= NEGOTIATE && code <= NEGOTIATE + 11) {
                    int bauds = code - NEGOTIATE;
                    need(data, 4 + bauds);
                    int size = u16(data, 1);
                    int packets = data[3] & 0xFF;
                    Integer[] codes = new Integer[bauds];
                    for (int i = 0; i < bauds; i++) codes[i] = data[4 + i] & 0xFF;
                    try {
                        return exact(data, 4 + bauds, new Negotiate(size, packets, List.of(codes)));
                    } catch (IllegalArgumentException e) {
                        throw new MalformedRequestException("negotiate: " + e.getMessage());
                    }
                }
                return new Other(data);
        }
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | b[off + 1] & 0xFF;
    }

    private static void need(byte[] data, int n) {
        if (data.length < n) {
            throw new MalformedRequestException(String.format("request 0x%02X needs %d bytes, got %d", data[0] & 0xFF, n, data.length));
        }
    }

    private static ServiceRequest exact(byte[] data, int n, ServiceRequest request) {
        if (data.length != n) {
            throw new MalformedRequestException(String.format("request 0x%02X has %d bytes, %d expected", data[0] & 0xFF, data.length, n));
        }
        return request;
    }
}
