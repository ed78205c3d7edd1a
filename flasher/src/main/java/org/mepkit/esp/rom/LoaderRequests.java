package org.mepkit.esp.rom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds the requests esptool sends, byte for byte (see esp32-flashing.md §6). */
public final class LoaderRequests {

    private LoaderRequests() {
    }

    public static LoaderRequest sync() {
        byte[] d = new byte[36];
        d[0] = 0x07;
        d[1] = 0x07;
        d[2] = 0x12;
        d[3] = 0x20;
        for (int i = 4; i < 36; i++) d[i] = 0x55;
        return LoaderRequest.of(LoaderCommand.SYNC, d);
    }

    public static LoaderRequest readReg(int address) {
        return LoaderRequest.of(LoaderCommand.READ_REG, words(address));
    }

    public static LoaderRequest writeReg(int address, int value, int mask, int delayMicros) {
        return LoaderRequest.of(LoaderCommand.WRITE_REG, words(address, value, mask, delayMicros));
    }

    public static LoaderRequest getSecurityInfo() {
        return LoaderRequest.of(LoaderCommand.GET_SECURITY_INFO, new byte[0]);
    }

    /** ROM form: pin config plus 4 zero bytes; stub form: the pin config word only. */
    public static LoaderRequest spiAttach(boolean toRom) {
        return LoaderRequest.of(LoaderCommand.SPI_ATTACH, toRom ? new byte[8] : new byte[4]);
    }

    public static LoaderRequest spiSetParams(int totalSize) {
        return LoaderRequest.of(LoaderCommand.SPI_SET_PARAMS, words(0, totalSize, 0x10000, 0x1000, 0x100, 0xFFFF));
    }

    public static LoaderRequest changeBaudrate(int newBaud, int oldBaud) {
        return LoaderRequest.of(LoaderCommand.CHANGE_BAUDRATE, words(newBaud, oldBaud));
    }

    /** 4 words for the ESP32 ROM; {@code withEncryptedWord} adds the 5th word esptool sends to the stub. */
    public static LoaderRequest flashBegin(int eraseSize, int blocks, int blockSize, int offset, boolean withEncryptedWord) {
        return LoaderRequest.of(LoaderCommand.FLASH_BEGIN, withEncryptedWord
                ? words(eraseSize, blocks, blockSize, offset, 0) : words(eraseSize, blocks, blockSize, offset));
    }

    public static LoaderRequest flashDeflBegin(int size, int blocks, int blockSize, int offset, boolean withEncryptedWord) {
        return LoaderRequest.of(LoaderCommand.FLASH_DEFL_BEGIN, withEncryptedWord
                ? words(size, blocks, blockSize, offset, 0) : words(size, blocks, blockSize, offset));
    }

    public static LoaderRequest flashData(byte[] block, int seq) {
        return dataBlock(LoaderCommand.FLASH_DATA, block, seq);
    }

    public static LoaderRequest flashDeflData(byte[] block, int seq) {
        return dataBlock(LoaderCommand.FLASH_DEFL_DATA, block, seq);
    }

    public static LoaderRequest memData(byte[] block, int seq) {
        return dataBlock(LoaderCommand.MEM_DATA, block, seq);
    }

    /** {@code stay} true sends 1 (keep running the loader), false sends 0 (reboot). */
    public static LoaderRequest flashEnd(boolean stay) {
        return LoaderRequest.of(LoaderCommand.FLASH_END, words(stay ? 1 : 0));
    }

    public static LoaderRequest flashDeflEnd(boolean stay) {
        return LoaderRequest.of(LoaderCommand.FLASH_DEFL_END, words(stay ? 1 : 0));
    }

    public static LoaderRequest memBegin(int size, int blocks, int blockSize, int address) {
        return LoaderRequest.of(LoaderCommand.MEM_BEGIN, words(size, blocks, blockSize, address));
    }

    /** esptool sends flag = (entry == 0): 0 means "execute from entry". */
    public static LoaderRequest memEnd(int entry) {
        return LoaderRequest.of(LoaderCommand.MEM_END, words(entry == 0 ? 1 : 0, entry));
    }

    public static LoaderRequest spiFlashMd5(int address, int size) {
        return LoaderRequest.of(LoaderCommand.SPI_FLASH_MD5, words(address, size, 0, 0));
    }

    public static LoaderRequest eraseFlash() {
        return LoaderRequest.of(LoaderCommand.ERASE_FLASH, new byte[0]);
    }

    public static LoaderRequest eraseRegion(int offset, int size) {
        return LoaderRequest.of(LoaderCommand.ERASE_REGION, words(offset, size));
    }

    public static LoaderRequest readFlash(int offset, int length, int packetSize, int maxInFlight) {
        return LoaderRequest.of(LoaderCommand.READ_FLASH, words(offset, length, packetSize, maxInFlight));
    }

    public static LoaderRequest readFlashSlow(int offset, int length) {
        return LoaderRequest.of(LoaderCommand.READ_FLASH_SLOW, words(offset, length));
    }

    public static LoaderRequest runUserCode() {
        return LoaderRequest.of(LoaderCommand.RUN_USER_CODE, new byte[0]);
    }

    /** A *_DATA request: length, seq, 0, 0, then the block; checksum of the block in the header. */
    private static LoaderRequest dataBlock(LoaderCommand command, byte[] block, int seq) {
        ByteBuffer b = ByteBuffer.allocate(16 + block.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(block.length).putInt(seq).putInt(0).putInt(0).put(block);
        return new LoaderRequest(command.id(), LoaderChecksum.of(block), b.array());
    }

    /** Little-endian u32 words. */
    public static byte[] words(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) b.putInt(v);
        return b.array();
    }
}
