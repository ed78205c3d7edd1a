package org.mepkit.board.rom;

/**
 * Faults the virtual download mode can show, each one that esptool reports distinctly
 * (esp32-flashing.md §3, §6.8). Set with {@link RomLoader#inject(LoaderFault)}; {@link None} clears it.
 */
public sealed interface LoaderFault {

    /** Normal behaviour. */
    record None() implements LoaderFault { }

    /** Nothing answers: esptool prints {@code No serial data received.} */
    record Silent() implements LoaderFault { }

    /** One byte outside a frame before every reply: {@code Invalid head of packet (0x..)}. */
    record Noise(int strayByte) implements LoaderFault {
        public Noise {
            if (strayByte < 0 || strayByte > 0xFF || strayByte == 0xC0) {
                throw new IllegalArgumentException("noise must be one byte other than 0xC0: " + strayByte);
            }
        }
    }

    /** Every data block is refused with a checksum error (ROM 0107, stub C100). */
    record BadChecksum() implements LoaderFault { }

    /** Replies stop in the middle of a frame: {@code Packet content transfer stopped}. */
    record TruncatedReply() implements LoaderFault { }

    /** The chip-detect register answers another family's magic: {@code This chip is ..., not ESP32}. */
    record WrongChip(int magic) implements LoaderFault { }

    /** Flash writes land with one bit flipped, so the MD5 check fails. */
    record CorruptWrites() implements LoaderFault { }

    LoaderFault NONE = new None();
}
