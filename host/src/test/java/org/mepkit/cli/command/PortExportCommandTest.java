package org.mepkit.cli.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepCommand;
import org.mepkit.serial.LineReads;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.Ports;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.net.Ser2net;
import org.mepkit.serial.net.Ser2netTesting;
import org.mepkit.serial.pty.PtyMasterLine;
import org.mepkit.util.Processes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code mep port export} on a fake {@code /dev/serial/by-id} folder, and the YAML it writes run by a real ser2net. */
class PortExportCommandTest {

    static final String FTDI = "usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0";
    static final String CP210X = "usb-Silicon_Labs_CP2102_USB_to_UART_Bridge_Controller_0001-if00-port0";

    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int mep(String... args) {
        picocli.CommandLine cli = MepCommand.commandLine(List.of(new PortExportContribution()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    Path byId(String... targets) throws Exception {
        Path byId = Files.createDirectories(dir.resolve("by-id"));
        String[] names = {FTDI, CP210X};
        for (int i = 0; i < targets.length; i++) Files.createSymbolicLink(byId.resolve(names[i]), Path.of(targets[i]));
        return byId;
    }

    @Test
    void writesOneLoopbackRfc2217AccepterPerAdapterByItsStableName() throws Exception {
        Path byId = byId("../../ttyUSB0", "../../ttyUSB1");
        Path yaml = dir.resolve("ser2net.yaml");
        assertEquals(ExitCodes.OK, mep("port", "export", "--adapters", byId.toString(), "--out", yaml.toString()), err.toString());
        assertEquals("""
                %%YAML 1.1
                ---
                # written by mep port export; run: ser2net -n -c THIS-FILE
                # listens on loopback only: from another machine use an SSH tunnel (ssh -L PORT:127.0.0.1:PORT this-host)
                # rfc2217://127.0.0.1:4000  %1$s
                # rfc2217://127.0.0.1:4001  %2$s

                connection: &%1$s
                    accepter: telnet(rfc2217),tcp,127.0.0.1,4000
                    enable: on
                    connector: serialdev,%3$s/%1$s,115200n81,local
                    options:
                      chardelay: false

                connection: &%2$s
                    accepter: telnet(rfc2217),tcp,127.0.0.1,4001
                    enable: on
                    connector: serialdev,%3$s/%2$s,115200n81,local
                    options:
                      chardelay: false
                """.formatted(FTDI, CP210X, byId), Files.readString(yaml));
        String text = out.toString();
        assertTrue(text.contains("  rfc2217://127.0.0.1:4000  " + FTDI), text);
        assertTrue(text.contains("  rfc2217://127.0.0.1:4001  " + CP210X), text);
        assertEquals("", err.toString());
    }

    @Test
    void withoutOutTheYamlGoesToStdoutAndJsonListsTheUrls() throws Exception {
        Path byId = byId("/dev/null");
        assertEquals(ExitCodes.OK, mep("port", "export", "--adapters", byId.toString(), "--first-port", "7100"));
        assertTrue(out.toString().startsWith("%YAML 1.1\n---\n"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, mep("port", "export", "--adapters", byId.toString(), "--first-port", "7100", "--json"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("rfc2217://127.0.0.1:7100", json.get("ports").get(0).get("url").asText());
        assertEquals(FTDI, json.get("ports").get(0).get("adapter").asText());
        assertEquals(7100, json.get("ports").get(0).get("tcp_port").asInt());
    }

    @Test
    void anAddressBeyondLoopbackIsOnlyUsedWhenAskedAndWarnsThatTelnetHasNoAuthentication() throws Exception {
        Path byId = byId("/dev/null");
        assertEquals(ExitCodes.OK, mep("port", "export", "--adapters", byId.toString(), "--address", "192.0.2.10"));
        assertTrue(out.toString().contains("accepter: telnet(rfc2217),tcp,192.0.2.10,4000"), out.toString());
        assertTrue(out.toString().contains("# rfc2217://192.0.2.10:4000"), out.toString());
        assertTrue(err.toString().startsWith("mep: warning: ser2net's telnet has no authentication"), err.toString());
    }

    @Test
    void noAdaptersIsAPortErrorInOneLine() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        assertEquals(ExitCodes.PORT, mep("port", "export", "--adapters", dir.resolve("empty").toString()));
        assertEquals("mep: no USB-serial adapters in " + dir.resolve("empty") + " (plug one in; only that folder is exported, never /dev/ttyS*)"
                + System.lineSeparator(), err.toString());
        assertEquals(ExitCodes.USAGE, mep("port", "export", "--adapters", dir.toString(), "--address", "lab-pi"));
    }

    @Test
    void ser2netRunsTheWrittenFileAndTheUrlReachesTheAdapter() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Ser2net.installed(), "ser2net is not installed (./test-all installs it)");
        try (PtyMasterLine adapter = PtyMasterLine.open(LineSettings.MEP)) {
            Path byId = byId(adapter.slavePath());
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            Path yaml = dir.resolve("ser2net.yaml");
            assertEquals(ExitCodes.OK, mep("port", "export", "--adapters", byId.toString(), "--first-port", Integer.toString(port),
                    "--out", yaml.toString()), err.toString());
            Process ser2net = new ProcessBuilder("ser2net", "-n", "-u", "-c", yaml.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("ser2net.log").toFile()).start();
            try {
                SerialLine line = openWithin(Duration.ofSeconds(10), "rfc2217://127.0.0.1:" + port);
                try (line) {
                    line.write(new byte[] {0x11, (byte) 0xFF});
                    assertArrayEquals(new byte[] {0x11, (byte) 0xFF}, LineReads.readExactly(adapter, 2));
                    assertEquals(9600, Ser2netTesting.sttySpeed(adapter.slavePath()));
                }
            } finally {
                Processes.stop(ser2net);
            }
        }
    }

    private static SerialLine openWithin(Duration limit, String url) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                return Ports.open(url, LineSettings.MEP);
            } catch (org.mepkit.serial.PortNotFoundException refused) {
                if (System.nanoTime() > end) throw refused;   // ser2net not listening yet
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
    }
}
