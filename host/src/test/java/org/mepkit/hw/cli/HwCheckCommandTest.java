package org.mepkit.hw.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.cli.MepCommand;
import org.mepkit.hw.KicadCli;

import picocli.CommandLine;

class HwCheckCommandTest {

    @TempDir
    Path tmp;

    private static Path hardware() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("hardware/variants.json"))) return p.resolve("hardware");
        }
        throw new IllegalStateException("hardware/ not found");
    }

    private record Run(int code, String out, String err) {
    }

    private Run mep(String... args) {
        Assumptions.assumeTrue(new KicadCli().available(), "kicad-cli 9 is not installed");
        CommandLine cl = MepCommand.commandLine(List.of(new HwCommands.Check(), new HwCommands.Fab()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void the_committed_board_passes_every_gate() {
        Run r = mep("hw", "check", "--hardware", hardware().toString(), "--board", "esp32-mep-v2.00");

        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("esp32-mep-v2.00: ERC 0 errors"), r.out());
        assertTrue(r.out().contains("hw check: all gates passed"), r.out());
    }

    @Test
    void every_warning_is_listed_and_the_kicad_reports_are_kept() throws IOException {
        Path reports = tmp.resolve("reports");
        Run r = mep("hw", "check", "--hardware", hardware().toString(), "--board", "esp32-mep-v2.00", "-o", reports.toString());

        assertEquals(0, r.code(), r.out() + r.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("ERC 0 errors, (\\d+) warnings; .* (\\d+) warnings; pin map").matcher(r.out());
        assertTrue(m.find(), r.out());
        long defaultVariantWarnings = r.out().lines().filter(l -> l.startsWith("  WARN ") && !l.startsWith("  WARN variant ")).count();
        assertEquals(Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)), defaultVariantWarnings, "one line per warning: " + r.out());
        assertTrue(Files.size(reports.resolve("esp32-mep-v2.00/esp32-mep-v2.00-erc.json")) > 0);
        assertTrue(Files.size(reports.resolve("esp32-mep-v2.00/esp32-mep-v2.00-drc.json")) > 0);
        assertTrue(r.out().contains("  reports: " + reports.resolve("esp32-mep-v2.00")), r.out());
    }

    /** kicad-cli runs in the board's folder: a relative --out is taken from where mep runs, not from there. */
    @Test
    void a_relative_out_folder_is_where_mep_runs() throws IOException {
        Path relative = Path.of("").toAbsolutePath().relativize(tmp.resolve("relative-reports"));
        Run r = mep("hw", "check", "--hardware", hardware().toString(), "--board", "esp32-mep-v2.00", "-o", relative.toString());

        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(Files.size(tmp.resolve("relative-reports/esp32-mep-v2.00/esp32-mep-v2.00-erc.json")) > 0);
        assertFalse(Files.exists(hardware().resolve("esp32-mep-v2.00").resolve(relative)), "nothing written into the project");
    }

    @Test
    void json_is_one_object_with_each_boards_failures_and_warnings() throws IOException {
        Run r = mep("hw", "check", "--hardware", hardware().toString(), "--board", "esp32-mep-v2.00", "-o", tmp.toString(), "--json");

        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertTrue(json.get("passed").asBoolean());
        var board = json.get("boards").get(0);
        assertEquals("esp32-mep-v2.00", board.get("board").asText());
        assertEquals(board.get("drc").get("warnings").asInt() + board.get("erc").get("warnings").asInt(),
                java.util.stream.StreamSupport.stream(board.get("warnings").spliterator(), false)
                        .filter(w -> !w.asText().startsWith("variant ")).count());
    }

    @Test
    void fab_json_is_one_object_listing_each_variants_outputs() throws IOException {
        Run r = mep("hw", "fab", "--hardware", hardware().toString(), "--board", "esp32-mep", "--variant", "r4-switched",
                "-o", tmp.toString(), "--json");

        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        var only = json.get("outputs").get(0);
        assertEquals("esp32-mep-v2.00", only.get("board").asText(), "esp32-mep is the family default");
        assertTrue(only.get("files").asInt() > 5, r.out());
        assertTrue(Files.isRegularFile(Path.of(only.get("zip").asText())));
    }

    @Test
    void a_board_with_a_track_missing_fails_with_exit_1() throws IOException {
        Path copy = tmp.resolve("hardware");
        copyTree(hardware(), copy);
        Path pcb = copy.resolve("esp32-mep-v2.00/esp32-mep-v2.00.kicad_pcb");
        String text = Files.readString(pcb);
        int i = text.indexOf("\n\t(segment");
        int j = text.indexOf("\n\t)", i) + 3;
        Files.writeString(pcb, text.substring(0, i) + text.substring(j));

        Run r = mep("hw", "check", "--hardware", copy.toString(), "--board", "esp32-mep-v2.00");

        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("unconnected items"), r.out());
    }

    @Test
    void a_front_part_in_j6s_mating_channel_fails_drc() throws IOException {
        Path copy = tmp.resolve("hardware");
        copyTree(hardware(), copy);
        Path pcb = copy.resolve("esp32-mep-v2.00/esp32-mep-v2.00.kicad_pcb");
        String text = Files.readString(pcb);
        int ref = text.indexOf("(property \"Reference\" \"R5\"");
        int at = text.indexOf("(at ", text.lastIndexOf("\n\t(footprint ", ref));
        // R5 from beside J6 (x 59) into the channel in front of J6's pins (board x 51.5, y 6)
        Files.writeString(pcb, text.substring(0, at) + "(at 151.5 66" + text.substring(text.indexOf(')', at)));

        Run r = mep("hw", "check", "--hardware", copy.toString(), "--board", "esp32-mep-v2.00");

        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Items not allowed (rule 'J6 mating channel') [Footprint R5]"), r.out());
    }

    @Test
    void a_missing_hardware_folder_is_a_one_line_usage_error() {
        Run r = mep("hw", "check", "--hardware", tmp.resolve("nowhere").toString());

        assertEquals(3, r.code());
        assertTrue(r.err().startsWith("mep: ") && r.err().strip().lines().count() == 1, r.err());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.filter(p -> !p.toString().contains("/out/") && !p.endsWith("out")).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
