package org.mepkit.optical.service;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Objects;

import org.mepkit.mep.table.TableId;
import org.mepkit.optical.OpticalKey;
import org.mepkit.optical.link.LinkException;
import org.mepkit.optical.link.OpticalLink;
import org.mepkit.serial.SerialException;

/**
 * The C12.18 services over an {@link OpticalLink}, one method per service, each returning what the
 * response carries or throwing {@link ServiceRefusedException} (a refused key or an isc:
 * {@link SecurityRefusedException}) with the response code. Negotiation is adopted by the link.
 */
public final class C1218Client {

    private final OpticalLink link;

    public C1218Client(OpticalLink link) {
        this.link = Objects.requireNonNull(link, "link");
    }

    public OpticalLink link() {
        return link;
    }

    /** Starts from the base state ({@link OpticalLink#startSession()}) and identifies. */
    public ServiceResponse.Ident ident() throws java.io.IOException {
        link.startSession();
        return ServiceResponse.parseIdent(link.exchange(new ServiceRequest.Ident()));
    }

    /**
     * Asks for {@code packetSize} and {@code packets}, and the line's speed when it has a baud code;
     * the link then uses what the meter answered (never more than asked for).
     */
    public ServiceResponse.Negotiated negotiate(int packetSize, int packets, Integer baudCode) throws java.io.IOException {
        ServiceRequest.Negotiate request = new ServiceRequest.Negotiate(packetSize, packets,
                baudCode == null ? List.of() : List.of(baudCode));
        ServiceResponse.Negotiated n = ServiceResponse.parseNegotiated(request, link.exchange(request));
        link.negotiated(Math.min(packetSize, n.packetSize()), Math.min(packets, n.packets()));
        return n;
    }

    public void logon(int userId, String user) throws java.io.IOException {
        simple(new ServiceRequest.Logon(userId, user));
    }

    /** @throws SecurityRefusedException when the meter does not accept the key */
    public void security(OpticalKey key) throws java.io.IOException {
        simple(ServiceRequest.Security.of(key));
    }

    public void logoff() throws java.io.IOException {
        simple(new ServiceRequest.Logoff());
    }

    public void terminate() throws java.io.IOException {
        simple(new ServiceRequest.Terminate());
    }

    /** The wait service: the meter keeps the session open {@code seconds} without traffic. */
    public void waitFor(int seconds) throws java.io.IOException {
        simple(new ServiceRequest.Wait(seconds));
    }

    /** Full read (0x30): the whole table. */
    public byte[] read(TableId table) throws java.io.IOException {
        ServiceRequest request = new ServiceRequest.FullRead(table);
        return ServiceResponse.parseTableData(request, link.exchange(request));
    }

    /** Partial read (0x3F): {@code count} bytes from {@code offset}. */
    public byte[] read(TableId table, int offset, int count) throws java.io.IOException {
        ServiceRequest request = new ServiceRequest.PartialRead(table, offset, count);
        byte[] data = ServiceResponse.parseTableData(request, link.exchange(request));
        if (data.length != count) {
            throw new ResponseFormatException("the meter answered " + request.describe() + " with " + data.length + " bytes");
        }
        return data;
    }

    /**
     * At least the first {@code needed} bytes of a table: a full read when a response of that size fits
     * the negotiated packets (and the meter does not answer it with onp, as a meter may for a table too
     * long for them), partial reads of what fits otherwise.
     */
    public byte[] readAtLeast(TableId table, int needed) throws java.io.IOException {
        int chunk = link.maxResponseBytes() - 4;   // status, count (2) and checksum around the data
        if (needed <= chunk) {
            try {
                return read(table);
            } catch (ServiceRefusedException e) {
                if (e.responseCode() != ResponseCode.ONP) throw e;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(needed);
        for (int offset = 0; offset < needed; offset += chunk) out.writeBytes(read(table, offset, Math.min(chunk, needed - offset)));
        return out.toByteArray();
    }

    private void simple(ServiceRequest request) throws SerialException, LinkException, ServiceRefusedException, ResponseFormatException {
        ServiceResponse.requireExactlyOk(request, link.exchange(request));
    }
}
