package org.mepkit.cli.command;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.KeyOptions;
import org.mepkit.mep.frame.Request;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.util.Hex;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mep encode --key K --seq N BODYHEX}: the full request packet (length, body, sequence, digest) as hex. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Build a MEP request packet: length, body, sequence number and the 8-byte digest keyed by the MBK key.",
        footer = {"", "Example:", "  mep encode --key-file key.txt --seq 0 3000340200"})
public final class EncodeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;

    /** Reads {@code MEP_KEY} from the process environment. */
    public EncodeCommand() {
        this(System.getenv());
    }

    /** @param environment where {@code MEP_KEY} is looked up (tests pass their own) */
    public EncodeCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Mixin
    KeyOptions keys;

    @Option(names = "--seq", required = true, paramLabel = "N",
            description = "Transport sequence number, 0..4294967295 (decimal or 0x hex).")
    String sequence;

    @Parameters(arity = "1..*", paramLabel = "BODYHEX",
            description = "Request body as hex (command byte and operands); spaces allowed; \"\" for an empty body.")
    List<String> body;

    @Override
    public Integer call() {
        long seq = parseSequence(sequence);
        byte[] bodyBytes;
        try {
            bodyBytes = Hex.parse(String.join("", body));
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.BAD_INPUT, "body: " + e.getMessage());
        }
        if (bodyBytes.length > Request.MAX_BODY_LENGTH) {
            throw new MepException(ExitCodes.BAD_INPUT, "body has " + bodyBytes.length + " bytes; at most "
                    + Request.MAX_BODY_LENGTH + " fit the firmware's 512-byte request buffer");
        }
        MbkKey key = keys.key(environment);
        spec.commandLine().getOut().println(Hex.lower(new Request(bodyBytes, seq).encode(key)));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    static long parseSequence(String text) {
        String s = text.strip();
        try {
            long v = s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
            if (v >= 0 && v <= 0xFFFF_FFFFL) return v;
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new MepException(ExitCodes.USAGE, "--seq '" + s + "' is not a sequence number 0..4294967295");
    }
}
