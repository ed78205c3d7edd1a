package org.mepkit.flash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mepkit.time.Deadline;
import org.mepkit.time.Ticker;

/**
 * Watches {@code /dev/serial/by-id} for USB-serial adapters coming and going, by name only: no port
 * is opened or probed. The by-id name carries the adapter's USB serial number when it has one
 * ({@code usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0}).
 */
public final class AdapterWatcher {

    /** An adapter as seen in the by-id folder. */
    public record Adapter(Path path, Optional<String> usbSerial) {
    }

    public static final Path LINUX_BY_ID = Path.of("/dev/serial/by-id");
    /** usb-VENDOR_PRODUCT_SERIAL-ifNN[-portN]; products without a serial number give usb-VENDOR_PRODUCT-ifNN. */
    private static final Pattern SERIAL = Pattern.compile("^usb-.*_([A-Za-z0-9]+)-if\\d+(?:-port\\d+)?$");
    /** How often the folder is looked at. */
    static final Duration POLL = Duration.ofMillis(500);

    private final Path byId;
    private final Ticker ticker;

    public AdapterWatcher(Path byId, Ticker ticker) {
        this.byId = byId;
        this.ticker = ticker;
    }

    public Set<String> present() {
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(byId)) return names;
        try (var s = Files.list(byId)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            return names;
        }
        return names;
    }

    /** Waits until an adapter not in {@code known} appears; empty when the deadline passes first. */
    public Optional<Adapter> awaitNew(Set<String> known, Deadline deadline) throws InterruptedException {
        while (true) {
            for (String name : present()) {
                if (!known.contains(name)) return Optional.of(adapter(byId.resolve(name)));
            }
            if (deadline.expired()) return Optional.empty();
            ticker.waitFor(POLL.compareTo(deadline.remaining()) < 0 ? POLL : deadline.remaining());
        }
    }

    /** Waits until {@code adapter} is gone (unplugged); false when the deadline passes first. */
    public boolean awaitGone(Adapter adapter, Deadline deadline) throws InterruptedException {
        while (present().contains(adapter.path().getFileName().toString())) {
            if (deadline.expired()) return false;
            ticker.waitFor(POLL.compareTo(deadline.remaining()) < 0 ? POLL : deadline.remaining());
        }
        return true;
    }

    static Adapter adapter(Path path) {
        Matcher m = SERIAL.matcher(path.getFileName().toString());
        // the name alone is ambiguous (product names contain underscores): take the last token as a
        // serial number only when it looks like one (has a digit, at least 5 characters)
        Optional<String> serial = m.matches() && m.group(1).length() >= 5 && m.group(1).matches(".*\\d.*")
                ? Optional.of(m.group(1)) : Optional.empty();
        return new Adapter(path, serial);
    }
}
