package org.mepkit.optical.service;

import java.util.Arrays;

import org.mepkit.optical.frame.TableChecksum;

/**
 * C12.18 response data: the encoders a meter uses and the parsers a client uses (reference
 * optical-mqtt-remote.md A.3). Every response starts with its {@link ResponseCode}.
 */
public final class ServiceResponse {

    private ServiceResponse() {
    }

    /** {@code 00}. */
    public static byte[] ok() {
        return new byte[] {0};
    }

    /** The one-byte refusal. */
    public static byte[] failure(ResponseCode code) {
        if (code == ResponseCode.OK || code == ResponseCode.UNKNOWN) throw new IllegalArgumentException("not a refusal: " + code);
        return new byte[] {(byte) code.code()};
    }

    /** {@code 00 | standard | version | revision | 00} (no features, end of list). */
    public static byte[] ident(int standard, int version, int revision) {
        return new byte[] {0, (byte) standard, (byte) version, (byte) revision, 0};
    }

    /** {@code 00 | packet size (2) | packets | [baud code]}. */
    public static byte[] negotiated(int packetSize, int packets, Integer baudCode) {
        byte[] b = new byte[baudCode == null ? 4 : 5];
        b[1] = (byte) (packetSize >>> 8);
        b[2] = (byte) packetSize;
        b[3] = (byte) packets;
        if (baudCode != null) b[4] = (byte) (int) baudCode;
        return b;
    }

    /** {@code 00 | count (2) | data | checksum}. */
    public static byte[] tableData(byte[] table) {
        if (table.length > 0xFFFF) throw new IllegalArgumentException("table data is at most 65535 bytes");
        byte[] b = new byte[4 + table.length];
        b[1] = (byte) (table.length >>> 8);
        b[2] = (byte) table.length;
        System.arraycopy(table, 0, b, 3, table.length);
        b[b.length - 1] = (byte) TableChecksum.of(table);
        return b;
    }

    /** Ident response: the reference standard, its version and revision (C12Adapter reads these three). */
    public record Ident(int standard, int version, int revision) { }

    /** Negotiate response: what the meter will use from now on. */
    public record Negotiated(int packetSize, int packets, Integer baudCode) { }

    /** @throws ServiceRefusedException when the response code is not ok */
    public static void requireOk(ServiceRequest request, byte[] response) throws ServiceRefusedException, ResponseFormatException {
        if (response.length == 0) throw new ResponseFormatException("empty response to " + request.describe());
        int code = response[0] & 0xFF;
        if (code != 0) throw ServiceRefusedException.of(request, code);
    }

    /** A response that must be exactly {@code 00} (logon, security, logoff, terminate, wait). */
    public static void requireExactlyOk(ServiceRequest request, byte[] response) throws ServiceRefusedException, ResponseFormatException {
        requireOk(request, response);
        if (response.length != 1) {
            throw new ResponseFormatException("the response to " + request.describe() + " has " + response.length + " bytes, 1 expected");
        }
    }

    public static Ident parseIdent(byte[] response) throws ServiceRefusedException, ResponseFormatException {
        requireOk(new ServiceRequest.Ident(), response);
        if (response.length < 4) return new Ident(-1, -1, -1);   // termineter needs only the ok byte
        return new Ident(response[1] & 0xFF, response[2] & 0xFF, response[3] & 0xFF);
    }

    public static Negotiated parseNegotiated(ServiceRequest.Negotiate request, byte[] response)
            throws ServiceRefusedException, ResponseFormatException {
        requireOk(request, response);
        if (response.length < 4) {
            throw new ResponseFormatException("the negotiate response has " + response.length + " bytes, at least 4 expected");
        }
        int size = (response[1] & 0xFF) << 8 | response[2] & 0xFF;
        int packets = response[3] & 0xFF;
        if (size <= org.mepkit.optical.frame.Packet.OVERHEAD || packets < 1) {
            throw new ResponseFormatException("the meter negotiated packet size " + size + " and " + packets + " packet(s)");
        }
        return new Negotiated(size, packets, response.length > 4 ? response[4] & 0xFF : null);
    }

    /**
     * The table data of a read response, checked as termineter checks it: ok, at least 4 bytes,
     * count equal to the data length, checksum right.
     */
    public static byte[] parseTableData(ServiceRequest request, byte[] response) throws ServiceRefusedException, ResponseFormatException {
        requireOk(request, response);
        if (response.length < 4) {
            throw new ResponseFormatException("the response to " + request.describe() + " has " + response.length + " bytes, at least 4 expected");
        }
        int count = (response[1] & 0xFF) << 8 | response[2] & 0xFF;
        if (response.length != count + 4) {
            throw new ResponseFormatException("the response to " + request.describe() + " says " + count + " bytes and carries "
                    + (response.length - 4));
        }
        byte[] data = Arrays.copyOfRange(response, 3, 3 + count);
        int sum = response[response.length - 1] & 0xFF;
        if (TableChecksum.of(data) != sum) {
            throw new ResponseFormatException(String.format("the response to %s has a bad table checksum (%02X, expected %02X)",
                    request.describe(), sum, TableChecksum.of(data)));
        }
        return data;
    }
}
