package org.mepkit.mep.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.mepkit.mep.frame.Command;
import org.mepkit.mep.frame.Deframer;
import org.mepkit.mep.frame.DeframerEvent;
import org.mepkit.mep.frame.MalformedFrameException;
import org.mepkit.mep.frame.MeterRefusedException;
import org.mepkit.mep.frame.Request;
import org.mepkit.mep.frame.Response;
import org.mepkit.mep.frame.ResponseCode;
import org.mepkit.mep.frame.Responses;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.time.Deadline;
import org.mepkit.time.Ticker;

/**
 * Talks MEP to one meter over a {@link SerialLine}, the way the board firmware does:
 * stop-and-wait, one request outstanding, sequence numbers from 0 that follow the meter on 0x0C,
 * identical retransmission after a reply timeout. Timeouts come from {@link ClientTimings}
 * (wire time at the line's baud plus a turnaround margin), everything seen on the link is
 * reported to a {@link LinkListener}, and an alert {@code 00 00} arriving at any moment is
 * counted and reported without disturbing the exchange in progress.
 *
 * <p>Not thread-safe: one thread drives a client.
 */
public final class MeterClient {

    private static final int READ_CHUNK = 512;

    private final SerialLine line;
    private final MbkKey key;
    private final Ticker ticker;
    private final ClientTimings timings;
    private final LinkListener listener;
    private final Deframer deframer = new Deframer();
    private final byte[] buffer = new byte[READ_CHUNK];
    private long sequence;
    private int pendingAlerts;

    public MeterClient(SerialLine line, MbkKey key, Ticker ticker, ClientTimings timings, LinkListener listener) {
        this.line = Objects.requireNonNull(line, "line");
        this.key = Objects.requireNonNull(key, "key");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A client on the system clock with {@link ClientTimings#DEFAULT} timings. */
    public static MeterClient withDefaults(SerialLine line, MbkKey key, LinkListener listener) {
        return new MeterClient(line, key, org.mepkit.time.SystemTicker.INSTANCE, ClientTimings.DEFAULT, listener);
    }

    public SerialLine line() {
        return line;
    }

    public Ticker ticker() {
        return ticker;
    }

    public ClientTimings timings() {
        return timings;
    }

    /** The sequence number the next new request will carry (starts at 0, like the firmware). */
    public long nextSequence() {
        return sequence;
    }

    /** Alerts received and not yet taken with {@link #takeAlerts()}. */
    public int pendingAlerts() {
        return pendingAlerts;
    }

    /** Returns the number of alerts received since the last call and clears it. */
    public int takeAlerts() {
        int n = pendingAlerts;
        pendingAlerts = 0;
        return n;
    }

    /**
     * Sends {@code command} and returns the table data of the meter's 0x00 reply.
     *
     * @throws MeterRefusedException the meter answered with an error code (0x0B, a wrong key, is
     *         the subclass {@link org.mepkit.mep.frame.AuthenticationFailureException})
     * @throws MeterTimeoutException no answer after every attempt
     */
    public byte[] read(Command command) throws IOException {
        Response response = exchange(command);
        if (response instanceof Response.Data data) return data.tableData();
        Response.Failure failure = (Response.Failure) response;
        throw MeterRefusedException.of(failure.code());
    }

    /**
     * Sends {@code command} and returns the meter's final answer: a {@link Response.Data} or a
     * {@link Response.Failure} (never a resync, which is handled here, nor an alert, which is counted).
     * A 0x0B is reported to the listener as an authentication failure; the request is sent once more,
     * and a second 0x0B in a row is final unless the listener asks for the request again
     * ({@link LinkListener#resendAfterRefusal}).
     */
    /** Refusals (0x0B) of one request in a row before one is taken as the meter's answer. */
    static final int REFUSALS_TO_BELIEVE = 2;

    /** Tries of the current exchange that timed out (a late meter shows as timeouts, then 0x0C). */
    private int timedOutTries;

    public Response exchange(Command command) throws IOException {
        String what = command.describe();
        int resyncs = 0;
        int refusals = 0;
        timedOutTries = 0;
        while (true) {
            Request request = new Request(command.body(), sequence);
            sequence = (sequence + 1) & 0xFFFF_FFFFL;
            byte[] packet = request.encode(key);
            Response response = transmit(what, request.sequence(), packet, maxReplyBytes(command));
            if (response instanceof Response.SequenceResync resync) {
                if (++resyncs > timings.maxResyncs()) {
                    throw new MeterSequenceException(what, resyncs, timedOutTries);
                }
                sequence = resync.expectedSequence() & 0xFFFF_FFFFL;
                listener.sequenceResync(sequence);
                continue;
            }
            if (isRefusal(response)) {
                listener.authenticationFailed(what);
                ++refusals;
                // one 0x0B alone is no verdict: three bytes of line noise (00 01 0B) make one, so the request is
                // asked again and only a second refusal in a row counts as the meter's answer
                if (listener.resendAfterRefusal(what, refusals) || refusals < REFUSALS_TO_BELIEVE) {
                    sequence = request.sequence();   // the meter did not take this number: send it again
                    continue;
                }
            }
            return response;
        }
    }

    /**
     * Sends the same bytes up to {@code maxAttempts} times until a complete, well-formed, non-alert
     * reply arrives; a timeout or a malformed reply uses up an attempt.
     */
    private Response transmit(String what, long seq, byte[] packet, int maxReply) throws IOException {
        Duration timeout = timings.replyTimeout(line.settings(), packet.length, maxReply);
        boolean malformedSeen = false;
        for (int attempt = 1; attempt <= timings.maxAttempts(); attempt++) {
            long sentAt = ticker.nanoTime();
            line.write(packet);
            listener.requestSent(what, seq, attempt);
            byte[] reply = awaitPacket(ticker.deadlineAfter(timeout), packet);
            if (reply == null) {
                dropPartial("incomplete reply at timeout");
                timedOutTries++;
                listener.replyTimedOut(what, attempt, timeout);
                continue;
            }
            try {
                Response response = Responses.parse(reply);
                if (!isRefusal(response)) listener.replyReceived(what, Duration.ofNanos(ticker.nanoTime() - sentAt));
                return response;
            } catch (MalformedFrameException e) {
                // a complete packet that is no valid reply (noise with a plausible length): retry
                malformedSeen = true;
                listener.garbage(reply, "malformed reply: " + e.getMessage());
            }
        }
        throw new MeterTimeoutException(what, timings.maxAttempts(), timeout, malformedSeen);
    }

    /**
     * Reads until a complete packet other than an alert (and other than an echo of
     * {@code request}) arrives, or the deadline passes (null).
     */
    private byte[] awaitPacket(Deadline deadline, byte[] request) throws SerialException {
        while (true) {
            Duration remaining = deadline.remaining();
            if (remaining.isZero()) return null;
            int n = readCharged(remaining);
            if (n == 0) continue;
            byte[] packet = handle(deframer.feed(buffer, 0, n), request);
            if (packet != null) return packet;
        }
    }

    /** Surfaces garbage and alerts; returns the first real packet, if any (later ones are reported as garbage). */
    private byte[] handle(List<DeframerEvent> events, byte[] request) {
        byte[] found = null;
        for (DeframerEvent event : events) {
            if (event instanceof DeframerEvent.Garbage garbage) {
                listener.garbage(garbage.dropped(), garbage.reason());
            } else if (event instanceof DeframerEvent.Packet p) {
                byte[] bytes = p.bytes();
                if (isAlert(bytes)) {
                    pendingAlerts++;
                    listener.alert();
                } else if (request != null && Arrays.equals(bytes, request)) {
                    listener.garbage(bytes, "our own request looped back");
                } else if (found == null) {
                    found = bytes;
                } else {
                    listener.garbage(bytes, "a second packet after the reply, not expected");
                }
            }
        }
        return found;
    }

    /**
     * Listens for {@code duration} without sending anything, surfacing alerts and garbage.
     * Returns the number of alerts seen in that time.
     */
    public int listen(Duration duration) throws SerialException {
        int before = pendingAlerts;
        Deadline deadline = ticker.deadlineAfter(duration);
        while (!deadline.expired()) {
            int n = readCharged(deadline.remaining());
            if (n == 0) continue;
            byte[] packet = handle(deframer.feed(buffer, 0, n), null);
            if (packet != null) listener.garbage(packet, "a packet nobody asked for");
        }
        return pendingAlerts - before;
    }

    /**
     * Reads into {@link #buffer}. When nothing came, the real time the read waited is charged to
     * the ticker: a no-op for the system clock (that time has passed on it already), and what moves
     * a manual clock forward, so timeouts also expire in simulations.
     */
    private int readCharged(Duration timeout) throws SerialException {
        long tickerBefore = ticker.nanoTime();
        long realBefore = System.nanoTime();
        int n = line.read(buffer, 0, buffer.length, timeout);
        if (n == 0) waitQuietly(tickerBefore + Math.min(timeout.toNanos(), System.nanoTime() - realBefore));
        return n;
    }

    private void dropPartial(String reason) {
        for (DeframerEvent event : deframer.flushPartial()) {
            if (event instanceof DeframerEvent.Garbage garbage) listener.garbage(garbage.dropped(), reason);
        }
    }

    private void waitQuietly(long untilNanos) throws SerialException {
        try {
            ticker.waitUntil(untilNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SerialException(line.name() + ": interrupted while waiting for the meter", e);
        }
    }

    private static boolean isRefusal(Response response) {
        return response instanceof Response.Failure failure && failure.code() == ResponseCode.AUTHENTICATION_FAILURE;
    }

    static boolean isAlert(byte[] packet) {
        return packet.length == 2 && packet[0] == 0 && packet[1] == 0;
    }

    /** The largest reply a command can draw: a full read up to the firmware's limit, a partial read its count. */
    static int maxReplyBytes(Command command) {
        if (command instanceof Command.PartialRead partial) {
            // length(2) + code(1) + count(2) + data + the meters' 8-byte trailer, with 4 bytes to spare
            return 2 + 1 + 2 + partial.count() + 12;
        }
        return ClientTimings.MAX_REPLY_BYTES;
    }

}
