package org.mepkit.board.rom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.mepkit.board.flash.VirtualFlash;
import org.mepkit.esp.rom.Esp32Rom;
import org.mepkit.esp.rom.LoaderChecksum;
import org.mepkit.esp.rom.LoaderCommand;
import org.mepkit.esp.rom.LoaderError;
import org.mepkit.esp.rom.LoaderProtocolException;
import org.mepkit.esp.rom.LoaderRequest;
import org.mepkit.esp.rom.LoaderRequests;
import org.mepkit.esp.rom.LoaderResponse;
import org.mepkit.esp.rom.Slip;
import org.mepkit.esp.rom.SlipDecoder;
import org.mepkit.esp.rom.StatusLayout;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;

/**
 * The ESP32's serial download mode: the ROM loader, and after esptool uploads its stub (MEM_BEGIN/DATA/END),
 * the stub's behaviour (greeting {@code OHAI}, 2-byte status, compressed writes, erase, read, MD5). The uploaded
 * code itself is ignored. The protocol logic is {@link #handle(byte[])} (frame in, frames out); {@link #serve}
 * runs it on a serial line until the host closes the port, the host asks for a reboot, or the board stops it.
 * (One dispatcher for the ~20 commands of both personalities keeps this class a little over 400 lines; the
 * download, read-back and register state live in their own classes.)
 */
public final class RomLoader {

    /** How long one read waits before checking for a stop request. */
    static final Duration POLL = Duration.ofMillis(100);

    private final VirtualFlash flash;
    private final ChipIdentity chip;
    private final ChipRegisters registers;
    private volatile boolean stopRequested;
    private volatile IntConsumer baudListener = baud -> { };
    private volatile LoaderFault fault = LoaderFault.NONE;

    private Personality personality = Personality.ROM;
    private FlashDownload download;
    private ReadFlashTransfer readTransfer;
    private Integer pendingBaud;
    private SessionEnd exit;

    public RomLoader(VirtualFlash flash, ChipIdentity chip) {
        this.flash = Objects.requireNonNull(flash, "flash");
        this.chip = Objects.requireNonNull(chip, "chip");
        this.registers = new ChipRegisters(chip);
    }

    public ChipIdentity chip() {
        return chip;
    }

    /** Called with the new baud after a CHANGE_BAUDRATE has been answered (at the old speed). */
    public void onBaudChange(IntConsumer listener) {
        baudListener = Objects.requireNonNull(listener, "listener");
    }

    /** Back to the state of a chip that just reset into download mode: ROM personality, nothing in progress. */
    public synchronized void reset() {
        personality = Personality.ROM;
        if (download != null) download.close();
        download = null;
        readTransfer = null;
        pendingBaud = null;
        exit = null;
        registers.reset();
    }

    /** Makes the loader misbehave in one of the ways esptool reports; survives {@link #reset()}. */
    public void inject(LoaderFault fault) {
        this.fault = Objects.requireNonNull(fault, "fault");
    }

    public LoaderFault fault() {
        return fault;
    }

    public synchronized Personality personality() {
        return personality;
    }

    /**
     * Retires this loader for good (power off, reset, a new boot): {@link #serve} returns {@link SessionEnd#STOPPED}
     * within about {@link #POLL}, and any later {@code serve} returns it at once, so a stopped loader never answers
     * again (a chip that reset is no longer in this download session).
     */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Answers loader requests on {@code line} until the host closes it, asks for a reboot or user code, or
     * {@link #requestStop()} is called. Starts from, and on return leaves, the freshly-reset state. Bytes
     * outside frames are ignored, as the ROM ignores them.
     */
    public SessionEnd serve(SerialLine line) throws InterruptedException {
        reset();
        SlipDecoder decoder = new SlipDecoder();
        byte[] buffer = new byte[16 * 1024];
        try {
            while (true) {
                if (stopRequested) return SessionEnd.STOPPED;
                if (Thread.interrupted()) throw new InterruptedException();
                int n = line.read(buffer, 0, buffer.length, POLL);
                for (byte[] frame : decoder.feed(buffer, 0, Math.max(0, n))) {
                    LoaderFault f = fault;
                    if (f instanceof LoaderFault.Silent) continue;
                    List<byte[]> replies = handle(frame);
                    if (!replies.isEmpty()) {
                        byte[] wire = wire(replies, f);
                        line.write(wire, 0, wire.length);
                    }
                    Integer baud = takePendingBaud();
                    if (baud != null) baudListener.accept(baud);
                    Optional<SessionEnd> end = takeExit();
                    if (end.isPresent()) return end.get();
                }
            }
        } catch (SerialException e) {
            return SessionEnd.HOST_CLOSED;
        } finally {
            reset();
        }
    }

    /** The replies as SLIP frames on the wire, with the wire-level faults applied. */
    private static byte[] wire(List<byte[]> replies, LoaderFault f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (f instanceof LoaderFault.Noise n) out.write(n.strayByte());
        for (byte[] r : replies) out.writeBytes(Slip.encode(r));
        byte[] all = out.toByteArray();
        if (f instanceof LoaderFault.TruncatedReply) {
            return java.util.Arrays.copyOf(all, Math.max(2, Slip.encode(replies.get(0)).length / 2));
        }
        return all;
    }

    /**
     * Handles one received frame (the SLIP payload) and returns the frames to send back (payloads, not yet
     * SLIP-encoded), in order.
     */
    public synchronized List<byte[]> handle(byte[] frame) {
        if (readTransfer != null) {
            List<byte[]> out = readTransfer.onAck(frame);
            if (readTransfer.finished()) readTransfer = null;
            return out;
        }
        LoaderRequest request;
        try {
            request = LoaderRequest.decode(frame);
        } catch (LoaderProtocolException e) {
            if (frame.length >= 2 && frame[0] == 0) {
                return List.of(failure(frame[1] & 0xFF, LoaderError.INVALID_MESSAGE, LoaderError.STUB_BAD_DATA_LEN));
            }
            return List.of();   // not a request at all: the ROM ignores it
        }
        Optional<LoaderCommand> command = LoaderCommand.byId(request.command());
        if (command.isEmpty()) {
            return unsupported(request.command());
        }
        return dispatch(command.get(), request);
    }

    /** The baud a CHANGE_BAUDRATE just asked for, once. */
    public synchronized Integer takePendingBaud() {
        Integer b = pendingBaud;
        pendingBaud = null;
        return b;
    }

    /** Whether the last request ended the session (reboot, run user code), once. */
    public synchronized Optional<SessionEnd> takeExit() {
        SessionEnd e = exit;
        exit = null;
        return Optional.ofNullable(e);
    }

    private List<byte[]> dispatch(LoaderCommand command, LoaderRequest request) {
        ByteBuffer d = request.dataBuffer();
        int len = request.length();
        int id = command.id();
        boolean rom = personality == Personality.ROM;
        switch (command) {
            case SYNC:
                if (!isSyncPayload(request.data())) return List.of();
                // the stub answers 8 times as the ROM does, with value 0 ("stub already running" to esptool)
                List<byte[]> replies = new ArrayList<>();
                for (int i = 0; i < Esp32Rom.ROM_SYNC_REPLIES; i++) replies.add(ok(id, rom ? Esp32Rom.ROM_SYNC_VALUE : 0, new byte[0]));
                return replies;
            case READ_REG:
                if (len != 4) return badLength(id);
                int address = d.getInt(0);
                int value = registers.read(address);
                if (address == Esp32Rom.CHIP_DETECT_MAGIC_REG && fault instanceof LoaderFault.WrongChip w) value = w.magic();
                return List.of(ok(id, value, new byte[0]));
            case WRITE_REG:
                if (len == 0 || len % 16 != 0) return badLength(id);
                for (int i = 0; i < len; i += 16) registers.write(d.getInt(i), d.getInt(i + 4), d.getInt(i + 8));
                return List.of(ok(id));
            case GET_SECURITY_INFO:
                // the ESP32 ROM lacks it; later chips' ROM and stub answer with their chip id
                return chip.family().securityInfo().map(info -> List.of(ok(id, 0, info))).orElseGet(() -> unsupported(id));
            case SPI_ATTACH:
                if (len != 4 && len != 8) return badLength(id);
                return List.of(ok(id));
            case SPI_SET_PARAMS:
                if (len != 24) return badLength(id);
                return List.of(ok(id));
            case CHANGE_BAUDRATE:
                if (len != 8) return badLength(id);
                pendingBaud = d.getInt(0);
                return List.of(ok(id));
            case MEM_BEGIN:
                if (len != 16) return badLength(id);
                return List.of(ok(id));
            case MEM_DATA:
                return memData(request, id);
            case MEM_END:
                return memEnd(request, id);
            case FLASH_BEGIN:
            case FLASH_DEFL_BEGIN:
                return flashBegin(d, len, id, command == LoaderCommand.FLASH_DEFL_BEGIN);
            case FLASH_DATA:
            case FLASH_DEFL_DATA:
                return flashData(request, id, command == LoaderCommand.FLASH_DEFL_DATA);
            case FLASH_END:
            case FLASH_DEFL_END:
                return flashEnd(d, len, id);
            case SPI_FLASH_MD5:
                return md5(d, len, id);
            case READ_FLASH_SLOW:
                if (!rom) return unsupported(id);
                return readFlashSlow(d, len, id);
            case ERASE_FLASH:
                if (rom) return unsupported(id);
                flash.eraseAll();
                return List.of(ok(id));
            case ERASE_REGION:
                if (rom) return unsupported(id);
                return eraseRegion(d, len, id);
            case READ_FLASH:
                if (rom) return unsupported(id);
                return readFlash(d, len, id);
            case RUN_USER_CODE:
                if (rom) return unsupported(id);
                exit = SessionEnd.RUN_USER_CODE;
                return List.of();
            default:
                return unsupported(id);
        }
    }

    private List<byte[]> memData(LoaderRequest request, int id) {
        if (request.length() < 16) return badLength(id);
        byte[] data = request.data();
        int declared = request.dataBuffer().getInt(0);
        if (declared != data.length - 16) return badLength(id);
        if (LoaderChecksum.of(data, 16, declared) != (request.checksum() & 0xFF)) {
            return List.of(failure(id, LoaderError.INVALID_CRC, LoaderError.STUB_BAD_DATA_CHECKSUM));
        }
        return List.of(ok(id));
    }

    private List<byte[]> memEnd(LoaderRequest request, int id) {
        if (request.length() != 8) return badLength(id);
        boolean execute = request.dataBuffer().getInt(0) == 0;
        List<byte[]> out = new ArrayList<>();
        out.add(ok(id));
        if (execute && personality == Personality.ROM) {
            personality = Personality.STUB;
            out.add(Esp32Rom.STUB_GREETING.clone());
        }
        return out;
    }

    private List<byte[]> flashBegin(ByteBuffer d, int len, int id, boolean compressed) {
        boolean rom = personality == Personality.ROM;
        if (len != 16 && len != 20) return badLength(id);
        int size = d.getInt(0);
        int blockSize = d.getInt(8);
        int offset = d.getInt(12);
        if (blockSize <= 0) return List.of(failure(id, LoaderError.INVALID_MESSAGE, LoaderError.STUB_BAD_BLOCKSIZE));
        if (download != null) download.close();
        download = null;
        try {
            download = FlashDownload.begin(flash, offset, size, blockSize, compressed);
        } catch (FlashDownload.BlockException e) {
            return List.of(failure(id, LoaderError.FLASH_WRITE_ERR, LoaderError.STUB_FAILED_SPI_OP));
        }
        return List.of(ok(id));
    }

    private List<byte[]> flashData(LoaderRequest request, int id, boolean compressed) {
        if (request.length() < 16) return badLength(id);
        byte[] data = request.data();
        ByteBuffer d = request.dataBuffer();
        int declared = d.getInt(0);
        int seq = d.getInt(4);
        if (declared != data.length - 16) return badLength(id);
        if (download == null || download.compressed() != compressed) {
            return List.of(failure(id, LoaderError.FAILED_TO_ACT, LoaderError.STUB_NOT_IN_FLASH_MODE));
        }
        if (LoaderChecksum.of(data, 16, declared) != (request.checksum() & 0xFF) || fault instanceof LoaderFault.BadChecksum) {
            return List.of(failure(id, LoaderError.INVALID_CRC, LoaderError.STUB_BAD_DATA_CHECKSUM));
        }
        byte[] block = java.util.Arrays.copyOfRange(data, 16, data.length);
        download.corruptWrites(fault instanceof LoaderFault.CorruptWrites);
        try {
            if (compressed) download.inflateBlock(block);
            else download.writeBlock(seq, block);
        } catch (FlashDownload.BlockException e) {
            return List.of(switch (e.fault) {
                case INFLATE -> failure(id, LoaderError.DEFLATE_ERR, LoaderError.STUB_INFLATE_ERROR);
                case TOO_MUCH_DATA -> failure(id, LoaderError.DEFLATE_ERR, LoaderError.STUB_TOO_MUCH_DATA);
                case OUT_OF_RANGE -> failure(id, LoaderError.FLASH_WRITE_ERR, LoaderError.STUB_FAILED_SPI_OP);
            });
        }
        return List.of(ok(id));
    }

    private List<byte[]> flashEnd(ByteBuffer d, int len, int id) {
        if (len != 4) return badLength(id);
        boolean stayFlag = d.getInt(0) != 0;
        if (download != null) download.close();
        download = null;
        flash.flush();
        if (!stayFlag) exit = SessionEnd.REBOOT;
        else if (personality == Personality.ROM) exit = SessionEnd.RUN_USER_CODE;   // the ROM leaves the loader
        return List.of(ok(id));
    }

    private List<byte[]> md5(ByteBuffer d, int len, int id) {
        if (len != 16) return badLength(id);
        int address = d.getInt(0);
        int size = d.getInt(4);
        if (!inFlash(address, size)) {
            return List.of(failure(id, LoaderError.FLASH_READ_ERR, LoaderError.STUB_FAILED_SPI_OP));
        }
        byte[] digest = flash.md5(address, size);
        byte[] payload = personality == Personality.ROM
                ? HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII) : digest;
        return List.of(ok(id, 0, payload));
    }

    private List<byte[]> readFlashSlow(ByteBuffer d, int len, int id) {
        if (len != 8) return badLength(id);
        int offset = d.getInt(0);
        int length = d.getInt(4);
        if (length > Esp32Rom.READ_FLASH_SLOW_LENGTH || !inFlash(offset, length)) {
            return List.of(failure(id, LoaderError.FLASH_READ_LENGTH_ERR, LoaderError.STUB_BAD_DATA_LEN));
        }
        int n = Math.min(Esp32Rom.READ_FLASH_SLOW_LENGTH, flash.size() - offset);
        byte[] payload = java.util.Arrays.copyOf(flash.read(offset, n), Esp32Rom.READ_FLASH_SLOW_LENGTH);
        return List.of(ok(id, 0, payload));
    }

    private List<byte[]> eraseRegion(ByteBuffer d, int len, int id) {
        if (len != 8) return badLength(id);
        int offset = d.getInt(0);
        int size = d.getInt(4);
        if (offset % Esp32Rom.SECTOR != 0 || size % Esp32Rom.SECTOR != 0 || !inFlash(offset, size)) {
            return List.of(failure(id, LoaderError.INVALID_MESSAGE, LoaderError.STUB_BAD_DATA_LEN));
        }
        flash.erase(offset, size);
        return List.of(ok(id));
    }

    private List<byte[]> readFlash(ByteBuffer d, int len, int id) {
        if (len != 16) return badLength(id);
        int offset = d.getInt(0);
        int length = d.getInt(4);
        int packet = d.getInt(8);
        int inFlight = d.getInt(12);
        if (packet <= 0 || !inFlash(offset, length)) {
            return List.of(failure(id, LoaderError.INVALID_MESSAGE, LoaderError.STUB_BAD_DATA_LEN));
        }
        List<byte[]> out = new ArrayList<>();
        out.add(ok(id));
        if (length == 0) {
            out.add(flash.md5(offset, 0));
            return out;
        }
        readTransfer = new ReadFlashTransfer(flash, offset, length, packet, inFlight);
        out.addAll(readTransfer.start());
        return out;
    }

    private boolean inFlash(int offset, int length) {
        return offset >= 0 && length >= 0 && (long) offset + length <= flash.size();
    }

    private static boolean isSyncPayload(byte[] data) {
        return java.util.Arrays.equals(data, LoaderRequests.sync().data());
    }

    private StatusLayout layout() {
        return personality == Personality.ROM ? StatusLayout.ROM : StatusLayout.STUB;
    }

    private byte[] ok(int id) {
        return ok(id, 0, new byte[0]);
    }

    private byte[] ok(int id, int value, byte[] payload) {
        return LoaderResponse.of(id, value, payload, layout().success()).encode();
    }

    private byte[] failure(int id, LoaderError romError, LoaderError stubError) {
        StatusLayout l = layout();
        return LoaderResponse.of(id, 0, new byte[0], l.failure(l == StatusLayout.ROM ? romError : stubError)).encode();
    }

    private List<byte[]> badLength(int id) {
        return List.of(failure(id, LoaderError.INVALID_MESSAGE, LoaderError.STUB_BAD_DATA_LEN));
    }

    /** A command the answering personality lacks: ROM status 1/0x05, stub 0xFF. */
    private List<byte[]> unsupported(int id) {
        return List.of(failure(id, LoaderError.INVALID_MESSAGE, LoaderError.STUB_CMD_NOT_IMPLEMENTED));
    }
}
