package org.mepkit.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTest {

    @TempDir
    Path tmp;

    @Test
    void aRunsFolderIsNamedForItsPurposeAndPidAndOnlyItsOwnerMayEnter() throws Exception {
        try (Scratch s = Scratch.create(tmp, "flash")) {
            String name = s.dir().getFileName().toString();
            assertTrue(name.startsWith("mepkit-flash-" + ProcessHandle.current().pid() + "-"), name);
            assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(s.dir()));
        }
    }

    @Test
    void closingRemovesTheFolderWithEverythingInIt() throws Exception {
        Scratch s = Scratch.create(tmp, "bench");
        Files.write(Files.createDirectories(s.dir().resolve("board-1")).resolve("flash.bin"), new byte[4096]);
        s.close();
        assertFalse(Files.exists(s.dir()));
    }

    @Test
    void theShutdownHooksPartRemovesEveryFolderStillOpen() throws Exception {
        Scratch a = Scratch.create(tmp, "demo");
        Scratch b = Scratch.create(tmp, "perf-flash");
        Scratch.closeAll();
        assertFalse(Files.exists(a.dir()));
        assertFalse(Files.exists(b.dir()));
    }

    /** SIGKILL runs no hook: the next run removes the killed run's folder, and leaves a running one's alone. */
    @Test
    void theFoldersOfKilledRunsAreSweptAndThoseOfLiveRunsKept() throws Exception {
        Process alive = new ProcessBuilder("sleep", "30").start();
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        try {
            Path killed = Files.createDirectories(tmp.resolve("mepkit-perf-flash-" + dead.pid() + "-123"));
            Files.write(killed.resolve("nvs-provisioning.bin"), new byte[] {1});
            Path running = Files.createDirectories(tmp.resolve("mepkit-flash-" + alive.pid() + "-456"));
            Path notOurs = Files.createDirectories(tmp.resolve("mepkit-port-locks"));
            Path userFile = Files.writeString(tmp.resolve("mepkit-notes-" + dead.pid() + "-1.txt"), "x");
            assertEquals(1, Scratch.sweep(tmp));
            assertFalse(Files.exists(killed));
            assertTrue(Files.exists(running));
            assertTrue(Files.exists(notOurs));
            assertTrue(Files.exists(userFile), "a file of that name is not a run's folder");
        } finally {
            alive.destroyForcibly();
        }
    }

    @Test
    void aPurposeIsLettersAndDashes() {
        assertThrows(IllegalArgumentException.class, () -> Scratch.create(tmp, "flash-2"));
        assertThrows(IllegalArgumentException.class, () -> Scratch.create(tmp, "../x"));
    }
}
