package org.mepkit.mep.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mepkit.mep.frame.AuthenticationFailureException;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.mep.table.PresentValue;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.serial.pty.PtyTesting;
import org.mepkit.serial.pty.SocatPair;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.time.SystemTicker;

/**
 * Client and virtual meter end to end over a real pty pair (socat), both ends opened with
 * jSerialComm: the same conversation as over the in-memory pair, through real ttys.
 */
class MeterClientPtyTest {

    static final MbkKey KEY = MbkKey.of("mK7#pQ2v9LxT4wZb8NcR");

    SocatPair ptys;
    SerialLine meterLine;
    SerialLine hostLine;
    VirtualMeter meter;
    final LinkCounters counters = new LinkCounters();

    @BeforeEach
    void open() throws Exception {
        ptys = PtyTesting.socatPair();
        meterLine = JscPorts.open(ptys.pathA().toString(), LineSettings.MEP);
        hostLine = JscPorts.open(ptys.pathB().toString(), LineSettings.MEP);
    }

    @AfterEach
    void close() {
        if (meter != null) meter.close();
        hostLine.close();
        meterLine.close();
        ptys.close();
    }

    MeterSession session(MbkKey key, VirtualMeter.Pacing pacing) {
        meter = new VirtualMeter(meterLine, KEY, MeterProfile.DEFAULT, SystemTicker.INSTANCE, pacing).start();
        return new MeterSession(new MeterClient(hostLine, key, SystemTicker.INSTANCE, ClientTimings.DEFAULT, counters));
    }

    @Test
    void fullStartUpWithResyncThenAPollAtAPaced9600Baud() throws Exception {
        MeterSession session = session(KEY, VirtualMeter.Pacing.PACED);
        MeterReading reading = session.readOnce();
        assertEquals("ELON", reading.startup().identity().manufacturer());
        assertEquals("58.134", reading.startup().identity().firmwareVersionText());
        assertEquals(1, counters.resyncs(), "BT52 drew one 0x0C");
        assertEquals(10, counters.replies(), "BT52 twice, six start-up reads, BT23, BT28");
        assertEquals(0, counters.timeouts());
        assertEquals(231_000, reading.poll().present().value(PresentValue.L1_RMS_V));
    }

    @Test
    void aWrongKeyIsAnAuthenticationErrorAfterTwoRefusalsInARow() {
        MeterSession session = session(MbkKey.of("00000000000000000000"), VirtualMeter.Pacing.UNPACED);
        assertThrows(AuthenticationFailureException.class, session::startup);
        assertEquals(2, counters.authFailures());
        assertEquals(2, meter.digestFailures());
    }

    @Test
    void anAlertInTheMiddleOfPollingIsSurfaced() throws Exception {
        MeterSession session = session(KEY, VirtualMeter.Pacing.UNPACED);
        session.startup();
        for (int i = 0; i < 3; i++) {
            if (i == 1) meter.sendAlertBeforeNextReply();
            MeterSession.PollReading r = session.poll();
            assertEquals(MeterProfile.DEFAULT.load().forwardW(), r.present().value(PresentValue.FWD_W));
        }
        assertEquals(1, counters.alerts());
        assertEquals(1, session.client().takeAlerts());
        assertEquals(0, counters.timeouts());
        assertTrue(counters.garbage() == 0, counters.toString());
    }
}
