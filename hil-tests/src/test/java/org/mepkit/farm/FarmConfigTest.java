package org.mepkit.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A farm config: real boards (local or remote ports, power commands) and virtual ones, with shared defaults. */
class FarmConfigTest {

    @TempDir
    Path dir;

    Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("farm.yaml"), yaml);
    }

    @Test
    void boardsInheritTheKeyFileSsidAndFirmwareUnlessTheyGiveTheirOwn() throws Exception {
        FarmConfig f = FarmConfig.read(write("""
                name: lab-farm
                mepKeyFile: key.txt
                firmware: spec
                boards:
                  - name: rack-1
                    console: {path: "rfc2217://pi-a:4000"}
                    meter: {path: "rfc2217://pi-a:4001"}
                    power: {on: "ssh pi-a uhubctl -a on -p 2", off: "ssh pi-a uhubctl -a off -p 2"}
                  - name: desk
                    console: {usbSerial: A50285BI}
                    meter: {path: /dev/ttyUSB3}
                    mepKeyFile: desk.key
                  - name: twin-1
                    virtual: {max3232: flaky, seed: 7}
                """));
        assertEquals("lab-farm", f.name());
        assertEquals(3, f.boards().size());
        FarmConfig.Board rack = f.boards().get(0);
        assertEquals("rfc2217://pi-a:4000", rack.bench().console().path());
        assertEquals("key.txt", rack.bench().mepKeyFile());
        assertEquals("spec", rack.bench().firmware());
        assertEquals("ssh pi-a uhubctl -a off -p 2", rack.bench().power().off());
        assertEquals("desk.key", f.boards().get(1).bench().mepKeyFile());
        FarmConfig.Virtual twin = f.boards().get(2).virtual();
        assertNull(f.boards().get(2).bench());
        assertEquals("flaky", twin.max3232OrDefault());
        assertEquals(7, twin.seedOrDefault());
        assertEquals(20, twin.timeScaleOrDefault());
        assertTrue(twin.exported(), "a virtual board is reached through ser2net unless export: false");
        assertTrue(FarmConfig.isFarm(dir.resolve("farm.yaml")));
    }

    @Test
    void aSingleBenchFileIsAFarmOfOne() throws Exception {
        Path f = write("name: lab 1\nconsole: {path: /dev/ttyUSB0}\nmeter: {path: /dev/ttyUSB1}\n");
        assertFalse(FarmConfig.isFarm(f));
        FarmConfig c = FarmConfig.read(f);
        assertEquals(1, c.boards().size());
        assertEquals("lab-1", c.boards().get(0).name());
    }

    @Test
    void mistakesNameTheBoard() throws Exception {
        assertEquals(dir.resolve("farm.yaml") + ": board 'b': two boards have this name", message("""
                boards:
                  - {name: b, virtual: {}}
                  - {name: b, virtual: {}}
                """));
        assertTrue(message("boards:\n  - {name: x, console: {path: a}}\n").endsWith("board 'x': 'console' and 'meter' ports are required"));
        assertTrue(message("boards:\n  - {name: 'a b', virtual: {}}\n").contains("a board name is letters, digits"));
        assertTrue(message("boards:\n  - {name: v, virtual: {}, console: {path: a}}\n").contains("a virtual board has only 'name' and 'virtual'"));
        assertTrue(message("boards:\n  - {name: v, virtual: {colour: red}}\n").contains("board 'v'"));
        assertTrue(message("relays: 2\nboards:\n  - {name: v, virtual: {}}\n").contains("unknown field 'relays'"));
        assertTrue(message("boards: []\n").contains("at least one board"));
    }

    private String message(String yaml) throws IOException {
        Path f = write(yaml);
        return assertThrows(IOException.class, () -> FarmConfig.read(f)).getMessage();
    }
}
