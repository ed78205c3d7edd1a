/**
 * The MEP client: {@link org.mepkit.mep.client.MeterClient} (one request at a time over a
 * {@link org.mepkit.serial.SerialLine}, wire-time timeouts, 0x0C resync, identical retransmission,
 * alerts) and {@link org.mepkit.mep.client.MeterSession} (the board firmware's start-up reads, the
 * BT23 + BT28 poll and the alert chain), with readings as typed tables
 * ({@link org.mepkit.mep.client.MeterReading}).
 *
 * <h2>Seam for the MAX3232 recovery engine</h2>
 * The client knows nothing about power switches. Everything it sees on the link goes to one
 * {@link org.mepkit.mep.client.LinkListener}: request sent (with attempt number), reply received
 * (with round trip), reply timed out, garbage (noise, truncated frame, echo), sequence resync,
 * authentication failure (0x0B) and alert. A recovery engine implements {@code LinkListener}; when it
 * decides the line driver needs a power cycle (e.g. after a timeout) it does so from the callback
 * (on the client's thread, so the next retransmission goes out after the cycle, as in the firmware's
 * §8.4 sequence). The one question the client asks back is whether to resend a request the meter
 * refused with 0x0B ({@code resendAfterRefusal}; by default once, so that a second refusal in a row is final); the recovery
 * engine says yes up to its threshold, since bit errors in the request look like a wrong key. {@link org.mepkit.mep.client.LinkCounters} is the counting listener used by
 * {@code mep read} and the benchmark; combine several with {@link org.mepkit.mep.client.LinkListener#all}.
 */
package org.mepkit.mep.client;
