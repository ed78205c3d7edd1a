package org.mepkit.board.firmware;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;
import org.mepkit.mep.frame.Request;
import org.mepkit.mep.frame.Wire;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.util.Hex;
import org.mepkit.power.PowerException;
import org.mepkit.recovery.RecoveryMachine;
import org.mepkit.recovery.RecoveryPolicy;
import org.mepkit.recovery.RecoveryState;
import org.mepkit.time.Ticker;

/**
 * A model of the upstream DabblerDK/MEP-SW-ESP32 firmware (commit 6681de7, ESP32 build) as
 * a board bench can observe it: the boot log, the 20-entry request ring, stop-and-wait
 * sending, the 10 s reply timeout with the 1 s / 1 s / 1 s MAX3232 + ENABLE power cycle,
 * the reboot after 50 unanswered sends, 0x0C resync, the start-up reads, BT23/BT28 polling,
 * the 0x0000 alert chain and the receive rules with their log lines
 * (board-firmware-behaviour.md §3–4, mep-protocol.md §2–8).
 *
 * <p>The parts with a state of their own live beside it: {@link BootLog}, {@link RequestRing},
 * {@link ReceiveBuffer}, {@link AlertChain}, {@link DashData}, {@link LoggedPin}. What stays here is one
 * concept, the firmware's main loop: sending, receiving, the reply timeout, the upstream power cycle
 * and the {@code spec} model's recovery passes all read and write the same stop-and-wait state
 * (awaiting a reply, last transmit time, input buffer, sequence number), as the firmware's loop() does;
 * splitting them would pass that state between classes without making any part simpler.
 *
 * <p>Single-threaded like the firmware: every method is called under the model's monitor;
 * blocking {@code delay()}s are modelled as "busy until" plus the work that follows them. HTTP is served from the
 * loop only, one client per pass (NES-MEP-UI.ino:288). Wi-Fi: one dot every 500 ms until the board's network says
 * the station is connected, the access point after 30 s or at once for an empty SSID (NES-MEP-UI.ino:159-187); the
 * station watchdog in loop() (NES-MEP-UI.ino:234) is not modelled (the twin's network never drops). Where upstream
 * crashes the model throws {@link FirmwarePanic} and the board resets as an ESP32 does.
 * Upstream line numbers are of commit 6681de7; CONTRACT.md lists what a fixed firmware must do instead.
 */
public final class DabblerFirmware implements FirmwareModel {

    public static final String PROJECT = "dabbler";
    /** The same firmware with its link recovery replaced by mepkit's recovery spec (firmware-spec/RECOVERY.md). */
    public static final String SPEC_PROJECT = "spec";

    static final int MAX_SEND_ATTEMPTS = 50;
    static final long REPLY_TIMEOUT_MS = 10_000;
    static final long GARBAGE_IDLE_MS = 100;
    static final long POLL_INTERVAL_MS = 2_000;
    static final int BUFFER = ReceiveBuffer.SIZE;

    static final byte[] BT52 = {0x30, 0x00, 0x34, 0x02, 0x00};
    static final byte[][] CONFIG_READS = {
            {0x30, 0x00, 0x01, 0x02, 0x00}, // BT01
            {0x30, 0x00, 0x15, 0x02, 0x00}, // BT21
            {0x30, 0x08, 0x03, 0x02, 0x00}, // ET03
            {0x30, 0x08, 0x0B, 0x02, 0x00}, // ET11
            {0x30, 0x08, 0x0D, 0x02, 0x00}, // ET13
            {0x30, 0x08, 0x32, 0x02, 0x00}, // ET50
    };
    static final byte[] BT23_POLL = {0x3F, 0x00, 0x17, 0x00, 0x00, 0x00, 0x00, 0x0D};
    static final byte[] BT28_POLL = {0x30, 0x00, 0x1C, 0x02, 0x00};
    /** The {@code spec} model's recovery probe: a 1-byte partial read of BT23 (RECOVERY.md §2). */
    static final byte[] PROBE = {0x3F, 0x00, 0x17, 0x00, 0x00, 0x00, 0x00, 0x01};
    static final int NONE = AlertChain.NONE;

    private final Ticker ticker;
    private final BoardIo io;
    private final FirmwareConfig config;
    private final Random garbage;
    private final long bootNanos;
    private final MbkKey key;

    private final RequestRing ring = new RequestRing();
    private long sequence;
    private int procSequence = 5;
    private boolean awaitingReply;
    private long lastTransmitMs;
    private boolean firstSuccess;
    private boolean configQueued;
    private final AlertChain alerts = new AlertChain();

    private final ReceiveBuffer rx = new ReceiveBuffer();
    private long lastByteMs;

    private final DashData dash = new DashData();
    private final SketchMqtt mqtt;

    /** Pending work after a blocking delay. */
    private final Deque<Runnable> afterDelay = new ArrayDeque<>();
    private long busyUntilMs;
    private boolean booted;
    private boolean halted;

    /** Null for the upstream recovery; the recovery engine for the {@code spec} model. */
    private final RecoveryMachine machine;
    private boolean mepStarted;
    private byte[] probe;

    public DabblerFirmware(Ticker ticker, BoardIo io, FirmwareConfig config, Random garbage) {
        this(ticker, io, config, garbage, null);
    }

    /**
     * The {@code spec} model: the same firmware, but reply timeouts, power cycles, probing and escalation follow
     * {@code policy} through the recovery engine (the pins still log {@code Setting RS3232/ENABLE pin} lines).
     */
    public static DabblerFirmware spec(Ticker ticker, BoardIo io, FirmwareConfig config, Random garbage, RecoveryPolicy policy) {
        return new DabblerFirmware(ticker, io, config, garbage, policy);
    }

    private DabblerFirmware(Ticker ticker, BoardIo io, FirmwareConfig config, Random garbage, RecoveryPolicy policy) {
        this.machine = policy == null ? null : new RecoveryMachine(policy, org.mepkit.serial.LineSettings.MEP,
                new LoggedPin("RS3232", io, io::setMax3232Powered), new LoggedPin("ENABLE", io, io::setMepEnabled), ticker,
                e -> io.println("Recovery: " + e.kind() + (e.detail() == null || e.detail().isEmpty() ? "" : " (" + e.detail() + ")")));
        this.ticker = ticker;
        this.io = io;
        this.config = config;
        this.garbage = garbage;
        this.bootNanos = ticker.nanoTime();
        this.key = MbkKey.of(config.mepKey());
        this.mqtt = config.mqttEnable() ? new SketchMqtt(io, config, dash, this::now) : null;
    }

    @Override
    public String projectName() {
        return machine == null ? PROJECT : SPEC_PROJECT;
    }

    @Override
    public synchronized boolean halted() {
        return halted;
    }

    long now() {
        return (ticker.nanoTime() - bootNanos) / 1_000_000L;
    }

    @Override
    public synchronized long idleHintMillis() {
        long now = now();
        if (busyUntilMs > now) return busyUntilMs - now;
        return 1;
    }

    @Override
    public synchronized void step() {
        if (halted) return;
        if (!booted) {
            booted = true;
            boot();
            return;
        }
        if (now() < busyUntilMs) return;
        if (!afterDelay.isEmpty()) {
            afterDelay.poll().run();
            return;
        }
        loopPass();
    }

    private void delay(long ms, Runnable then) {
        busyUntilMs = now() + ms;
        afterDelay.add(then);
    }

    // ---------------------------------------------------------------- boot (§3)

    private void boot() {
        BootLog.printConfiguration(io, config);
        awaitWifi(1);
    }

    /** The Wi-Fi wait of setup(), NES-MEP-UI.ino:159-177: a dot per 500 ms, then the AP check, then the status. */
    private void awaitWifi(int dots) {
        delay(BootLog.WIFI_DOT_MS, () -> {
            io.print(".");
            long waited = dots * BootLog.WIFI_DOT_MS;
            if (waited > BootLog.WIFI_TIMEOUT_MS || config.wifiSsid().isEmpty()) {
                BootLog.printAccessPoint(io);
                afterWifi();
            } else if (waited >= io.wifiConnectMillis()) {
                BootLog.printConnected(io, config);
                afterWifi();
            } else {
                awaitWifi(dots + 1);
            }
        });
    }

    /** NES-MEP-UI.ino:189-219: mDNS, the web server, SPIFFS, the MAX3232 and ENABLE with 1 s each, the first request. */
    private void afterWifi() {
        io.println("mDNS responder started");
        io.startWebServer();
        if (machine != null) {
            try {
                machine.start();
            } catch (PowerException e) {
                io.println("Recovery: power line failed: " + e.getMessage());
            }
            return;
        }
        io.println("Setting RS3232 pin 1");
        io.setMax3232Powered(true);
        delay(1000, () -> {
            io.println("Setting ENABLE pin 1");
            io.setMepEnabled(true);
            delay(1000, this::startMep);
        });
    }

    private void startMep() {
        mepStarted = true;
        io.mepRead(Integer.MAX_VALUE);
        if (config.mepDisabled()) {
            io.println("No MEP key set, disabling MEP communication until next reboot...");
        } else {
            queueRequest(BT52, NONE);
        }
        if (mqtt != null) mqtt.setup();
    }

    // ---------------------------------------------------------------- main loop (§4.2)

    /** loop(), NES-MEP-UI.ino:231: MQTT (:247), one HTTP client (:288), the reply timeout (:296), receive (:317), send (:391). */
    private void loopPass() {
        if (mqtt != null) {
            long blocked = mqtt.pass(now());
            if (blocked > 0) {
                delay(blocked, this::restOfPass);
                return;
            }
        }
        restOfPass();
    }

    private void restOfPass() {
        serveHttp();
        if (machine != null) {
            specPass();
            return;
        }
        long now = now();
        if (awaitingReply && now - lastTransmitMs > REPLY_TIMEOUT_MS) {
            powerCycle();
            return;
        }
        receive(now);
        send(now());
    }

    /** One main-loop pass of the {@code spec} model: the recovery engine owns timeouts and power cycles. */
    private void specPass() {
        RecoveryState state;
        try {
            state = machine.poll();
        } catch (PowerException e) {
            io.println("Recovery: power line failed: " + e.getMessage());
            return;
        }
        if (state == RecoveryState.ESCALATED) {
            io.println("Giving up: the MAX3232 is not recovering; restarting");
            halted = true;
            io.restart("recovery escalated");
            return;
        }
        if (!mepStarted) {
            if (state == RecoveryState.HEALTHY) startMep();
            return;
        }
        if (state != RecoveryState.HEALTHY && state != RecoveryState.PROBING && state != RecoveryState.PROBE_DUE) {
            if (awaitingReply || probe != null) {
                awaitingReply = false;
                probe = null;
                io.println("RS3232 reset. Dropping buffer with this contents:");
                io.println(rx.dump());
            }
            rx.clear();
            io.mepRead(BUFFER);
            return;
        }
        long now = now();
        if (probe != null) {
            receiveProbeReply();
            return;
        }
        receive(now);
        if (state == RecoveryState.PROBE_DUE && !awaitingReply) {
            if (machine.policy().probe() == RecoveryPolicy.Probe.CHEAP_REQUEST) {
                probe = new Request(PROBE, sequence).encode(key);
                sequence = (sequence + 1) & 0xFFFFFFFFL;
                io.println("Transmitting recovery probe");
                io.mepWrite(probe);
                machine.onRequestSent(probe.length, 5 + 1 + 8);
                lastTransmitMs = now;
                return;
            }
        }
        send(now());
    }

    private void receiveProbeReply() {
        rx.append(io.mepRead(rx.room()));
        if (!rx.complete()) return;
        byte[] reply = rx.take(rx.packetLength());
        int code = reply.length >= 3 ? reply[2] & 0xFF : -1;
        if (code == 0x0C && reply.length >= 7) sequence = Wire.u32be(reply, 3);
        rx.clear();
        probe = null;
        machine.onGoodReply();
    }

    private void powerCycle() {
        io.println("Setting ENABLE pin 0");
        io.setMepEnabled(false);
        io.println("Setting RS3232 pin 0");
        io.setMax3232Powered(false);
        io.println("RS3232 reset 1/2. Dropping buffer with this contents:");
        io.println(rx.dump());
        rx.clear();
        awaitingReply = false;
        delay(1000, () -> {
            io.println("Setting RS3232 pin 1");
            io.setMax3232Powered(true);
            delay(1000, () -> {
                io.println("Setting ENABLE pin 1");
                io.setMepEnabled(true);
                delay(1000, () -> {
                    byte[] got = io.mepRead(BUFFER);
                    io.println("RS3232 reset 2/2. Dropping buffer with this contents:");
                    io.println(dump(got, got.length));
                    rx.clear();
                    receive(now());
                    send(now());
                });
            });
        });
    }

    // ---------------------------------------------------------------- receive (§4.3)

    /** SerialEvent2() and the packet rules, NES-MEP-UI.ino:222-229 and 317-388. */
    private void receive(long now) {
        if (!rx.full()) {
            byte[] got = io.mepRead(rx.room());
            if (got.length > 0) {
                rx.append(got);
                lastByteMs = now;
            }
        }
        if (rx.length() == 0) return;
        if (rx.complete()) {
            // HandleAlertSequence (NES-MEP.cpp:915) strips every leading 00 00 after the check above (:319)
            while (rx.startsWithAlert()) {
                rx.take(2);
                alertReceived();
            }
            if (rx.full()) {
                storeResponse(rx.contents());
                io.println("Error: Input buffer overflow. InputBufferLength: " + rx.length()
                        + " Dropping buffer with this contents:");
                io.println(rx.dump());
                rx.clear();
                return;
            }
            if (rx.length() == 0) return;
            if (!awaitingReply) {
                storeResponse(rx.contents());
                io.println("Error: InputBufferLength: " + rx.length()
                        + ", got this reply from the meter, but did not expect one:");
                io.println(rx.dump());
                rx.clear();
                return;
            }
            if (!rx.complete()) {
                if (machine != null) return; // the spec firmware checks again after the alerts and waits for the rest
                // upstream takes the rest as the reply anyway: ReplyLength = L + 2 > InputBufferLength (NES-MEP-UI.ino:341),
                // then memcpy(InputBuffer, InputBuffer + ReplyLength, InputBufferLength - ReplyLength) (:343) with the
                // unsigned length wrapped to about 4 GiB: the copy runs off the end of RAM
                throw new FirmwarePanic("StoreProhibited", "NES-MEP-UI.ino:343", "an alert followed by an incomplete reply: "
                        + rx.packetLength() + " bytes taken as the reply from a buffer of " + rx.length());
            }
            byte[] reply = rx.take(rx.packetLength());
            awaitingReply = false;
            if (machine != null) machine.onGoodReply();
            replyReceived(ring.sendIndex(), reply);
        } else if (!awaitingReply && now - lastByteMs > GARBAGE_IDLE_MS) {
            if (machine != null) {
                try {
                    machine.onGarbage(rx.length());
                } catch (PowerException e) {
                    io.println("Recovery: power line failed: " + e.getMessage());
                }
            }
            io.println("Error: InputBufferLength: " + rx.length()
                    + ", got this garbage from the meter, but did not expect a package:");
            io.println(rx.dump());
            rx.clear();
        }
    }

    private void alertReceived() {
        io.println("Alert sequence (0x0000) received...");
        if (machine != null && awaitingReply) machine.onAlert();
        storeResponse(new byte[] {0, 0});
        queue(alerts.alert());
    }

    /** NES-MEP-UI.ino:341-377: the reply is saved in the entry being sent, whatever that entry now holds. */
    private void replyReceived(int index, byte[] reply) {
        RequestRing.Entry entry = ring.get(index);
        entry.reply = reply;
        int code = reply.length >= 3 ? reply[2] & 0xFF : -1;
        byte[] slot = entry.slotBytes;
        int requestLength = entry.request.length;
        boolean bt07 = slot.length >= 5 && slot[2] == 0x40 && slot[3] == 0x00 && slot[4] == 0x07;
        // HandleInvalidSequenceNumber (NES-MEP.cpp:888) re-sends the body, RequestLength - 14 bytes: with the entry
        // overwritten by stored alerts (RequestLength 0) that count wraps and bytesToHexString reads past the end of RAM
        if ((code == 0x04 && bt07) || code == 0x0C) {
            if (requestLength < 14 && machine != null) {
                io.println("Saved request response at index " + index); // the spec firmware checks the length first
                return;
            }
            if (requestLength < 14) {
                throw new FirmwarePanic("LoadProhibited", code == 0x0C ? "NES-MEP.cpp:906" : "NES-MEP.cpp:896",
                        "a 0x" + String.format("%02X", code) + " reply for ring entry " + index + ", which holds no request any more");
            }
            byte[] body = body(entry.request);
            if (code == 0x0C) {
                if (reply.length >= 7) {
                    sequence = Wire.u32be(reply, 3);
                    queueRequest(body, entry.followUp);
                }
            } else {
                byte[] again = body.clone();
                again[7] = (byte) procSequence;
                queueRequest(again, entry.followUp);
                takeProcSequence();
            }
        }
        io.println("Saved request response at index " + index);
        if (!configQueued) {
            if (!firstSuccess) firstSuccess = code == 0x00;
            if (firstSuccess) {
                for (byte[] read : CONFIG_READS) queueRequest(read, NONE);
                configQueued = true;
            }
        }
        if (code != 0x00) return;
        // ReplyData2String (NES-MEP.cpp:490) decodes only entries that hold a request of 8 bytes or more
        if (firstSuccess && requestLength >= 8) dash.decodeReply(body(entry.request), reply, now(), io);
        queue(alerts.after(entry.followUp, reply, this::takeProcSequence));
    }

    /** The body of an encoded request: between the length field and the sequence number + digest. */
    private static byte[] body(byte[] request) {
        return Arrays.copyOfRange(request, 2, request.length - 12);
    }

    private static boolean isBt07Write(byte[] body) {
        return body.length >= 8 && body[0] == 0x40 && body[1] == 0x00 && body[2] == 0x07;
    }

    /** The procedure sequence number for the next BT07 call; they run 5..9 and wrap. */
    private int takeProcSequence() {
        int current = procSequence;
        procSequence = procSequence >= 9 ? 5 : procSequence + 1;
        return current;
    }

    private void queue(AlertChain.Next next) {
        if (next == null) return;
        // queueProcedureRequest logs before it queues (NES-MEP.cpp:208)
        if (next.procedure()) io.println("Handling Procedure Request at index " + ring.writeIndex());
        queueRequest(next.body(), next.followUp());
    }

    // ---------------------------------------------------------------- queue and send

    private int queueRequest(byte[] body, int followUp) {
        RequestRing.Entry e = new RequestRing.Entry();
        e.queuedAt = now();
        e.request = new Request(body, sequence).encode(key);
        e.followUp = followUp;
        sequence = (sequence + 1) & 0xFFFFFFFFL;
        int index = ring.put(e);
        io.println("Queued request at index " + index);
        return index;
    }

    private void storeResponse(byte[] response) {
        RequestRing.Entry e = new RequestRing.Entry();
        e.queuedAt = now();
        e.reply = response;
        int index = ring.put(e);
        io.println("Queued response at index " + index);
    }

    private void send(long now) {
        if (awaitingReply) return;
        RequestRing.Entry e = ring.nextToSend();
        if (e.request.length > 0 && e.reply == null) {
            if (e.attempts >= MAX_SEND_ATTEMPTS) {
                io.println("Giving up on reqest at index " + garbage.nextInt() + " - too may retries");
                delay(1000, () -> {
                    halted = true;
                    io.restart("gave up after " + MAX_SEND_ATTEMPTS + " sends");
                });
                return;
            }
            e.attempts++;
            io.println("Transmitting request at index " + ring.sendIndex() + " (attempt " + e.attempts + ")");
            io.mepWrite(e.request);
            lastTransmitMs = now;
            awaitingReply = true;
            if (machine != null) machine.onRequestSent(e.request.length, BUFFER - 1);
        } else if (firstSuccess && now - lastTransmitMs > POLL_INTERVAL_MS) {
            queueRequest(BT23_POLL, NONE);
            queueRequest(BT28_POLL, NONE);
        }
    }

    // ---------------------------------------------------------------- HTTP

    /** MyWebServer.handleClient(), NES-MEP-UI.ino:288: one waiting client; only GET /getDashDataWS is modelled. */
    private void serveHttp() {
        WebClient c = io.nextWebClient();
        if (c == null) return;
        if ("GET".equals(c.method()) && "/getDashDataWS".equals(c.path())) {
            c.respond(200, "application/json", dash.json(now()));
            io.println("Serving web request: GetDashDataWS with Fwd_Act_Wh=" + dash.fwdActWh + " and Rev_Act_Wh="
                    + dash.revActWh);
        } else {
            // no handler for this path and method: the Arduino WebServer's own not-found reply
            c.respond(404, "text/html", "Not found: " + c.path());
        }
    }

    /** The dashboard JSON as {@code /getDashDataWS} would serve it now (the model's values, no log line). */
    @Override
    public synchronized String dashDataJson() {
        return dash.json(now());
    }

    /** Firmware hex dump: {@code 0x} then uppercase pairs, no separators. */
    static String dump(byte[] b, int len) {
        return "0x" + Hex.upper(Arrays.copyOf(b, len));
    }
}
