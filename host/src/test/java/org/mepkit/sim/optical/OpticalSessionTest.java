package org.mepkit.sim.optical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mepkit.mep.table.Bt00GeneralConfig;
import org.mepkit.mep.table.PresentValue;
import org.mepkit.mep.table.TableId;
import org.mepkit.optical.OpticalKey;
import org.mepkit.optical.link.LinkException;
import org.mepkit.optical.service.ResponseCode;
import org.mepkit.optical.service.SecurityRefusedException;
import org.mepkit.optical.service.ServiceRefusedException;
import org.mepkit.optical.service.ServiceResponse;
import org.mepkit.reading.Reading;
import org.mepkit.serial.PortDisconnectedException;

/** The optical client against the virtual optical meter, in virtual time: sessions, link rules and faults. */
class OpticalSessionTest {

    final OpticalRig rig = new OpticalRig();

    @Test
    void aWholeReadingTakesNoTimeAndCarriesTheMetersValues() throws Exception {
        Reading r = rig.reader().read();
        assertEquals("optical", r.path());
        assertEquals("ELON", r.identity().manufacturer());
        assertEquals("83331-3I", r.identity().model());
        assertEquals("58.134", r.identity().firmwareVersion());
        assertEquals("1234567890ABCDEF", r.identity().serialNumber(), "from ET03, listed in BT00");
        assertEquals(rig.meterTables.energy().forwardActiveWh(), r.forwardActiveWh());
        assertEquals(rig.meterTables.energy().reverseActiveWh(), r.reverseActiveWh());
        assertEquals(rig.meterTables.presentValues().value(PresentValue.FWD_W), r.forwardW());
        assertEquals(231_000, r.phases().get(0).voltageMv());
        assertEquals(null, r.phases().get(0).forwardW(), "the optical BT28 has no per-phase power");
        assertEquals(0, rig.elapsedMs(), "no timeout, no retry");
        assertEquals(OpticalMeterMachine.State.BASE, rig.meter.state(), "ended with terminate");
        assertFalse(rig.stats.anyTrouble(), rig.stats.toString());
        assertEquals(java.util.List.of("ident -> ok (ok)", "negotiate (packet size 64, 2 packet(s)) -> ok (ok)", "logon -> ok (ok)",
                "security -> ok (ok)", "full read BT00 -> ok (ok)", "full read BT01 -> ok (ok)", "full read BT21 -> ok (ok)",
                "partial read ET03 (offset 0, 108 bytes) -> ok (ok)", "partial read ET03 (offset 108, 31 bytes) -> ok (ok)",
                "full read BT52 -> ok (ok)", "full read BT23 -> ok (ok)", "full read BT28 -> ok (ok)", "logoff -> ok (ok)",
                "terminate -> ok (ok)"), rig.meter.log());
    }

    @Test
    void theSecondReadingReusesIdentityAndLayout() throws Exception {
        rig.reader();
        var reader = rig.reader();
        reader.read();
        int first = rig.meter.log().size();
        reader.read();
        assertEquals(java.util.List.of("ident -> ok (ok)", "negotiate (packet size 64, 2 packet(s)) -> ok (ok)", "logon -> ok (ok)",
                "security -> ok (ok)", "full read BT23 -> ok (ok)", "full read BT28 -> ok (ok)", "logoff -> ok (ok)",
                "terminate -> ok (ok)"), rig.meter.log().subList(first, rig.meter.log().size()));
    }

    @Test
    void aWrongKeyIsRefusedAndTheSessionStillEndsWithTerminate() {
        SecurityRefusedException e = assertThrows(SecurityRefusedException.class,
                () -> rig.reader(OpticalKey.of("WrongKeyWrongKey1234")).read());
        assertTrue(e.getMessage().startsWith("the meter refused the optical key"), e.getMessage());
        assertFalse(e.getMessage().contains("WrongKey"));
        assertEquals(1, rig.meter.securityFailures());
        assertEquals(OpticalMeterMachine.State.BASE, rig.meter.state());
    }

    @Test
    void tablesOtherThanBt00AndBt01NeedSecurity() throws Exception {
        rig.openSession(null);
        assertEquals(Bt00GeneralConfig.decode(rig.client.read(TableId.BT00)), rig.meter.tables().generalConfig());
        rig.client.read(TableId.BT01);
        ServiceRefusedException e = assertThrows(ServiceRefusedException.class, () -> rig.client.read(TableId.BT23));
        assertInstanceOf(SecurityRefusedException.class, e, "isc maps to a security refusal");
        assertEquals(ResponseCode.ISC, e.responseCode());
    }

    @Test
    void unknownTablesAreSnsAndAPartialReadPastTheEndIsOnp() throws Exception {
        rig.openSession(OpticalRig.KEY);
        assertEquals(ResponseCode.SNS, assertThrows(ServiceRefusedException.class, () -> rig.client.read(TableId.basic(99))).responseCode());
        assertEquals(ResponseCode.ONP, assertThrows(ServiceRefusedException.class,
                () -> rig.client.read(TableId.BT28, 30, 20)).responseCode());
        assertArrayEquals(java.util.Arrays.copyOfRange(rig.meter.tables().table(TableId.BT28), 32, 40),
                rig.client.read(TableId.BT28, 32, 8));
    }

    @Test
    void readingBeforeLogonIsInTheWrongState() throws Exception {
        rig.client.ident();
        assertEquals(ResponseCode.ISSS, assertThrows(ServiceRefusedException.class, () -> rig.client.read(TableId.BT00)).responseCode());
    }

    @Test
    void aResponseLongerThanOnePacketComesInSeveralAndIsPutTogether() throws Exception {
        rig.client.ident();
        rig.client.negotiate(64, 4, 6);
        rig.client.logon(0, "0000");
        rig.client.security(OpticalRig.KEY);
        byte[] et50 = rig.client.read(TableId.ET50);
        assertArrayEquals(rig.meter.tables().table(TableId.ET50), et50);
        assertEquals(2, rig.stats.packetsReceived() - 4, "ident, negotiate, logon, security: one each; ET50 in two");
    }

    @Test
    void aTableTooLongForTheNegotiatedPacketsIsReadInPartialReads() throws Exception {
        OpticalRig mep = new OpticalRig(OpticalLayout.MEP, OpticalMeterMachine.Config.DEFAULT);
        Reading r = mep.reader().read();
        assertEquals(55, PresentValue.FIRMWARE_COUNT);
        assertEquals(mep.meterTables.presentValues().value(PresentValue.FREQ_MHZ), r.fields().stream()
                .filter(f -> f.name().equals("Freq_mHz")).findFirst().orElseThrow().value());
        assertEquals(1_200, r.phases().get(0).forwardW(), "the MEP layout has per-phase power");
        assertTrue(mep.meter.log().stream().anyMatch(l -> l.startsWith("partial read BT28 (offset 108")), mep.meter.log().toString());
    }

    @Test
    void aDroppedRequestIsSentAgainAfterTheAckTimeout() throws Exception {
        rig.meter.inject(new OpticalFault.DropRequest(1));
        rig.client.ident();
        assertEquals(2000, rig.elapsedMs());
        assertEquals(1, rig.stats.retransmissions());
        assertEquals(1, rig.stats.ackTimeouts());
    }

    @Test
    void aSilentMeterFailsAfterThreeTriesOfTwoSeconds() {
        rig.meter.inject(new OpticalFault.DropRequest(1000));
        LinkException e = assertThrows(LinkException.class, rig.client::ident);
        assertEquals(LinkException.Kind.NO_ACK, e.kind());
        assertEquals("no answer from the meter to ident (3 tries, 2 s ACK timeout each): is the probe on the optical eye?", e.getMessage());
        assertEquals(6000, rig.elapsedMs());
        assertEquals(3, rig.stats.packetsSent());
    }

    @Test
    void aNakStormFailsAfterThreeTriesAtOnce() {
        rig.meter.inject(new OpticalFault.NakRequest(1000));
        LinkException e = assertThrows(LinkException.class, rig.client::ident);
        assertEquals(LinkException.Kind.NAKED, e.kind());
        assertEquals(0, rig.elapsedMs());
        assertEquals(3, rig.stats.naksReceived());
    }

    @Test
    void oneNakIsJustARetransmission() throws Exception {
        rig.meter.inject(new OpticalFault.NakRequest(1));
        rig.client.ident();
        assertEquals(1, rig.stats.naksReceived());
        assertEquals(1, rig.stats.retransmissions());
    }

    @Test
    void aBadCrcOnEveryPacketFailsAfterThreeNaks() throws Exception {
        rig.meter.inject(new OpticalFault.BadCrc(1000));
        LinkException e = assertThrows(LinkException.class, rig.client::ident);
        assertEquals(LinkException.Kind.BAD_PACKETS, e.kind());
        assertEquals(3, rig.stats.naksSent());
        assertEquals(3, rig.meter.stats().packetsSent(), "the meter's own three tries");
        assertEquals(3, rig.meter.stats().naksReceived(), "the third NAK finds the meter out of tries");
        assertEquals(0, rig.elapsedMs());
    }

    @Test
    void oneBadCrcIsNakedAndSentAgain() throws Exception {
        rig.meter.inject(new OpticalFault.BadCrc(1));
        rig.client.ident();
        assertEquals(1, rig.stats.naksSent());
        assertEquals(1, rig.meter.stats().retransmissions());
    }

    @Test
    void aWithheldAckDrawsARetransmissionThatTheMeterTakesForADuplicate() throws Exception {
        rig.client.ident();
        rig.meter.inject(new OpticalFault.WithholdAck(1));
        rig.client.negotiate(64, 2, 6);
        assertEquals(2000, rig.elapsedMs());
        assertEquals(1, rig.meter.stats().duplicates());
        assertEquals(2, rig.meter.requests(), "the negotiate was acted on once");
        assertEquals(64, rig.link.packetSize());
    }

    @Test
    void aSlowMeterWithinTheAckTimeoutIsNoTrouble() throws Exception {
        rig.meter.inject(new OpticalFault.Slow(1, Duration.ofMillis(1500)));
        rig.client.ident();
        assertEquals(1500, rig.elapsedMs());
        assertFalse(rig.stats.anyTrouble(), rig.stats.toString());
    }

    @Test
    void aMeterSlowerThanTheAckTimeoutStillGetsThroughOnTheDuplicate() throws Exception {
        rig.meter.inject(new OpticalFault.Slow(1, Duration.ofMillis(3000)));
        rig.client.ident();
        assertEquals(2000, rig.elapsedMs(), "the retransmission at 2 s is a duplicate: ACKed, answered at once");
        assertEquals(1, rig.meter.stats().duplicates());
        rig.ticker.advance(Duration.ofSeconds(2));   // past the moment the slow copy was due
        rig.client.negotiate(64, 2, 6);
        rig.client.logon(0, "0000");
        assertEquals(0, rig.stats.duplicates() + rig.stats.noise(), "the resend replaced the late copy: " + rig.stats);
    }

    @Test
    void packetsLongerThanNegotiatedAreNakedUntilTheLinkGivesUp() throws Exception {
        rig.openSession(OpticalRig.KEY);
        rig.meter.inject(new OpticalFault.Oversize(1));
        LinkException e = assertThrows(LinkException.class, () -> rig.client.read(TableId.ET50));
        assertEquals(LinkException.Kind.OVERSIZE, e.kind());
        assertTrue(e.getMessage().contains("longer than the negotiated 64"), e.getMessage());
    }

    @Test
    void aTruncatedMultiPacketResponseFailsAfterTheChannelTrafficTimeout() throws Exception {
        rig.client.ident();
        rig.client.negotiate(64, 4, 6);
        rig.client.logon(0, "0000");
        rig.client.security(OpticalRig.KEY);
        rig.meter.inject(new OpticalFault.Truncate(1));
        LinkException e = assertThrows(LinkException.class, () -> rig.client.read(TableId.ET50));
        assertEquals(LinkException.Kind.TRUNCATED, e.kind());
        assertEquals("the meter stopped after packet 1 of 2 of its response to full read ET50 (nothing for 6 s)", e.getMessage());
        assertEquals(6000, rig.elapsedMs());
    }

    @Test
    void theMeterFallsBackToBaseAfterTheChannelTrafficTimeout() throws Exception {
        rig.openSession(OpticalRig.KEY);
        rig.ticker.advance(Duration.ofMillis(6001));
        rig.meter.poll(rig.ticker.nanoTime());
        assertEquals(OpticalMeterMachine.State.BASE, rig.meter.state());
        assertEquals(ResponseCode.ISSS, assertThrows(ServiceRefusedException.class, () -> rig.client.read(TableId.BT00)).responseCode());
    }

    @Test
    void theWaitServiceKeepsTheSessionOpenLonger() throws Exception {
        rig.openSession(OpticalRig.KEY);
        rig.client.waitFor(20);
        rig.ticker.advance(Duration.ofSeconds(20));
        rig.meter.poll(rig.ticker.nanoTime());
        assertEquals(OpticalMeterMachine.State.SESSION, rig.meter.state());
        rig.client.read(TableId.BT23);
    }

    @Test
    void aLostAckOfTheClientIsNoReasonForTheMeterToResendWhenTheNextRequestComes() throws Exception {
        rig.client.ident();
        rig.line.loseNextBytesToMeter(0);
        rig.client.link().send(new org.mepkit.optical.service.ServiceRequest.Negotiate(64, 2, java.util.List.of(6)));
        rig.line.loseNextBytesToMeter(1);   // the ACK of the negotiate response
        rig.client.link().receive("negotiate");
        rig.link.negotiated(64, 2);
        rig.client.logon(0, "0000");   // EE while the meter waits for that ACK: a new request (reference A.5)
        assertEquals(0, rig.meter.stats().retransmissions(), "the meter did not send the negotiate response again");
        assertEquals(0, rig.elapsedMs());
        assertEquals(OpticalMeterMachine.State.SESSION, rig.meter.state());
    }

    @Test
    void theMeterResendsAResponseWhoseAckNeverCameAfterItsAckTimeout() throws Exception {
        rig.client.link().startSession();
        rig.client.link().send(new org.mepkit.optical.service.ServiceRequest.Ident());
        rig.line.loseNextBytesToMeter(1);
        byte[] first = rig.client.link().receive("ident");
        assertEquals(0, ServiceResponse.parseIdent(first).standard());
        rig.ticker.advance(Duration.ofMillis(2000));
        rig.meter.poll(rig.ticker.nanoTime());
        assertEquals(1, rig.meter.stats().retransmissions());
        rig.client.negotiate(64, 2, 6);   // the resent ident response is a duplicate for the client: ACKed and dropped
        assertEquals(1, rig.stats.duplicates());
    }

    @Test
    void aPortThatVanishesIsAPortError() throws Exception {
        rig.client.ident();
        rig.line.unplug();
        assertThrows(PortDisconnectedException.class, () -> rig.client.negotiate(64, 2, 6));
    }
}
