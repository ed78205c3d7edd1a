package org.mepkit.esp.rom;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a byte stream into SLIP frames. Empty frames (shared delimiters) are dropped; bytes that arrive
 * outside a frame are counted as stray (esptool treats the first such byte as "Invalid head of packet").
 * An escape byte followed by anything but DC/DD marks the frame as corrupt; it is dropped and counted.
 */
public final class SlipDecoder {

    private final ByteArrayOutputStream frame = new ByteArrayOutputStream(256);
    private boolean inFrame;
    private boolean escaping;
    private boolean corrupt;
    private long strayBytes;
    private int firstStrayByte = -1;
    private long corruptFrames;

    /** Feeds received bytes and returns the frames they completed, in order. */
    public List<byte[]> feed(byte[] buffer, int offset, int length) {
        List<byte[]> done = new ArrayList<>(1);
        for (int i = offset; i < offset + length; i++) {
            int v = buffer[i] & 0xFF;
            if (!inFrame) {
                if (v == Slip.END) {
                    inFrame = true;
                    frame.reset();
                    escaping = false;
                    corrupt = false;
                } else {
                    if (firstStrayByte < 0) firstStrayByte = v;
                    strayBytes++;
                }
                continue;
            }
            if (escaping) {
                escaping = false;
                if (v == Slip.ESC_END) frame.write(Slip.END);
                else if (v == Slip.ESC_ESC) frame.write(Slip.ESC);
                else corrupt = true;
            } else if (v == Slip.ESC) {
                escaping = true;
            } else if (v == Slip.END) {
                if (corrupt) {
                    corruptFrames++;
                    frame.reset();
                    corrupt = false;
                } else if (frame.size() > 0) {
                    done.add(frame.toByteArray());
                    frame.reset();
                    inFrame = false;
                }
                // an empty frame: the END just seen opens the next one
            } else {
                frame.write(v);
            }
        }
        return done;
    }

    /** Forgets a partly received frame (after a reset or a timeout). Counters are kept. */
    public void reset() {
        frame.reset();
        inFrame = false;
        escaping = false;
        corrupt = false;
    }

    public long strayBytes() {
        return strayBytes;
    }

    /** The first byte seen outside a frame, or -1 when there was none. */
    public int firstStrayByte() {
        return firstStrayByte;
    }

    public long corruptFrames() {
        return corruptFrames;
    }

    /** True while a frame has started but not ended. */
    public boolean inFrame() {
        return inFrame;
    }
}
