package org.mepkit.mep.frame;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepkit.mep.table.Bt21ActualRegister;
import org.mepkit.mep.table.Et11DimensionTable;
import org.mepkit.mep.table.TableContext;
import org.mepkit.mep.table.TableDecoder;
import org.mepkit.mep.table.TableId;

/**
 * Random and mutated packets through {@link Responses#parse}, {@link Request#decode},
 * {@link Command#parse} and {@link TableDecoder}: the only exceptions allowed are the typed
 * protocol ones. Each seed runs a bounded number of cases; the timeout guards against a hang.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DecoderFuzzTest {

    private static final int CASES_PER_SEED = 400;

    static LongStream seeds() {
        return LongStream.range(1, 51);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void onlyTypedProtocolExceptionsEscape(long seed) {
        Random random = new Random(seed);
        List<byte[]> valid = validPackets(random);
        int[] decoded = {0};
        for (int i = 0; i < CASES_PER_SEED; i++) {
            byte[] packet = switch (random.nextInt(3)) {
                case 0 -> randomBytes(random, random.nextInt(600));
                case 1 -> mutate(valid.get(random.nextInt(valid.size())), random);
                default -> withConsistentLength(randomBytes(random, 2 + random.nextInt(520)), random);
            };
            decoded[0] += exercise(packet, random, seed, i);
        }
        org.junit.jupiter.api.Assertions.assertTrue(decoded[0] > 0, "seed " + seed + ": no case reached a table decoder successfully");
    }

    /** @return how many tables decoded without error */
    private static int exercise(byte[] packet, Random random, long seed, int i) {
        int decoded = 0;
        try {
            Response r = Responses.parse(packet);
            if (r instanceof Response.Data d) {
                byte[] data = d.tableData();
                for (TableId t : TableDecoder.knownTables()) decoded += decodeQuietly(t, data, randomContext(random));
                decodeQuietly(new TableId(random.nextInt(0x10000)), data, TableContext.NONE);
            }
        } catch (MepProtocolException expected) {
            // typed: fine
        } catch (RuntimeException | Error e) {
            fail("seed " + seed + " case " + i + ": " + e + " for " + org.mepkit.util.Hex.lower(packet), e);
        }
        try {
            Request req = Request.decode(packet);
            Command.parse(req.body()).describe();
        } catch (MalformedFrameException expected) {
            // typed: fine
        } catch (RuntimeException | Error e) {
            fail("seed " + seed + " case " + i + " (request): " + e, e);
        }
        return decoded;
    }

    private static int decodeQuietly(TableId table, byte[] data, TableContext context) {
        try {
            TableDecoder.decode(table, data, context).fields();
            return 1;
        } catch (MepProtocolException expected) {
            return 0;
        }
    }

    private static TableContext randomContext(Random random) {
        byte[] bt21 = randomBytes(random, 10);
        byte[] et11 = randomBytes(random, 32);
        return new TableContext(Bt21ActualRegister.decode(bt21), random.nextBoolean() ? Et11DimensionTable.decode(et11) : null);
    }

    private static List<byte[]> validPackets(Random random) {
        List<byte[]> v = new ArrayList<>();
        v.add(Responses.alert());
        v.add(Responses.ok());
        v.add(Responses.sequenceResync(random.nextInt() & 0xFFFF_FFFFL));
        v.add(Responses.failure(ResponseCode.AUTHENTICATION_FAILURE));
        for (int len : new int[] {7, 10, 13, 16, 32, 68, 139, 220, 234, 330}) v.add(Responses.data(randomBytes(random, len)));
        return v;
    }

    private static byte[] mutate(byte[] packet, Random random) {
        byte[] p = packet.clone();
        int kind = random.nextInt(4);
        if (kind == 0 && p.length > 0) {
            p[random.nextInt(p.length)] ^= (byte) (1 << random.nextInt(8));
        } else if (kind == 1) {
            p = java.util.Arrays.copyOf(p, random.nextInt(p.length + 1));
        } else if (kind == 2) {
            p = java.util.Arrays.copyOf(p, p.length + 1 + random.nextInt(8));
        } else if (p.length >= 5) {
            Wire.putU16be(p, 3, random.nextInt(0x10000));
        }
        return p;
    }

    private static byte[] withConsistentLength(byte[] p, Random random) {
        Wire.putU16be(p, 0, p.length - 2);
        if (p.length > 2 && random.nextBoolean()) p[2] = 0;
        return p;
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
