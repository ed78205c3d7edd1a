package org.mepkit.board.firmware;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.mepkit.time.ManualTicker;

/** A recording board for driving a firmware model on a ManualTicker: console lines and pin changes with board times, and a meter wired to the MEP UART. */
final class FakeBoardIo implements BoardIo {

    record Line(long atMs, String text) {
    }

    record Pin(long atMs, String pin, boolean on) {
    }

    final ManualTicker ticker;
    final List<Line> lines = new ArrayList<>();
    final List<Pin> pins = new ArrayList<>();
    final List<byte[]> sent = new ArrayList<>();
    final List<Long> sentAt = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final ByteArrayOutputStream rx = new ByteArrayOutputStream();
    Function<byte[], byte[]> meter = packet -> null;
    boolean enabled;
    boolean max3232;
    boolean enableWhileMaxOff;
    String restartReason;
    boolean webServerStarted;
    long wifiConnectMs;
    final java.util.ArrayDeque<Web> web = new java.util.ArrayDeque<>();

    /** An HTTP client waiting for the firmware, and what it got. */
    static final class Web implements WebClient {
        final String method;
        final String path;
        final long askedAt;
        Integer status;
        String body;
        long answeredAt = -1;
        private final FakeBoardIo io;

        Web(FakeBoardIo io, String method, String path) {
            this.io = io;
            this.method = method;
            this.path = path;
            this.askedAt = io.now();
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public void respond(int status, String contentType, String body) {
            this.status = status;
            this.body = body;
            this.answeredAt = io.now();
        }
    }

    /** A client asks for {@code path} (it waits in the queue until the firmware serves it). */
    Web http(String method, String path) {
        Web w = new Web(this, method, path);
        web.add(w);
        return w;
    }

    @Override
    public void startWebServer() {
        webServerStarted = true;
    }

    @Override
    public WebClient nextWebClient() {
        return webServerStarted ? web.poll() : null;
    }

    @Override
    public long wifiConnectMillis() {
        return wifiConnectMs;
    }

    FakeBoardIo(ManualTicker ticker) {
        this.ticker = ticker;
    }

    long now() {
        return ticker.elapsed().toMillis();
    }

    @Override
    public void mepWrite(byte[] data) {
        sent.add(data.clone());
        sentAt.add(now());
        if (enabled && max3232) {
            byte[] reply = meter.apply(data);
            if (reply != null) rx.writeBytes(reply);
        }
    }

    void inject(byte[] bytes) {
        rx.writeBytes(bytes);
    }

    @Override
    public byte[] mepRead(int max) {
        byte[] all = rx.toByteArray();
        int n = Math.min(max, all.length);
        rx.reset();
        rx.write(all, n, all.length - n);
        return java.util.Arrays.copyOf(all, n);
    }

    @Override
    public void setMepEnabled(boolean on) {
        enabled = on;
        if (on && !max3232) enableWhileMaxOff = true;
        pins.add(new Pin(now(), "ENABLE", on));
    }

    @Override
    public void setMax3232Powered(boolean on) {
        max3232 = on;
        if (!on && enabled) enableWhileMaxOff = true;
        pins.add(new Pin(now(), "RS3232", on));
    }

    @Override
    public void println(String line) {
        lines.add(new Line(now(), partial + line));
        partial.setLength(0);
    }

    @Override
    public void print(String text) {
        partial.append(text);
    }

    @Override
    public void restart(String reason) {
        restartReason = reason;
    }

    List<String> texts() {
        return lines.stream().map(Line::text).toList();
    }

    /** Steps the model in 1 ms board-time ticks until the condition holds or the bound passes. */
    void runUntil(FirmwareModel model, long boundMs, java.util.function.BooleanSupplier done) {
        long end = now() + boundMs;
        while (!done.getAsBoolean() && now() < end && !model.halted()) {
            model.step();
            ticker.advance(java.time.Duration.ofMillis(1));
        }
    }

    void runFor(FirmwareModel model, long ms) {
        runUntil(model, ms, () -> false);
    }
}
