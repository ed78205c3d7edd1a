package org.mepkit.cli.command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.cli.option.Renamed;
import org.mepkit.spec.Board;
import org.mepkit.spec.BoardRegistry;
import org.mepkit.spec.FlashLayout;
import org.mepkit.spec.PinMap;
import org.mepkit.spec.UartLink;
import org.mepkit.spec.Variant;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mep board list} and {@code mep board show NAME}: the boards of the board support package
 * (firmware-spec). {@code mep boards [NAME]} is their old name, hidden for one release.
 */
public final class BoardCommands {

    private BoardCommands() {
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the boards mepkit supports: chip, form, pins, flash layout, assembly variants.")
    public static final class ListCommand implements Runnable {

        @Spec
        CommandSpec spec;

        @Mixin
        OutputOptions output;

        @Override
        public void run() {
            BoardRegistry registry = BoardRegistry.load();
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("boards", registry.boards().stream().map(BoardCommands::json).toList());
                json.put("aliases", registry.aliases().entrySet().stream()
                        .map(a -> Map.of("alias", a.getKey(), "board", a.getValue())).toList());
                OutputOptions.printJson(out, json);
            } else {
                print(spec, output, registry.boards(), true);
                out.println("aliases: " + aliases(registry));
            }
            out.flush();
        }
    }

    /** {@code esp32-mep = esp32-mep-v2.00 (family default), ...}. */
    static String aliases(BoardRegistry registry) {
        return registry.aliases().entrySet().stream()
                .map(a -> a.getKey() + " = " + a.getValue() + (a.getKey().equals("esp32-mep") ? " (family default)" : ""))
                .collect(Collectors.joining(", "));
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one board: chip, form, pins, flash layout, NVS keys, assembly variants.")
    public static final class ShowCommand implements Runnable {

        @Spec
        CommandSpec spec;

        @Mixin
        OutputOptions output;

        @Parameters(paramLabel = "NAME", description = "A name from 'mep board list' (e.g. esp32-mep-v2.00).")
        String name;

        @Override
        public void run() {
            print(spec, output, List.of(find(BoardRegistry.load(), name)), false);
        }
    }

    /** The old {@code mep boards [NAME]}. */
    @Command(name = "boards", hidden = true, mixinStandardHelpOptions = true,
            description = "Old name of 'mep board list' and 'mep board show NAME'.")
    public static final class OldBoardsCommand implements Runnable {

        @Spec
        CommandSpec spec;

        @Mixin
        OutputOptions output;

        @Parameters(arity = "0..1", paramLabel = "NAME", description = "A board name.")
        String name;

        @Override
        public void run() {
            Renamed.note(spec, "mep boards", name == null ? "mep board list" : "mep board show NAME");
            BoardRegistry registry = BoardRegistry.load();
            if (name == null) {
                print(spec, output, registry.boards(), true);
            } else {
                print(spec, output, List.of(find(registry, name)), false);
            }
        }
    }

    private static void print(CommandSpec spec, OutputOptions output, List<Board> boards, boolean list) {
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            OutputOptions.printJson(out, list ? Map.of("boards", boards.stream().map(BoardCommands::json).toList())
                    : json(boards.get(0)));
        } else {
            boards.forEach(b -> printText(out, b));
        }
        out.flush();
    }

    /** @throws org.mepkit.spec.UnknownBoardException a usage error, as for every {@code --board} */
    private static Board find(BoardRegistry registry, String name) {
        return registry.require(name);
    }

    private static void printText(PrintWriter out, Board b) {
        out.printf("%s  %s (%s), %s%n", b.name(), b.chip(), b.module(), form(b.form()));
        out.printf("  %s%n", b.title());
        out.printf("  pins:     %s%n", b.pinMap().pins().stream().map(BoardCommands::pin).collect(Collectors.joining(", ")));
        out.printf("  console:  %s;  meter: %s%n", link(b.console()), link(b.meterLine()));
        out.printf("  download: %s%n", b.autoReset() ? "auto-reset (esptool resets the chip through DTR/RTS on "
                + b.console().connector() + ")" : "by hand (program jumper, then power-cycle)");
        FlashLayout f = b.flashLayout();
        out.printf("  flash:    %d MB %s, bootloader at 0x%X, partition table at 0x%X, app at 0x%X%n",
                f.flashSize() >> 20, f.name(), b.bootloaderOffset(), f.partitionTableOffset(), f.appOffset());
        out.printf("            %s%n", f.partitions().stream()
                .map(p -> String.format("%s 0x%X+%dK", p.name(), p.offset(), p.size() >> 10))
                .collect(Collectors.joining(", ")));
        out.printf("  nvs:      namespace %s, %d keys%n", b.nvs().namespace(), b.nvs().keys().size());
        if (b.variants().isEmpty()) {
            out.printf("  variants: none%n");
        } else {
            for (Variant v : b.variants()) {
                out.printf("  variant %s%s: %s%n", v.name(), v.recommended() ? " (recommended)" : "", v.description());
            }
        }
        out.println();
    }

    private static String form(Board.Form form) {
        return switch (form) {
            case THT -> "through-hole";
            case SMD -> "surface-mount";
            case UNDOCUMENTED -> "form not documented";
        };
    }

    private static String pin(PinMap.Pin p) {
        return p.signal() + " GPIO" + p.gpio() + (p.activeLow() ? " (active low)" : "");
    }

    private static String link(UartLink l) {
        return l.uart() + " " + l.baud() + " " + l.framing() + " on " + l.connector();
    }

    private static Map<String, Object> json(Board b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", b.name());
        m.put("title", b.title());
        m.put("chip", b.chip());
        m.put("module", b.module());
        m.put("form", b.form().name());
        m.put("auto_reset", b.autoReset());
        m.put("pins", b.pinMap().pins().stream().map(p -> {
            Map<String, Object> pin = new LinkedHashMap<>();
            pin.put("signal", p.signal());
            pin.put("gpio", p.gpio());
            pin.put("module_pin", p.modulePin());
            pin.put("direction", p.direction().name().toLowerCase(java.util.Locale.ROOT));
            pin.put("active_low", p.activeLow());
            return pin;
        }).toList());
        m.put("console", b.console());
        m.put("meter_line", b.meterLine());
        FlashLayout f = b.flashLayout();
        Map<String, Object> flash = new LinkedHashMap<>();
        flash.put("layout", f.name());
        flash.put("size", f.flashSize());
        flash.put("bootloader_offset", b.bootloaderOffset());
        flash.put("partition_table_offset", f.partitionTableOffset());
        flash.put("partitions", f.partitions().stream().map(p -> {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("name", p.name());
            part.put("type", p.type());
            part.put("subtype", p.subtype());
            part.put("offset", p.offset());
            part.put("size", p.size());
            return part;
        }).toList());
        m.put("flash", flash);
        Map<String, Object> nvs = new LinkedHashMap<>();
        nvs.put("namespace", b.nvs().namespace());
        nvs.put("keys", b.nvs().keys().stream().map(k -> {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("name", k.name());
            key.put("type", k.type().name().toLowerCase(java.util.Locale.ROOT));
            key.put("max_length", k.maxLength());
            key.put("secret", k.secret());
            return key;
        }).toList());
        m.put("nvs", nvs);
        m.put("variants", b.variants());
        return m;
    }
}
