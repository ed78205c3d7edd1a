package org.mepkit.hil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.hil.run.SuiteReportTest;
import org.mepkit.hw.KicadCli;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.pty.PtyMasterLine;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Ctrl-C keeps what finished: a real SIGINT to mep in its own JVM, during the bench, the demo, both diagnoses
 * and hw fab. Each exits 130, and its reports exist and say they were interrupted.
 */
class CtrlCTest {

    static final Duration START = Duration.ofSeconds(90);
    static final Duration END = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void benchWritesTheXmlAndHtmlOfTheTestsDoneAndMarksTheRunInterrupted() throws Exception {
        Path out = dir.resolve("bench");
        try (ChildMep mep = ChildMep.start(dir, Map.of(), "bench", "--out", out.toString())) {
            mep.awaitOutput("a finished test", t -> t.contains("\nok "), START);
            mep.sigint();
            assertEquals(130, mep.exitCode(END), mep.out() + mep.err());
            assertTrue(mep.err().contains("mep: bench interrupted after"), mep.err());
            assertEquals(List.of(), mep.tmpLeftovers(), "the boards' flash files (demo Wi-Fi password, key) go with the bench");
        }
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(out.resolve("TEST-mep-bench.xml").toFile()).getDocumentElement();
        assertEquals("true", SuiteReportTest.property(suite, "interrupted"));
        NodeList cases = suite.getElementsByTagName("testcase");
        int finished = 0;
        int interrupted = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            NodeList skipped = ((Element) cases.item(i)).getElementsByTagName("skipped");
            if (skipped.getLength() == 0) finished++;
            else if (((Element) skipped.item(0)).getAttribute("message").startsWith("interrupted:")) interrupted++;
        }
        assertTrue(finished >= 1, "the test that finished is reported as it ended");
        assertTrue(interrupted >= 1, "the rest is marked interrupted");
        assertTrue(Files.readString(out.resolve("report.html")).contains("INTERRUPTED (Ctrl-C)"));
    }

    @Test
    void demoLeavesItsIndexAndTheBenchReportsSayingInterrupted() throws Exception {
        Path out = dir.resolve("demo");
        try (ChildMep mep = ChildMep.start(dir, Map.of("ESPTOOL", ""), "demo", "--out", out.toString())) {
            mep.awaitOutput("a finished bench test", t -> t.contains("3/4") && t.contains("\nok "), START);
            mep.sigint();
            assertEquals(130, mep.exitCode(END), mep.out() + mep.err());
            assertEquals(List.of(), mep.tmpLeftovers(), "an interrupted demo leaves nothing in $TMPDIR");
        }
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("INTERRUPTED (Ctrl-C) during the bench"), index);
        assertTrue(index.contains("bench/report.html"), "the index links the partial bench report");
        assertTrue(Files.readString(out.resolve("bench/TEST-mep-bench.xml")).contains("name=\"interrupted\" value=\"true\""));
    }

    @Test
    void diagnoseChipKeepsThePartialReport() throws Exception {
        // a jig on a pty: a stand-in gpioset switches "VCC" (v2 holds the line while it runs), nothing loops back
        Path bin = Files.createDirectories(dir.resolve("fake-bin"));
        Path gpioset = bin.resolve("gpioset");
        Files.writeString(gpioset, "#!/bin/sh\n[ \"$1\" = --version ] && { echo 'gpioset (libgpiod) v2.1'; exit 0; }\nexec sleep 600\n");
        gpioset.toFile().setExecutable(true);
        Path out = dir.resolve("chip");
        try (PtyMasterLine jig = PtyMasterLine.open(LineSettings.MEP);
             ChildMep mep = ChildMep.start(dir, Map.of("PATH", bin + ":" + System.getenv("PATH")), "diagnose", "chip",
                     "--port", jig.slavePath(), "--power", "gpiod:gpiochip0:17", "--trials", "100", "--out", out.toString())) {
            mep.awaitOutput("the first trial", t -> t.contains("diagnose chip"), START);
            mep.sigint();
            assertEquals(130, mep.exitCode(END), mep.out() + mep.err());
        }
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("interrupted", report.get("aborted_by").asText());
        assertTrue(report.get("trials_done").asInt() >= 1);
        assertTrue(Files.readString(out.resolve("index.html")).contains("Interrupted (Ctrl-C)"));
    }

    @Test
    void diagnoseBoardKeepsThePartialReport() throws Exception {
        Path out = dir.resolve("board");
        try (ChildMep mep = ChildMep.start(dir, Map.of(), "diagnose", "board", "--max3232", "bad", "--trials", "10000",
                "--out", out.toString())) {
            mep.awaitOutput("the first power-up", t -> t.contains("diagnose board"), START);
            mep.sigint();
            assertEquals(130, mep.exitCode(END), mep.out() + mep.err());
            assertTrue(mep.err().contains("diagnosis interrupted after"), mep.err());
            assertEquals(List.of(), mep.tmpLeftovers());
        }
        assertTrue(Files.readString(out.resolve("index.html")).contains("Interrupted (Ctrl-C)"));
        assertTrue(Files.exists(out.resolve("trials.svg")));
    }

    @Test
    void hwFabKeepsTheVariantsDoneAndRemovesTheHalfWrittenOne() throws Exception {
        Assumptions.assumeTrue(new KicadCli().available(), "kicad-cli 9 is not installed (hardware/tools/install-kicad.sh; ./test-all does it)");
        Path hardware = repoRoot().resolve("hardware");
        Path out = dir.resolve("fab");
        try (ChildMep mep = ChildMep.start(dir, Map.of(), "hw", "fab", "--hardware", hardware.toString(), "--out", out.toString())) {
            mep.awaitOutput("one variant written", t -> t.contains(" files in "), Duration.ofMinutes(4));
            mep.sigint();
            assertEquals(130, mep.exitCode(Duration.ofSeconds(60)), mep.out() + mep.err());
            assertEquals(List.of(), mep.tmpLeftovers(), "hw fab's work folder goes too");
        }
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("fab-manifest.json").toFile());
        assertTrue(manifest.get("interrupted").asBoolean(), manifest.toString());
        assertTrue(manifest.get("finished").size() >= 1, manifest.toString());
        for (JsonNode f : manifest.get("finished")) assertTrue(Files.isRegularFile(out.resolve(f.get("zip").asText())), f.toString());
        String during = manifest.get("interrupted_during").asText();
        String[] boardVariant = during.split(" ");
        assertFalse(Files.exists(out.resolve(boardVariant[0]).resolve(boardVariant[1])), "no half-written " + during);
    }

    static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("hardware/variants.json"))) return p;
        }
        throw new AssertionError("no repository root above " + Path.of("").toAbsolutePath());
    }
}
