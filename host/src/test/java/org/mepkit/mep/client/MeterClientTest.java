package org.mepkit.mep.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mepkit.mep.frame.AuthenticationFailureException;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.mep.table.PresentValue;
import org.mepkit.mep.table.TableId;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.memory.LinePair;
import org.mepkit.sim.meter.MeterFault;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.time.ManualTicker;
import org.mepkit.time.SystemTicker;
import org.mepkit.time.Ticker;

/** The client against the virtual meter over the in-memory null modem. */
class MeterClientTest {

    static final MbkKey KEY = MbkKey.of("mK7#pQ2v9LxT4wZb8NcR");
    /**
     * Shorter waits than a real meter needs, so a silent meter costs little time (115200 baud,
     * 500 ms margin), yet long enough that a busy build machine does not fake a timeout.
     */
    static final ClientTimings FAST = new ClientTimings(Duration.ofMillis(500), 1.0, 3, 3, Duration.ofMillis(100));

    final LinePair pair = LinePair.create("memory:host", "memory:meter", LineSettings.MEP.withBaud(115200));
    final RecordingListener events = new RecordingListener();
    VirtualMeter meter;

    @AfterEach
    void stop() {
        if (meter != null) meter.close();
        pair.unplug();
    }

    VirtualMeter meter(MeterProfile profile, Ticker ticker) {
        meter = new VirtualMeter(pair.b(), KEY, profile, ticker, VirtualMeter.Pacing.UNPACED).start();
        return meter;
    }

    MeterClient client(MbkKey key) {
        return new MeterClient(pair.a(), key, SystemTicker.INSTANCE, FAST, events);
    }

    @Test
    void startUpReadsInTheFirmwaresOrderAfterOneResyncOnBt52() throws Exception {
        meter(MeterProfile.DEFAULT, SystemTicker.INSTANCE);
        MeterClient client = client(KEY);
        assertEquals(0, client.nextSequence(), "starts at 0 like the firmware");
        MeterSession.StartupTables t = new MeterSession(client).startup();

        assertEquals(List.of("sent " + "full read BT52", "resync " + MeterProfile.DEFAULT.initialSequence()),
                events.log.subList(0, 2).stream().map(s -> s.replaceAll(" \\(max reply 512\\)", "")).toList());
        assertEquals(List.of("BT52", "BT52", "BT01", "BT21", "ET03", "ET11", "ET13", "ET50"), events.tablesSent());
        assertEquals(1, events.count("resync"));
        assertEquals(MeterProfile.DEFAULT.initialSequence() + 7, client.nextSequence(),
                "adopted the meter's number for BT52, then one more per request");
        assertEquals("ELON", t.identity().manufacturer());
        assertEquals("83331-3I", t.identity().model());
        assertEquals("58.134", t.identity().firmwareVersionText());
        assertEquals("1234567890ABCDEF", t.utility().serialNumber());
        assertEquals(MeterProfile.DEFAULT.clockAtStart().getYear(), t.clock().dateTime().orElseThrow().getYear());
    }

    @Test
    void aWrongKeyIsAnAuthenticationErrorOnceTheMeterRefusedTwiceInARow() throws Exception {
        meter(MeterProfile.DEFAULT, SystemTicker.INSTANCE);
        MeterSession session = new MeterSession(client(MbkKey.of("ABCDEFGHIJKLMNOPQRST")));
        AuthenticationFailureException e = assertThrows(AuthenticationFailureException.class, session::startup);
        assertTrue(e.isAuthenticationFailure());
        assertEquals(2, events.count("auth-failed"));
        assertEquals(2, events.count("sent"), "asked once more (noise can look like a refusal), then final");
        assertEquals(2, meter.digestFailures());
    }

    @Test
    void aRefusalMadeOfLineNoiseIsAskedAgainAndThePollGoesOn() throws Exception {
        meter(MeterProfile.DEFAULT, SystemTicker.INSTANCE);
        MeterSession session = new MeterSession(client(KEY));
        session.startup();
        meter.inject(new MeterFault.Garbage(1, new byte[] {0x00, 0x01, 0x0B}));   // a well-framed 0x0B out of noise
        MeterSession.PollReading r = session.poll();
        assertEquals(1, events.count("auth-failed"), events.log.toString());
        assertEquals(MeterProfile.DEFAULT.load().reverseW(), r.present().value(PresentValue.REV_W));
    }

    @Test
    void anAlertInTheMiddleOfPollingIsSurfacedAndThePollStillSucceeds() throws Exception {
        meter(MeterProfile.DEFAULT, SystemTicker.INSTANCE);
        MeterClient client = client(KEY);
        MeterSession session = new MeterSession(client);
        session.startup();
        session.poll();
        meter.sendAlertBeforeNextReply();   // lands between the BT23 request and its reply
        MeterSession.PollReading reading = session.poll();
        assertEquals(1, client.takeAlerts());
        assertEquals(1, events.count("alert"));
        assertEquals(MeterProfile.DEFAULT.load().forwardW(), reading.present().value(PresentValue.FWD_W));
        assertEquals(0, events.count("timeout"));
    }

    @Test
    void theAlertChainRunsEt11Et13Et50Ep39ThenBt08() throws Exception {
        meter(MeterProfile.DEFAULT, SystemTicker.INSTANCE);
        MeterSession session = new MeterSession(client(KEY));
        session.startup();
        meter.sendAlert();
        assertEquals(1, session.client().listen(Duration.ofMillis(300)), "the alert arrived while idle");
        assertEquals(1, session.client().takeAlerts());
        MeterSession.AlertChainResult r = session.runAlertChain();
        assertEquals(66, r.configEntrySize());
        assertEquals(MeterProfile.DEFAULT.alertFlags(), r.alertFlags());
        assertEquals(5, r.procedureSequence(), "the firmware's procedure sequence starts at 5");
        assertEquals(TableId.BT08, r.resultTable());
        assertEquals(0, r.resultData()[3], "procedure result: completed");
        assertEquals(List.of("ET11", "ET13", "ET50", "BT07", "BT08"),
                events.tablesSent().subList(events.tablesSent().size() - 5, events.tablesSent().size()));
        assertEquals(1, meter.procedureCalls());
    }

    @Test
    void periodicPollingRunsTheAlertChainAfterAnAlertArrivedBetweenPolls() throws Exception {
        meter(MeterProfile.DEFAULT, SystemTicker.INSTANCE);
        MeterSession session = new MeterSession(client(KEY));
        session.startup();
        List<MeterSession.PollReading> readings = new ArrayList<>();
        List<MeterSession.AlertChainResult> chains = new ArrayList<>();
        session.poll(Duration.ofMillis(600), 3, new MeterSession.PollHandler() {
            @Override public void reading(MeterSession.PollReading reading) {
                readings.add(reading);
                if (readings.size() == 1) meter.sendAlert();   // arrives while the client idles
            }
            @Override public void alertChain(MeterSession.AlertChainResult result) {
                chains.add(result);
            }
        });
        assertEquals(3, readings.size());
        assertEquals(1, chains.size(), "one chain for the alert, before the second poll");
        assertEquals(List.of("BT23", "BT28", "ET11", "ET13", "ET50", "BT07", "BT08", "BT23", "BT28", "BT23", "BT28"),
                events.tablesSent().subList(8, events.tablesSent().size()));
    }

    @Test
    void mepFlagsBit1SendsTheAlertChainTo083A() throws Exception {
        meter(MeterProfile.EXPORT, SystemTicker.INSTANCE);
        MeterSession session = new MeterSession(client(KEY));
        session.startup();
        assertEquals(TableId.ET58, session.runAlertChain().resultTable());
    }

    /** A meter that answers after the client gave up: its replies meet the retry, which it takes as a repeat. */
    @Test
    void aMeterThatAnswersLateIsCalledLateNotASequenceProblem() throws Exception {
        meter(MeterProfile.DEFAULT, SystemTicker.INSTANCE);
        meter.inject(new MeterFault.Slow(100, Duration.ofMillis(800)));
        Exception e = assertThrows(java.io.IOException.class, () -> new MeterSession(client(KEY)).startup());
        assertTrue(e.getMessage().startsWith("the meter answers late: "), e.getClass().getSimpleName() + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("--timeout-scale"), "names what helps: " + e.getMessage());
    }

    @Test
    void aSilentMeterIsRetriedWithIdenticalBytesThenATimeout() throws Exception {
        meter(MeterProfile.DEFAULT, SystemTicker.INSTANCE);
        meter.inject(new MeterFault.Silence(10));
        ManualTicker clock = ManualTicker.autoAdvancing();
        MeterClient client = new MeterClient(pair.a(), KEY, clock, FAST, events);
        MeterTimeoutException e = assertThrows(MeterTimeoutException.class, () -> new MeterSession(client).startup());
        assertEquals(3, e.attempts());
        assertEquals(List.of("sent full read BT52 (max reply 512) seq 0 attempt 1", "timeout 1",
                        "sent full read BT52 (max reply 512) seq 0 attempt 2", "timeout 2",
                        "sent full read BT52 (max reply 512) seq 0 attempt 3", "timeout 3"),
                events.detailed);
        Duration perAttempt = FAST.replyTimeout(pair.a().settings(), 17, ClientTimings.MAX_REPLY_BYTES);
        assertTrue(clock.elapsed().compareTo(perAttempt.multipliedBy(3)) >= 0,
                "waited the derived timeout three times on the manual clock: " + clock.elapsed());
    }

    @Test
    void aRetryAfterOneLostReplySucceeds() throws Exception {
        meter(MeterProfile.DEFAULT, SystemTicker.INSTANCE);
        MeterSession session = new MeterSession(client(KEY));
        session.startup();
        meter.inject(new MeterFault.Silence(1));
        session.poll();
        assertEquals(1, events.count("timeout"));
        assertEquals(1, events.count("retransmission"));
    }

    @Test
    void garbageInsteadOfAReplyIsReportedAndRetried() throws Exception {
        meter(MeterProfile.DEFAULT, SystemTicker.INSTANCE);
        MeterSession session = new MeterSession(client(KEY));
        session.startup();
        meter.inject(new MeterFault.Stall(1));
        session.poll();
        assertTrue(events.count("garbage") >= 1, events.log.toString());
        assertEquals(1, events.count("timeout"));
    }

    @Test
    void aMeterThatJumpsToAnotherSequenceNumberIsFollowed() throws Exception {
        meter(MeterProfile.DEFAULT, SystemTicker.INSTANCE);
        MeterClient client = client(KEY);
        MeterSession session = new MeterSession(client);
        session.startup();
        long before = client.nextSequence();
        meter.inject(new MeterFault.WrongSequence(1));
        session.poll();
        assertEquals(2, events.count("resync"), "the boot resync and the jump");
        // the meter jumps 1000 past the number it expected next (before + 1); the client takes
        // that number for the resent BT23, then BT28 gets the following one
        assertEquals(before + 1 + 1000 + 2, client.nextSequence(), "adopted the jumped number, then BT23 and BT28");
    }

    @Test
    void lineNoiseInsteadOfAReplyIsReportedAsGarbageThenRetried() throws Exception {
        meter(MeterProfile.DEFAULT, SystemTicker.INSTANCE);
        MeterSession session = new MeterSession(client(KEY));
        session.startup();
        meter.inject(new MeterFault.Garbage(1, new byte[] {0x7F, (byte) 0xFF, 0x13}));
        MeterSession.PollReading r = session.poll();
        assertTrue(events.count("garbage") >= 1, events.log.toString());
        assertEquals(1, events.count("retransmission"));
        assertEquals(MeterProfile.DEFAULT.load().reverseW(), r.present().value(PresentValue.REV_W));
    }

    @Test
    void aReplyClaimingMoreBytesThanItHasTimesOutAndIsRetried() throws Exception {
        meter(MeterProfile.DEFAULT, SystemTicker.INSTANCE);
        MeterSession session = new MeterSession(client(KEY));
        session.startup();
        meter.inject(new MeterFault.BadReplyLength(1, 5));
        session.poll();
        assertEquals(1, events.count("timeout"));
        assertEquals(1, events.count("garbage incomplete reply at timeout"), events.log.toString());
        assertEquals(1, events.count("retransmission"));
    }

    @Test
    void aMalformedReplyIsGarbageAndRetriedWithoutWaitingForTheTimeout() throws Exception {
        meter(MeterProfile.DEFAULT, SystemTicker.INSTANCE);
        MeterSession session = new MeterSession(client(KEY));
        session.startup();
        meter.inject(new MeterFault.Garbage(1, new byte[] {0x00, 0x01, 0x0C}));   // a 0x0C without its number
        session.poll();
        assertEquals(1, events.count("garbage malformed reply"), events.log.toString());
        assertEquals(0, events.count("timeout"));
        assertEquals(1, events.count("retransmission"));
    }

    @Test
    void repliesWithoutTheTrailerReadTheSame() throws Exception {
        meter(MeterProfile.DEFAULT, SystemTicker.INSTANCE).withReplyTrailer(false);
        MeterReading reading = new MeterSession(client(KEY)).readOnce();
        assertEquals("83331-3I", reading.startup().identity().model());
        assertEquals(231_000, reading.poll().present().value(PresentValue.L1_RMS_V));
        assertEquals(0, events.count("garbage") + events.count("timeout"), events.log.toString());
    }

    @Test
    void anEchoOfOurOwnRequestIsNotTakenForTheReply() throws Exception {
        meter(MeterProfile.DEFAULT, SystemTicker.INSTANCE);
        MeterSession session = new MeterSession(client(KEY));
        session.startup();
        meter.inject(new MeterFault.Echo(2));
        MeterSession.PollReading r = session.poll();
        assertEquals(2, events.count("garbage our own request looped back"), events.log.toString());
        assertEquals(0, events.count("timeout") + events.count("retransmission"));
        assertEquals(MeterProfile.DEFAULT.load().forwardW(), r.present().value(PresentValue.FWD_W));
    }

    @Test
    void sequenceNumbersWrapAtTwoToThe32() throws Exception {
        MeterProfile p = MeterProfile.DEFAULT;
        MeterProfile nearWrap = new MeterProfile("wrap", p.manufacturer(), p.model(), p.firmwareMajor(), p.firmwareMinor(),
                p.utilitySerial(), p.clockAtStart(), 0xFFFF_FFFEL, p.turnaround(), p.configEntrySize(), p.mepFlags(),
                p.alertFlags(), p.load());
        meter(nearWrap, SystemTicker.INSTANCE);
        MeterClient client = client(KEY);
        new MeterSession(client).readOnce();
        // BT52 at 0xFFFFFFFE, BT01 at 0xFFFFFFFF, then 0, 1, ... : 9 requests after the resync
        assertEquals(7, client.nextSequence());
        assertEquals(1, events.count("resync"), "the meter followed the wrap too");
    }

    @Test
    void energyGrowsWithTheLoadOnTheMetersClock() throws Exception {
        ManualTicker meterClock = new ManualTicker();
        meter(MeterProfile.DEFAULT, meterClock);
        MeterSession session = new MeterSession(client(KEY));
        session.startup();
        MeterSession.PollReading before = session.poll();
        meterClock.advance(Duration.ofHours(2));
        MeterSession.PollReading after = session.poll();
        int fwdW = MeterProfile.DEFAULT.load().forwardW();
        assertEquals(850, fwdW, "the default profile exports on L3 but imports 850 W net");
        assertEquals(2L * fwdW, after.energy().forwardActiveWh() - before.energy().forwardActiveWh());
        assertEquals(0, after.energy().reverseActiveWh() - before.energy().reverseActiveWh(), "netting: no reverse energy while the net imports");
    }

    @Test
    void negativePowerFactorComesOutNegative() throws Exception {
        meter(MeterProfile.EXPORT, SystemTicker.INSTANCE);
        MeterSession.PollReading r = new MeterSession(client(KEY)).readOnce().poll();
        assertEquals(-990, r.present().value(PresentValue.L1_PF));
        assertEquals(-985, r.present().value(PresentValue.L3_PF));
        assertEquals(0, r.present().value(PresentValue.FWD_W));
        assertEquals(4550, r.present().value(PresentValue.REV_W));
    }

    @Test
    void replyTimeoutIsDerivedFromWireTimeNotFixed() {
        ClientTimings t = ClientTimings.DEFAULT;
        Duration at9600 = t.replyTimeout(LineSettings.MEP, 19, 511);
        // (19 + 511) bytes * 10 bits / 9600 baud = 552.083 ms, + 1000 ms margin
        assertEquals(Duration.ofNanos(552_083_333).plusMillis(1000), at9600);
        assertTrue(t.replyTimeout(LineSettings.MEP.withBaud(1200), 19, 511).compareTo(at9600) > 0);
        assertEquals(at9600.multipliedBy(2), t.withScale(2.0).replyTimeout(LineSettings.MEP, 19, 511));
        assertFalse(at9600.compareTo(Duration.ofSeconds(10)) >= 0, "well below the firmware's flat 10 s");
    }

    /** Writes every event as a line, for asserting exact sequences. */
    static final class RecordingListener implements LinkListener {
        final List<String> log = Collections.synchronizedList(new ArrayList<>());
        final List<String> detailed = Collections.synchronizedList(new ArrayList<>());
        final List<String> sentWhat = Collections.synchronizedList(new ArrayList<>());

        @Override public void requestSent(String what, long sequence, int attempt) {
            log.add("sent " + what);
            detailed.add("sent " + what + " seq " + sequence + " attempt " + attempt);
            sentWhat.add(what);
            if (attempt > 1) log.add("retransmission");
        }
        @Override public void replyTimedOut(String what, int attempt, Duration timeout) {
            log.add("timeout");
            detailed.add("timeout " + attempt);
        }
        @Override public void garbage(byte[] dropped, String reason) { log.add("garbage " + reason); }
        @Override public void sequenceResync(long adopted) { log.add("resync " + adopted); }
        @Override public void authenticationFailed(String what) { log.add("auth-failed"); }
        @Override public void alert() { log.add("alert"); }

        long count(String prefix) {
            synchronized (log) {
                return log.stream().filter(s -> s.startsWith(prefix)).count();
            }
        }

        /** The table of each request sent, in order ("BT52", "ET11", ...). */
        List<String> tablesSent() {
            synchronized (sentWhat) {
                return sentWhat.stream().map(w -> w.replaceAll(".*\\b((BT|ET)\\d\\d)\\b.*", "$1")).toList();
            }
        }
    }
}
