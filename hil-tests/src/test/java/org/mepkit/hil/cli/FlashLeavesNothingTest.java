package org.mepkit.hil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.esp.image.ImageBuilder;
import org.mepkit.esptool.FakeEsptool;

/**
 * {@code mep flash} in its own JVM, stopped as users and supervisors stop it: SIGTERM to mep alone stops esptool
 * too and removes the NVS image (Wi-Fi password, MEP key); SIGKILL can't be handled, so the image only ever sits
 * in an owner-only folder that the next run removes. esptool never sees mep's secret variables.
 */
class FlashLeavesNothingTest {

    private static final String KEY = "Tq8#mLz2Vx4Pw9Rk6Nb3";

    @TempDir
    Path dir;
    Path app;
    Path settings;
    Path port;

    @BeforeEach
    void filesOfAUser() throws Exception {
        app = Files.write(dir.resolve("app.bin"), ImageBuilder.app().build());
        settings = Files.writeString(dir.resolve("board.cfg"), "wifi_ssid=lab\nwifi_password=hunter22\nmep_key=" + KEY + "\n");
        port = Files.createFile(dir.resolve("ttyUSB7")); // the fake esptool never opens it
    }

    /** The fake esptool behind a script that notes its environment and PID, as a child of mep. */
    private Path esptool(String name, double secondsPerBlock) throws Exception {
        FakeEsptool fake = FakeEsptool.install(dir.resolve(name), "5.3.1", "ok", secondsPerBlock);
        Path wrapper = dir.resolve(name).resolve("esptool-noting-env");
        Files.writeString(wrapper, "#!/bin/sh\nenv > '" + dir.resolve(name).resolve("env.txt") + "'\necho $$ > '"
                + dir.resolve(name).resolve("pid.txt") + "'\nexec '" + fake.executable() + "' \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        return wrapper;
    }

    private ChildMep flash(Path esptool, Map<String, String> env) throws Exception {
        return ChildMep.start(dir, env, "flash", "--esptool", esptool.toString(), "--port", port.toString(), "--no-boot-check",
                "--settings", settings.toString(), "0x10000=" + app);
    }

    @Test
    void sigtermToMepAloneStopsEsptoolAndRemovesTheNvsImage() throws Exception {
        Path esptool = esptool("slow", 30);
        try (ChildMep mep = flash(esptool, Map.of("MEP_KEY", KEY, "MEP_MQTT_PASSWORD", "mqtt-secret"))) {
            mep.awaitOutput("esptool connected", t -> t.contains("MAC: 24:0a:c4"), Duration.ofSeconds(60));
            long esptoolPid = Long.parseLong(Files.readString(dir.resolve("slow/pid.txt")).strip());
            assertTrue(ProcessHandle.of(esptoolPid).isPresent(), "esptool runs");
            mep.sigterm();
            assertEquals(143, mep.exitCode(Duration.ofSeconds(30)), mep.out() + mep.err());
            assertFalse(ProcessHandle.of(esptoolPid).map(ProcessHandle::isAlive).orElse(false), "esptool was stopped with mep");
            assertEquals(List.of(), mep.tmpLeftovers(), "the NVS image went with mep");
        }
        String env = Files.readString(dir.resolve("slow/env.txt"));
        assertFalse(env.contains(KEY) || env.contains("MEP_KEY="), "esptool does not inherit MEP_KEY");
        assertFalse(env.contains("mqtt-secret"), "nor the MQTT password");
    }

    @Test
    void afterSigkillTheImageSitsInAnOwnerOnlyFolderThatTheNextRunRemoves() throws Exception {
        Path tmp;
        try (ChildMep mep = flash(esptool("killed", 30), Map.of())) {
            mep.awaitOutput("esptool connected", t -> t.contains("MAC: 24:0a:c4"), Duration.ofSeconds(60));
            mep.kill9();
            tmp = mep.tmp();
            List<String> left = mep.tmpLeftovers();
            assertFalse(left.isEmpty(), "SIGKILL runs nothing: the folder stays");
            try (Stream<Path> all = Files.walk(tmp)) {
                for (Path p : all.filter(p -> !p.equals(tmp)).toList()) {
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    assertTrue(Files.isDirectory(p) ? mode.equals("rwx------") : mode.equals("rw-------"), p + " " + mode);
                }
            }
        }
        try (ChildMep next = flash(esptool("next", 0), Map.of("TMPDIR", tmp.toString()))) {
            assertEquals(0, next.exitCode(Duration.ofSeconds(60)), next.out() + next.err());
            assertEquals(List.of(), next.tmpLeftovers(), "the next flash removed the killed run's folder and its own");
        }
    }
}
