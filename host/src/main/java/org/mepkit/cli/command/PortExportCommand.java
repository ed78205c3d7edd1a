package org.mepkit.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.net.Ser2netYaml;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mep port export}: a ser2net YAML exporting this host's USB-serial adapters (by their stable
 * {@code /dev/serial/by-id} names) as RFC 2217 ports, and the URLs a bench config needs. Only that folder is listed
 * and nothing is opened: mepkit never enumerates ttys (on a VM {@code /dev/ttyS0} is the console).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a ser2net YAML that exports this host's USB-serial adapters as RFC 2217 ports "
                        + "(rfc2217://HOST:PORT, one TCP port per adapter) and print the URLs for a bench config.",
                "Listens on 127.0.0.1 unless --address is given: ser2net's telnet has no authentication, "
                        + "so reach a remote exporter through an SSH tunnel (see the README)."})
public final class PortExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the YAML here (default: print it).")
    Path out;

    @Option(names = "--address", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Where ser2net listens (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 = every network).")
    String address;

    @Option(names = "--first-port", paramLabel = "N", defaultValue = "4000",
            description = "TCP port of the first adapter; the others count up (default: ${DEFAULT-VALUE}).")
    int firstPort;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "115200",
            description = "Speed ser2net opens each adapter with (clients set their own over RFC 2217; default: ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--adapters", paramLabel = "DIR", defaultValue = "/dev/serial/by-id",
            description = "Folder of adapter links to export (default: ${DEFAULT-VALUE}).")
    Path adapters;

    /** One exported adapter: its by-id name and the URL a client uses. */
    record Exported(String adapter, String device, String url, int tcpPort) {
    }

    @Override
    public Integer call() {
        if (baud <= 0) throw new MepException(ExitCodes.USAGE, "--baud must be a positive number, not " + baud);
        if (firstPort < 1 || firstPort > 65535) throw new MepException(ExitCodes.USAGE, "--first-port must be 1..65535, not " + firstPort);
        InetAddress listen = listenAddress();
        List<Path> links = adapterLinks();
        if (firstPort <= 0 || firstPort + links.size() - 1 > 65535) {
            throw new MepException(ExitCodes.USAGE, "--first-port " + firstPort + " leaves no room for " + links.size() + " ports");
        }
        String urlHost = urlHost(listen);
        List<Ser2netYaml.Export> exports = new ArrayList<>();
        List<Exported> exported = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < links.size(); i++) {
            Path link = links.get(i);
            String adapter = link.getFileName().toString();
            Ser2netYaml.Export e;
            try {
                e = new Ser2netYaml.Export(uniqueName(adapter, names), link.toString(), address, firstPort + i,
                        LineSettings.CONSOLE.withBaud(baud));
            } catch (IllegalArgumentException bad) {
                throw new MepException(ExitCodes.BAD_INPUT, bad.getMessage());
            }
            exports.add(e);
            exported.add(new Exported(adapter, link.toString(), e.url(urlHost), e.tcpPort()));
        }
        String yaml = Ser2netYaml.write(exports, header(exported, listen));
        PrintWriter o = spec.commandLine().getOut();
        if (!listen.isLoopbackAddress()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("mep: warning: ser2net's telnet has no authentication: anyone who reaches " + address
                    + " can use these ports (prefer 127.0.0.1 and an SSH tunnel)");
            err.flush();
        }
        if (out != null) write(yaml);
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("config", out == null ? null : out.toString());
            json.put("address", address);
            json.put("ports", exported.stream().map(x -> Map.of("adapter", x.adapter(), "device", x.device(), "url", x.url(),
                    "tcp_port", x.tcpPort())).toList());
            if (out == null) json.put("yaml", yaml);
            OutputOptions.printJson(o, json);
            return ExitCodes.OK;
        }
        if (out == null) {
            o.print(yaml);
        } else {
            o.println("wrote " + out + ": " + exported.size() + " port" + (exported.size() == 1 ? "" : "s") + " on " + address);
            for (Exported x : exported) o.println("  " + x.url() + "  " + x.adapter());
            o.println("run it with: ser2net -n -c " + out + "   (or install it as /etc/ser2net/ser2net.yaml)");
            o.println("in a bench config: console: {path: \"" + exported.get(0).url() + "\"}  (and meter: likewise)");
        }
        o.flush();
        return ExitCodes.OK;
    }

    private List<Path> adapterLinks() {
        if (!Files.isDirectory(adapters)) throw noAdapters();
        try (Stream<Path> s = Files.list(adapters)) {
            List<Path> links = s.filter(p -> !Files.isDirectory(p)).sorted().toList();
            if (links.isEmpty()) throw noAdapters();
            return links;
        } catch (IOException e) {
            throw new MepException(ExitCodes.PORT, "cannot list " + adapters + ": " + e.getMessage());
        }
    }

    private MepException noAdapters() {
        return new MepException(ExitCodes.PORT, "no USB-serial adapters in " + adapters
                + " (plug one in; only that folder is exported, never /dev/ttyS*)");
    }

    private InetAddress listenAddress() {
        if (!address.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
            throw new MepException(ExitCodes.USAGE, "--address must be an IP address, not '" + address + "'");
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new MepException(ExitCodes.USAGE, "--address must be an IP address, not '" + address + "'");
        }
    }

    /** A wildcard listen address is not a place to connect to: clients use this machine's name. */
    private static String urlHost(InetAddress listen) {
        if (!listen.isAnyLocalAddress()) return listen.getHostAddress();
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "THIS-HOST";
        }
    }

    private static String uniqueName(String adapter, Set<String> taken) {
        String base = adapter.replaceAll("[^A-Za-z0-9_-]", "_");
        String name = base;
        for (int n = 2; !taken.add(name); n++) name = base + "-" + n;
        return name;
    }

    private static String header(List<Exported> exported, InetAddress listen) {
        StringBuilder h = new StringBuilder("written by mep port export; run: ser2net -n -c THIS-FILE\n");
        if (listen.isLoopbackAddress()) {
            h.append("listens on loopback only: from another machine use an SSH tunnel (ssh -L PORT:127.0.0.1:PORT this-host)\n");
        } else {
            h.append("WARNING: ser2net's telnet has no authentication; anyone who reaches these ports can use the adapters\n");
        }
        for (Exported x : exported) h.append(x.url()).append("  ").append(x.adapter()).append('\n');
        return h.toString().stripTrailing();
    }

    private void write(String yaml) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(out, yaml);
        } catch (IOException e) {
            throw new MepException(ExitCodes.BAD_INPUT, "cannot write " + out + ": " + e.getMessage());
        }
    }
}
