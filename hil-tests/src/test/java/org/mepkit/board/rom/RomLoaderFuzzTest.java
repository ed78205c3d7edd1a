package org.mepkit.board.rom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepkit.board.flash.VirtualFlash;
import org.mepkit.esp.rom.LoaderCommand;
import org.mepkit.esp.rom.LoaderProtocolException;
import org.mepkit.esp.rom.LoaderRequest;
import org.mepkit.esp.rom.LoaderResponse;

/** Whatever arrives, the loader answers with well-formed responses (or nothing) and never throws. */
class RomLoaderFuzzTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21})
    void randomRequestsGetWellFormedAnswers(long seed) throws Exception {
        Random r = new Random(seed);
        RomLoader loader = new RomLoader(VirtualFlash.inMemory(VirtualFlash.DEFAULT_SIZE), ChipIdentity.defaultEsp32());
        LoaderCommand[] commands = LoaderCommand.values();
        for (int i = 0; i < 2000; i++) {
            byte[] frame;
            if (r.nextInt(4) == 0) {
                frame = new byte[r.nextInt(40)];
                r.nextBytes(frame);
            } else {
                byte[] data = new byte[r.nextBoolean() ? 4 * r.nextInt(7) : r.nextInt(64)];
                r.nextBytes(data);
                LoaderCommand c = commands[r.nextInt(commands.length)];
                frame = new LoaderRequest(c.id(), r.nextInt(256), data).encode();
            }
            List<byte[]> out;
            try {
                out = loader.handle(frame);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " frame " + i + " threw " + e, e);
            }
            for (byte[] reply : out) {
                if (reply.length == 4 && new String(reply).equals("OHAI")) continue;
                try {
                    LoaderResponse resp = LoaderResponse.decode(reply);
                    assertTrue(resp.data().length >= 2, "seed " + seed + ": status bytes present");
                } catch (LoaderProtocolException e) {
                    // raw READ_FLASH data and MD5 frames are not responses
                    assertTrue(reply.length > 0, "seed " + seed + ": empty frame sent");
                }
            }
            loader.takeExit();
            if (r.nextInt(50) == 0) loader.reset();
        }
        loader.reset();
        assertEquals(Personality.ROM, loader.personality(), "seed " + seed);
    }
}
