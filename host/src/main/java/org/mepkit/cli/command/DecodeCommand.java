package org.mepkit.cli.command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.JsonKeys;
import org.mepkit.cli.option.KeyOptions;
import org.mepkit.mep.frame.MepProtocolException;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.mep.table.MepTable;
import org.mepkit.mep.table.TableField;
import org.mepkit.mep.table.TableId;
import org.mepkit.util.Hex;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mep decode [--key K] [--table ID] [--json] HEX}: explains a captured request or response.
 * Exit 1 when a request's digest does not match the given key.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Explain a captured MEP packet: request fields and digest check (with a key), or response code and table values.",
                "A packet whose third byte is a request command (30, 3F, 40, 4F) is read as a request unless --table or --as says otherwise."},
        footer = {"", "Example:", "  mep decode --table BT52 000a00000718031c11171b04"})
public final class DecodeCommand implements Callable<Integer> {

    enum Direction { auto, request, response }

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;

    /** Reads {@code MEP_KEY} from the process environment. */
    public DecodeCommand() {
        this(System.getenv());
    }

    /** @param environment where {@code MEP_KEY} is looked up (tests pass their own) */
    public DecodeCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Mixin
    KeyOptions keys;

    @Option(names = "--table", paramLabel = "ID", description = "Table of a response's data: BT28, ET11, 0x001C, 28 ...")
    String table;

    @Option(names = "--as", paramLabel = "KIND", defaultValue = "auto",
            description = "Read the packet as: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Direction direction;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "HEX", description = "The packet as hex, length field included; spaces allowed.")
    List<String> hex;

    @Override
    public Integer call() {
        byte[] packet;
        try {
            packet = Hex.parse(String.join("", hex));
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.BAD_INPUT, e.getMessage());
        }
        Optional<TableId> tableId = Optional.ofNullable(table).map(DecodeCommand::parseTable);
        boolean asRequest = switch (direction) {
            case request -> true;
            case response -> false;
            case auto -> tableId.isEmpty() && PacketExplainer.looksLikeRequest(packet);
        };
        if (asRequest && tableId.isPresent()) throw new MepException(ExitCodes.USAGE, "--table applies to responses only");
        Optional<MbkKey> key = keys.keyIfGiven(environment);
        Explanation e;
        try {
            e = asRequest ? PacketExplainer.request(packet, key) : PacketExplainer.response(packet, tableId);
        } catch (MepProtocolException ex) {
            throw new MepException(ExitCodes.BAD_INPUT, ex.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(e) + System.lineSeparator() : text(e));
        out.flush();
        if (e.digestMatches().isPresent() && !e.digestMatches().get()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("mep: the request's digest does not match the given key");
            err.flush();
            return ExitCodes.VERDICT_FAILED;
        }
        return ExitCodes.OK;
    }

    private static TableId parseTable(String text) {
        try {
            return TableId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.USAGE, "--table: " + e.getMessage());
        }
    }

    static String text(Explanation e) {
        StringBuilder s = new StringBuilder(e.kind()).append(System.lineSeparator());
        appendFields(s, e.fields());
        if (!e.hint().isEmpty()) s.append("  (").append(e.hint()).append(')').append(System.lineSeparator());
        e.table().ifPresent(t -> {
            s.append("table ").append(t.tableId().name()).append(System.lineSeparator());
            appendFields(s, t.fields());
        });
        return s.toString();
    }

    private static void appendFields(StringBuilder s, List<TableField> fields) {
        for (TableField f : fields) s.append("  ").append(f.name()).append(": ").append(f.valueText()).append(System.lineSeparator());
    }

    static String json(Explanation e) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("kind", e.kind());
        for (TableField f : e.fields()) root.put(f.name(), f.value());
        e.table().ifPresent(t -> {
            root.put("table", t.tableId().name());
            root.put("values", values(t));
            root.put("units", units(t));
        });
        try {
            return JsonKeys.MAPPER.writeValueAsString(JsonKeys.tree(root));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot render JSON", ex);
        }
    }

    private static Map<String, Object> values(MepTable t) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (TableField f : t.fields()) m.put(f.name(), f.value());
        return m;
    }

    private static Map<String, String> units(MepTable t) {
        Map<String, String> m = new LinkedHashMap<>();
        for (TableField f : t.fields()) {
            if (!f.unit().isEmpty()) m.put(f.name(), f.unit());
        }
        return m;
    }
}
