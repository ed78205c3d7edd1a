package org.mepkit.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetlistCheckTest {

    @TempDir
    Path work;

    private Path exported(String board) throws IOException {
        Board b = new Board(board, HardwareFixture.hardware().resolve(board));
        KicadCli cli = HardwareFixture.kicad();
        Path net = work.resolve(board + ".net");
        cli.runChecked(b.dir(), List.of(0), "sch", "export", "netlist", "--format", "kicadsexpr", "-o", net.toString(),
                b.schematic().getFileName().toString());
        return net;
    }

    @ParameterizedTest
    @ValueSource(strings = {"esp32-mep-v1.10", "esp32-mep-v2.00", "esp32-mep-v2.10"})
    void the_real_boards_match_their_firmware_pin_map(String board) throws IOException {
        Netlist n = Netlist.parse(Files.readString(exported(board)));

        assertEquals(List.of(), NetlistCheck.check(n, PinMap.forBoard(board)));
    }

    @Test
    void v210_switches_the_max3232_through_pad_2_of_the_three_pad_jumper() throws IOException {
        PinMap map = PinMap.forBoard("esp32-mep-v2.10");
        PinMap.Signal power = map.signals().stream().filter(s -> s.name().equals("MAX3232_POWER")).findFirst().orElseThrow();
        assertEquals("JP1", power.via());
        assertEquals("2", power.viaPin());
        // JP1 pad 2 moved off the MAX3232 supply: the check names the jumper
        String text = Files.readString(exported("esp32-mep-v2.10"));
        Netlist n = Netlist.parse(text.replace("(node (ref \"JP1\") (pin \"2\")", "(node (ref \"JP1\") (pin \"9\")"));
        assertTrue(NetlistCheck.check(n, map).stream().anyMatch(f -> f.contains("JP1 pin 2")), NetlistCheck.check(n, map).toString());
    }

    @Test
    void a_board_missing_from_firmware_spec_has_no_pin_map() {
        HwFormatException e = org.junit.jupiter.api.Assertions.assertThrows(HwFormatException.class, () -> PinMap.forBoard("esp32-mep-v9"));
        assertTrue(e.getMessage().contains("not in firmware-spec's boards.json"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"esp32-mep-v1.10", "esp32-mep-v2.00"})
    void swapping_gpio16_and_gpio17_in_a_copy_of_the_netlist_fails_the_check(String board) throws IOException {
        String text = Files.readString(exported(board));
        String swapped = swapModulePins(text, "27", "28");
        assertFalse(swapped.equals(text), "the swap must change the netlist");

        List<String> findings = NetlistCheck.check(Netlist.parse(swapped), PinMap.load());

        assertTrue(findings.stream().anyMatch(f -> f.startsWith("MEP_RX (GPIO16")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("MEP_TX (GPIO17")), findings.toString());
    }

    @Test
    void a_pin_map_that_moves_a_signal_to_another_gpio_fails_against_the_real_board() throws IOException {
        Netlist n = Netlist.parse(Files.readString(exported("esp32-mep-v2.00")));
        PinMap real = PinMap.load();
        List<PinMap.Signal> moved = real.signals().stream()
                .map(s -> s.name().equals("METER_ENABLE")
                        ? new PinMap.Signal(s.name(), 4, 26, s.net(), s.peer(), s.via(), s.viaPin(), s.target()) : s)
                .toList();

        List<String> findings = NetlistCheck.check(n, new PinMap(real.module(), moved, real.meterRef(), real.meterPins()));

        assertTrue(findings.stream().anyMatch(f -> f.contains("METER_ENABLE (GPIO4")), findings.toString());
    }

    @Test
    void a_meter_pad_on_the_wrong_net_is_reported() throws IOException {
        Netlist n = Netlist.parse(Files.readString(exported("esp32-mep-v2.00")));
        PinMap real = PinMap.load();
        List<PinMap.MeterPin> pins = real.meterPins().stream()
                .map(p -> p.pin() == 3 ? new PinMap.MeterPin(3, p.function(), "RXD") : p).toList();

        List<String> findings = NetlistCheck.check(n, new PinMap(real.module(), real.signals(), real.meterRef(), pins));

        assertEquals(List.of("J6 pad 3 (METER_RXD): is on net TXD, pin map says RXD"), findings);
    }

    /** Swaps which module pins (U2) two node entries name, as if two GPIO wires were crossed. */
    static String swapModulePins(String netlist, String a, String b) {
        String na = "(node (ref \"U2\") (pin \"" + a + "\")";
        String nb = "(node (ref \"U2\") (pin \"" + b + "\")";
        String tmp = "\u0000SWAP\u0000";
        return netlist.replace(na, tmp).replace(nb, na).replace(tmp, nb);
    }
}
