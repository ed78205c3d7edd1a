package org.mepkit.optical;

import org.mepkit.optical.service.ServiceRequest;

/**
 * What a client asks for in an optical session.
 *
 * @param packetSize the packet size to negotiate (the meter may answer less); 64 is the C12.18 default
 *                   and what the NES meter of the reference ran with
 * @param packets    the number of packets per message to negotiate (termineter's default 2 worked there)
 * @param userId     logon user id (termineter: 0)
 * @param user       logon user name, at most 10 characters (termineter: "0000")
 */
public record OpticalSettings(int packetSize, int packets, int userId, String user) {

    public static final OpticalSettings DEFAULT = new OpticalSettings(64, 2, 0, "0000");

    public OpticalSettings {
        new ServiceRequest.Negotiate(packetSize, packets, java.util.List.of());   // the same limits
        new ServiceRequest.Logon(userId, user);
    }

    public OpticalSettings withPacketSize(int size) {
        return new OpticalSettings(size, packets, userId, user);
    }

    public OpticalSettings withUser(int id, String name) {
        return new OpticalSettings(packetSize, packets, id, name);
    }
}
