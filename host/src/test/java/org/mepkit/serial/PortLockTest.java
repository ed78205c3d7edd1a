package org.mepkit.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A port is claimed by one bench at a time; the second is told who has it, at once. */
class PortLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondClaimIsRefusedWithTheHolderAndTheFirstReleaseFreesThePort() throws Exception {
        try (PortLock first = PortLock.acquire(dir, "rfc2217://Lab-Pi:4000", "bench 'rack-1'")) {
            var e = assertThrows(PortBusyException.class, () -> PortLock.acquire(dir, "rfc2217://lab-pi:4000?timeout=5", "bench 'other'"));
            assertTrue(e.getMessage().startsWith("rfc2217://lab-pi:4000?timeout=5: in use by bench 'rack-1' (pid "
                    + ProcessHandle.current().pid() + ", since "), e.getMessage());
        }
        PortLock.acquire(dir, "rfc2217://lab-pi:4000", "bench 'other'").close();
    }

    @Test
    void aLinkAndItsTargetAreOnePort() throws Exception {
        Path tty = Files.createFile(dir.resolve("ttyUSB7"));
        Path link = Files.createSymbolicLink(dir.resolve("usb-FTDI_A50285BI-if00-port0"), tty);
        try (PortLock held = PortLock.acquire(dir.resolve("locks"), link.toString(), "bench 'a'")) {
            assertThrows(PortBusyException.class, () -> PortLock.acquire(dir.resolve("locks"), tty.toString(), "bench 'b'"));
        }
    }

    @Test
    void allOrNone() throws Exception {
        try (PortLock meter = PortLock.acquire(dir, "/dev/ttyMEP-test-2", "bench 'a'")) {
            assertThrows(PortBusyException.class,
                    () -> PortLock.acquireAll(dir, List.of("/dev/ttyMEP-test-1", "/dev/ttyMEP-test-2"), "bench 'b'"));
            PortLock.acquire(dir, "/dev/ttyMEP-test-1", "bench 'c'").close(); // the first was given back
        }
    }

    @Test
    void anotherProcessHoldingTheLockIsReported() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "no /usr/bin/python3 to hold a POSIX lock from another process");
        try (PortLock probe = PortLock.acquire(dir, "rfc2217://127.0.0.1:4999", "bench 'writer'")) {
            // the file now exists and names 'writer'; the other process takes its POSIX lock next
        }
        Path file = dir.resolve("rfc2217___127.0.0.1_4999.lock");
        Process other = new ProcessBuilder(python.toString(), "-c",
                "import fcntl,sys\nf=open(sys.argv[1],'r+')\nfcntl.lockf(f,fcntl.LOCK_EX)\nprint('locked',flush=True)\nsys.stdin.read()",
                file.toString()).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(other.getInputStream()))) {
            assertEquals("locked", r.readLine());
            var e = assertThrows(PortBusyException.class, () -> PortLock.acquire(dir, "rfc2217://127.0.0.1:4999", "bench 'b'"));
            assertTrue(e.getMessage().contains("in use by bench 'writer'"), e.getMessage());
        } finally {
            other.destroy();
            other.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
