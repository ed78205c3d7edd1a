package org.mepkit.serial.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.mepkit.serial.LineSettings;
import org.mepkit.serial.ModemControl;
import org.mepkit.serial.PortBusyException;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.UnsupportedLineFeatureException;

/**
 * {@code rfc2217://host:port}: a serial port on another machine through a telnet COM-PORT-OPTION server (ser2net,
 * esptool's esp_rfc2217_server, pyserial's PortManager).
 *
 * <p>Opening negotiates telnet BINARY and SGA both ways and COM-PORT-OPTION 44, then sets baud, data size, parity
 * and stop size and waits for each acknowledgement (an exporter that adjusts a value is refused), switches flow
 * control off and purges both of the exporter's buffers. Serial data has 0xFF doubled both ways.
 *
 * <p>SET-CONTROL (flow control, DTR, RTS) is sent and never waited for: an exporter in front of a pty, or an
 * adapter without modem lines, never answers DTR/RTS (ser2net's ioctl fails silently), and a client that waits for
 * that answer hangs (pyserial does, hence its {@code ?ign_set_control}).
 *
 * <p>{@link #discardInput()} purges the exporter's receive buffer too, and drops exactly the data that came before
 * the purge acknowledgement: the exporter sends both on one TCP stream, so that data predates the purge.
 */
final class Rfc2217Line extends NetLine {

    /** Client-to-server COM-PORT-OPTION commands (RFC 2217); the server answers with the same code + 100. */
    static final int SET_BAUDRATE = 1;
    static final int SET_DATASIZE = 2;
    static final int SET_PARITY = 3;
    static final int SET_STOPSIZE = 4;
    static final int SET_CONTROL = 5;
    static final int PURGE_DATA = 12;
    static final int SERVER_OFFSET = 100;

    static final int CONTROL_NO_FLOW_CONTROL = 1;
    static final int CONTROL_DTR_ON = 8;
    static final int CONTROL_DTR_OFF = 9;
    static final int CONTROL_RTS_ON = 11;
    static final int CONTROL_RTS_OFF = 12;
    static final int PURGE_RECEIVE = 1;
    static final int PURGE_BOTH = 3;

    private enum ComPort { ASKED, ACCEPTED, REFUSED }

    private final Duration timeout;
    private final TelnetDecoder decoder = new TelnetDecoder(new Handler());
    /** Options we offered (WILL) or asked for (DO) and whose answer has not come yet: answers to them are not re-answered. */
    private final Set<String> pending = new HashSet<>();
    private final Set<Integer> localOn = new HashSet<>();
    private final Set<Integer> remoteOn = new HashSet<>();
    private ComPort comPort = ComPort.ASKED;
    private final int[] answerCount = new int[SERVER_OFFSET];
    private final byte[][] answerValue = new byte[SERVER_OFFSET][];
    private boolean purgeWaiting;
    /** What came as data before the line was ready: ser2net says "Port already in use" that way. */
    private final ByteArrayOutputStream greetingText = new ByteArrayOutputStream();
    private boolean ready;

    private Rfc2217Line(String name, LineSettings settings, Socket socket, Duration timeout) throws IOException {
        super(name, settings, socket);
        this.timeout = timeout;
    }

    /** Negotiates on a connected socket; the socket is closed when that fails. */
    static Rfc2217Line open(String name, LineSettings settings, Socket socket, Duration timeout) throws SerialException {
        Rfc2217Line line;
        try {
            line = new Rfc2217Line(name, settings, socket, timeout);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new PortDisconnectedException(name + ": the connection to the exporter dropped (" + e.getMessage() + ")", e);
        }
        boolean ok = false;
        try {
            line.negotiate();
            ok = true;
            return line;
        } finally {
            if (!ok) line.close();
        }
    }

    private void negotiate() throws SerialException {
        synchronized (lock) {
            pending.add("WILL " + Telnet.BINARY);
            pending.add("DO " + Telnet.BINARY);
            pending.add("WILL " + Telnet.SGA);
            pending.add("DO " + Telnet.SGA);
            pending.add("WILL " + Telnet.COM_PORT_OPTION);
        }
        try {
            // offered before the reader starts, so the offer always precedes the answers to the server's greeting
            sendAll(Telnet.command(Telnet.WILL, Telnet.BINARY), Telnet.command(Telnet.DO, Telnet.BINARY),
                    Telnet.command(Telnet.WILL, Telnet.SGA), Telnet.command(Telnet.DO, Telnet.SGA),
                    Telnet.command(Telnet.WILL, Telnet.COM_PORT_OPTION));
            start();
            setUp();
        } catch (PortDisconnectedException e) {
            startIfNot();
            throw closedWhileSettingUp(e);
        }
        synchronized (lock) {
            ready = true;
        }
    }

    private void setUp() throws SerialException {
        synchronized (lock) {
            boolean answered = awaitNegotiation(() -> comPort != ComPort.ASKED);
            if (!answered) {
                throw new SerialException(name + ": no RFC 2217 answer within " + seconds(timeout)
                        + " (is it a telnet/RFC 2217 port? for a raw TCP port use socket://)");
            }
            if (comPort == ComPort.REFUSED) {
                throw new UnsupportedLineFeatureException(name + ": the server refused COM-PORT-OPTION, it is not an RFC 2217"
                        + " port exporter (for a raw TCP port use socket://)");
            }
        }
        int[] before = answerCountsSnapshot();
        sendAll(comPortCommand(SET_BAUDRATE, int32(settings.baud())),
                comPortCommand(SET_DATASIZE, new byte[] {(byte) settings.dataBits()}),
                comPortCommand(SET_PARITY, new byte[] {(byte) parityCode(settings.parity())}),
                comPortCommand(SET_STOPSIZE, new byte[] {(byte) (settings.stopBits() == LineSettings.StopBits.ONE ? 1 : 2)}),
                comPortCommand(SET_CONTROL, new byte[] {CONTROL_NO_FLOW_CONTROL}));
        expectAnswer(before, SET_BAUDRATE, "baud " + settings.baud(), int32(settings.baud()));
        expectAnswer(before, SET_DATASIZE, settings.dataBits() + " data bits", new byte[] {(byte) settings.dataBits()});
        expectAnswer(before, SET_PARITY, "parity " + settings.parity().name().toLowerCase(java.util.Locale.ROOT),
                new byte[] {(byte) parityCode(settings.parity())});
        expectAnswer(before, SET_STOPSIZE, (settings.stopBits() == LineSettings.StopBits.ONE ? 1 : 2) + " stop bit(s)",
                new byte[] {(byte) (settings.stopBits() == LineSettings.StopBits.ONE ? 1 : 2)});
        purge(PURGE_BOTH);
    }

    /**
     * The connection ended while the port was being set up: a busy port when the exporter said so (ser2net sends
     * "Port already in use" as data, then closes), otherwise a dropped connection.
     */
    private SerialException closedWhileSettingUp(PortDisconnectedException e) {
        awaitReaderEnd(timeout);
        String said;
        synchronized (lock) {
            said = greetingText.toString(StandardCharsets.ISO_8859_1).strip();
        }
        if (said.toLowerCase(java.util.Locale.ROOT).contains("in use")) {
            return new PortBusyException(name + ": port is busy (the exporter says '" + said
                    + "': another client has it, e.g. another bench or a serial monitor)", e);
        }
        return new PortDisconnectedException(name + ": the exporter closed the connection while mepkit set up the port"
                + (said.isEmpty() ? "" : " ('" + said + "')"), e);
    }

    private boolean awaitNegotiation(java.util.function.BooleanSupplier done) throws SerialException {
        return awaitLocked(done, timeout);
    }

    private void expectAnswer(int[] before, int command, String what, byte[] wanted) throws SerialException {
        synchronized (lock) {
            if (!awaitNegotiation(() -> answerCount[command] > before[command])) {
                throw new SerialException(name + ": the exporter did not acknowledge " + what + " within " + seconds(timeout));
            }
            if (!java.util.Arrays.equals(answerValue[command], wanted)) {
                throw new UnsupportedLineFeatureException(name + ": the exporter cannot set " + what
                        + " (it answered " + hex(answerValue[command]) + ")");
            }
        }
    }

    /**
     * Purges the exporter's buffers and, when it acknowledges, the data received before the acknowledgement. An
     * exporter that never acknowledges purging costs one timeout and only the local buffer is dropped.
     */
    private void purge(int which) throws SerialException {
        synchronized (lock) {
            purgeWaiting = true;
        }
        send(comPortCommand(PURGE_DATA, new byte[] {(byte) which}));
        synchronized (lock) {
            if (!awaitLocked(() -> !purgeWaiting, timeout)) {
                purgeWaiting = false;
                clearInbound();
            }
        }
    }

    @Override
    public void discardInput() throws SerialException {
        checkOpen();
        purge(PURGE_RECEIVE);
    }

    @Override
    public Optional<ModemControl> modemControl() {
        return Optional.of(new ModemControl() {
            @Override
            public void setDtr(boolean asserted) throws SerialException {
                send(comPortCommand(SET_CONTROL, new byte[] {(byte) (asserted ? CONTROL_DTR_ON : CONTROL_DTR_OFF)}));
            }

            @Override
            public void setRts(boolean asserted) throws SerialException {
                send(comPortCommand(SET_CONTROL, new byte[] {(byte) (asserted ? CONTROL_RTS_ON : CONTROL_RTS_OFF)}));
            }
        });
    }

    @Override
    protected void received(byte[] buffer, int len) {
        decoder.feed(buffer, 0, len);
    }

    @Override
    protected byte[] wireForm(byte[] data, int offset, int len) {
        return Telnet.escape(data, offset, len);
    }

    private final class Handler implements TelnetDecoder.Handler {

        @Override
        public void data(byte[] buffer, int offset, int len) {
            synchronized (lock) {
                if (!ready) greetingText.write(buffer, offset, Math.min(len, Math.max(0, 512 - greetingText.size())));
            }
            deliver(buffer, offset, len);
        }

        @Override
        public void command(int verb, int option) {
            byte[] reply = answer(verb, option);
            if (reply == null) return;
            try {
                send(reply);
            } catch (SerialException e) {
                // the reader sees the same end of the connection and reports it
            }
        }

        @Override
        public void subnegotiation(byte[] payload) {
            if (payload.length < 2 || (payload[0] & 0xFF) != Telnet.COM_PORT_OPTION) return;
            int code = (payload[1] & 0xFF) - SERVER_OFFSET;
            if (code < 0 || code >= SERVER_OFFSET) return;
            synchronized (lock) {
                answerValue[code] = java.util.Arrays.copyOfRange(payload, 2, payload.length);
                answerCount[code]++;
                if (code == PURGE_DATA && purgeWaiting) {
                    clearInbound();
                    purgeWaiting = false;
                }
                lock.notifyAll();
            }
        }
    }

    /**
     * The reply to a server's option command, or null: agree to BINARY and SGA both ways and to COM-PORT-OPTION on
     * our side, refuse everything else (its ECHO too: this is a byte pipe), and never answer a request that
     * confirms our own or repeats a state already in force, so negotiation cannot loop (RFC 1143's rule).
     */
    private byte[] answer(int verb, int option) {
        synchronized (lock) {
            try {
                boolean wanted = option == Telnet.BINARY || option == Telnet.SGA
                        || (option == Telnet.COM_PORT_OPTION && (verb == Telnet.DO || verb == Telnet.DONT));
                switch (verb) {
                    case Telnet.DO -> {
                        if (option == Telnet.COM_PORT_OPTION) comPort = ComPort.ACCEPTED;
                        if (!wanted) return Telnet.command(Telnet.WONT, option);
                        boolean confirms = pending.remove("WILL " + option);
                        if (!localOn.add(option) || confirms) return null;
                        return Telnet.command(Telnet.WILL, option);
                    }
                    case Telnet.DONT -> {
                        if (option == Telnet.COM_PORT_OPTION) comPort = ComPort.REFUSED;
                        boolean confirms = pending.remove("WILL " + option);
                        if (!localOn.remove(option) || confirms) return null;
                        return Telnet.command(Telnet.WONT, option);
                    }
                    case Telnet.WILL -> {
                        if (!wanted || option == Telnet.COM_PORT_OPTION) return Telnet.command(Telnet.DONT, option);
                        boolean confirms = pending.remove("DO " + option);
                        if (!remoteOn.add(option) || confirms) return null;
                        return Telnet.command(Telnet.DO, option);
                    }
                    case Telnet.WONT -> {
                        boolean confirms = pending.remove("DO " + option);
                        if (!remoteOn.remove(option) || confirms) return null;
                        return Telnet.command(Telnet.DONT, option);
                    }
                    default -> {
                        return null;
                    }
                }
            } finally {
                lock.notifyAll();
            }
        }
    }

    private int[] answerCountsSnapshot() {
        synchronized (lock) {
            return answerCount.clone();
        }
    }

    private void sendAll(byte[]... parts) throws SerialException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        send(out.toByteArray());
    }

    static byte[] comPortCommand(int command, byte[] value) {
        byte[] payload = new byte[value.length + 1];
        payload[0] = (byte) command;
        System.arraycopy(value, 0, payload, 1, value.length);
        return Telnet.subnegotiation(Telnet.COM_PORT_OPTION, payload);
    }

    static int parityCode(LineSettings.Parity parity) {
        return switch (parity) {
            case NONE -> 1;
            case ODD -> 2;
            case EVEN -> 3;
        };
    }

    static byte[] int32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static String hex(byte[] b) {
        if (b == null) return "nothing";
        StringBuilder s = new StringBuilder();
        for (byte x : b) s.append(String.format("%02x", x & 0xFF));
        return s.toString();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already failing: the first error is the one reported
        }
    }
}
