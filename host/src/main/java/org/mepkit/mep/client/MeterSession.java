package org.mepkit.mep.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

import org.mepkit.mep.frame.Command;
import org.mepkit.mep.frame.MeterRefusedException;
import org.mepkit.mep.frame.Response;
import org.mepkit.mep.frame.ResponseCode;
import org.mepkit.mep.table.Bt01Identity;
import org.mepkit.mep.table.Bt21ActualRegister;
import org.mepkit.mep.table.Bt23CurrentRegisters;
import org.mepkit.mep.table.Bt28PresentValues;
import org.mepkit.mep.table.Bt52Clock;
import org.mepkit.mep.table.Et03UtilityInfo;
import org.mepkit.mep.table.Et11DimensionTable;
import org.mepkit.mep.table.Et13MepDeviceConfig;
import org.mepkit.mep.table.Et50MepInboundData;
import org.mepkit.mep.table.TableId;
import org.mepkit.time.Ticker;

/**
 * The board firmware's conversation with a meter, on top of a {@link MeterClient}: the start-up
 * reads (BT52 first, then BT01, BT21, ET03, ET11, ET13, ET50), the BT23 + BT28 poll, and the alert
 * chain (mep-protocol §7.1). Keeps what start-up learned (BT21 decides how BT23 and BT28 are laid
 * out) and the procedure sequence number (5..9, like the firmware).
 */
public final class MeterSession {

    /** The poll's BT23 read: partial, offset 0, 13 bytes (firmware since 2024-03-28). */
    public static final Command BT23_POLL = Command.partialRead(TableId.BT23, 0, 13);
    public static final Command BT28_POLL = Command.fullRead(TableId.BT28);
    /** EP39 "Post MEP Data", the only procedure the firmware calls. */
    public static final int EP39 = 0x0827;
    /** EP39's parameters as the firmware sends them: type 04, status 01, length 6 (LE), six bytes. */
    static final byte[] EP39_PARAMS = {0x04, 0x01, 0x06, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06};
    private static final int FIRST_PROC_SEQ = 5;
    private static final int LAST_PROC_SEQ = 9;

    private final MeterClient client;
    private StartupTables startup;
    private int procSeq = FIRST_PROC_SEQ;

    public MeterSession(MeterClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    public MeterClient client() {
        return client;
    }

    /** What the start-up reads returned; null before {@link #startup()}. */
    public StartupTables startupTables() {
        return startup;
    }

    /** The seven start-up reads in the firmware's order. */
    public StartupTables startup() throws IOException {
        Bt52Clock clock = Bt52Clock.decode(client.read(Command.fullRead(TableId.BT52)));
        Bt01Identity identity = Bt01Identity.decode(client.read(Command.fullRead(TableId.BT01)));
        Bt21ActualRegister actual = Bt21ActualRegister.decode(client.read(Command.fullRead(TableId.BT21)));
        Et03UtilityInfo utility = Et03UtilityInfo.decode(client.read(Command.fullRead(TableId.ET03)));
        Et11DimensionTable dimensions = Et11DimensionTable.decode(client.read(Command.fullRead(TableId.ET11)));
        Et13MepDeviceConfig mepConfig = Et13MepDeviceConfig.decode(client.read(Command.fullRead(TableId.ET13)),
                dimensions);
        Et50MepInboundData inbound = Et50MepInboundData.decode(client.read(Command.fullRead(TableId.ET50)));
        startup = new StartupTables(clock, identity, actual, utility, dimensions, mepConfig, inbound);
        return startup;
    }

    /** One polling cycle: BT23 (partial) then BT28, back to back. */
    public PollReading poll() throws IOException {
        Bt21ActualRegister actual = startup == null ? Bt21ActualRegister.NOT_READ : startup.actual();
        Bt23CurrentRegisters energy = Bt23CurrentRegisters.decode(client.read(BT23_POLL), actual);
        Bt28PresentValues present = Bt28PresentValues.decode(client.read(BT28_POLL), actual);
        return new PollReading(energy, present);
    }

    /**
     * Polls like the firmware (mep-protocol §8.2): a BT23 + BT28 pair, then listening (alerts
     * surface here too) until {@code interval} has passed since the pair started, {@code cycles}
     * times. When alerts arrived, the alert chain runs before the next pair, once per batch of alerts
     * (the firmware also starts one chain for several alerts). The firmware's interval is
     * {@link #FIRMWARE_POLL_INTERVAL}.
     */
    public void poll(Duration interval, int cycles, PollHandler handler) throws IOException {
        Ticker ticker = client.ticker();
        for (int i = 0; i < cycles; i++) {
            long start = ticker.nanoTime();
            if (client.takeAlerts() > 0) handler.alertChain(runAlertChain());
            handler.reading(poll());
            Duration left = interval.minusNanos(ticker.nanoTime() - start);
            if (i < cycles - 1 && !left.isNegative() && !left.isZero()) client.listen(left);
        }
    }

    /** The firmware's pause between poll pairs: 2 s since the last transmission. */
    public static final Duration FIRMWARE_POLL_INTERVAL = Duration.ofSeconds(2);

    /** Receives what {@link #poll(Duration, int, PollHandler)} read. */
    public interface PollHandler {
        void reading(PollReading reading);

        default void alertChain(AlertChainResult result) { }
    }

    /** Start-up (if not done yet) and one poll: everything {@code mep read} prints. */
    public MeterReading readOnce() throws IOException {
        if (startup == null) startup();
        return new MeterReading(startup, poll());
    }

    /**
     * The alert chain: ET11 partial (entry size S) → ET13 partial at 4·S+8 (alert flags) → ET50
     * partial at 30 (MEP flags) → EP39 through BT07 (0x04 → next procedure sequence number, at most
     * five tries) → BT08, or 0x083A when MEP flags bit 1 is set.
     */
    public AlertChainResult runAlertChain() throws IOException {
        int entrySize = client.read(Command.partialRead(TableId.ET11, 1, 1))[0] & 0xFF;
        int alertFlags = client.read(Command.partialRead(TableId.ET13, 4 * entrySize + 8, 1))[0] & 0xFF;
        int mepFlags = client.read(Command.partialRead(TableId.ET50, 30, 1))[0] & 0xFF;
        int usedSeq = callEp39();
        TableId resultTable = (mepFlags & 0x02) != 0 ? TableId.ET58 : TableId.BT08;
        byte[] result = client.read(Command.fullRead(resultTable));
        return new AlertChainResult(entrySize, alertFlags, mepFlags, usedSeq, resultTable, result);
    }

    private int callEp39() throws IOException {
        for (int tries = 0; tries <= LAST_PROC_SEQ - FIRST_PROC_SEQ; tries++) {
            int seq = procSeq;
            procSeq = seq == LAST_PROC_SEQ ? FIRST_PROC_SEQ : seq + 1;
            Response response = client.exchange(Command.procedureCall(EP39, seq, EP39_PARAMS));
            if (response instanceof Response.Data) return seq;
            ResponseCode code = ((Response.Failure) response).code();
            if (code != ResponseCode.OPERATION_NOT_POSSIBLE) throw MeterRefusedException.of(code);
        }
        throw MeterRefusedException.of(ResponseCode.OPERATION_NOT_POSSIBLE);
    }

    /** The tables the start-up reads returned. */
    public record StartupTables(Bt52Clock clock, Bt01Identity identity, Bt21ActualRegister actual,
                                Et03UtilityInfo utility, Et11DimensionTable dimensions,
                                Et13MepDeviceConfig mepConfig, Et50MepInboundData inbound) { }

    /** One poll: energy registers (BT23) and present values (BT28). */
    public record PollReading(Bt23CurrentRegisters energy, Bt28PresentValues present) { }

    /**
     * What the alert chain read.
     *
     * @param procedureSequence the EP39 call's procedure sequence number that the meter accepted
     */
    public record AlertChainResult(int configEntrySize, int alertFlags, int mepFlags, int procedureSequence,
                                   TableId resultTable, byte[] resultData) {
        public AlertChainResult {
            resultData = resultData.clone();
        }

        @Override
        public byte[] resultData() {
            return resultData.clone();
        }
    }
}
