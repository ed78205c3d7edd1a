package org.mepkit.esptool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EsptoolLocatorTest {

    @TempDir
    Path dir;

    private EsptoolLocator locator(Map<String, String> env) {
        // python3 -m esptool is tried too; on a machine where it works the "not found" test is skipped below
        return new EsptoolLocator(ProcessLauncher.SYSTEM, env, dir.resolve("home"));
    }

    @Test
    void explicitPathWinsAndItsVersionIsRead() throws Exception {
        FakeEsptool v4 = FakeEsptool.install(dir.resolve("v4"), "4.12.0", "ok", 0);
        FakeEsptool v5 = FakeEsptool.install(dir.resolve("v5"), "5.3.1", "ok", 0);
        Esptool found = locator(Map.of("ESPTOOL", v5.executable().toString())).locate(v4.executable().toString());
        assertEquals(new EsptoolVersion(4, 12, 0), found.version());
        assertEquals("--esptool", found.foundVia());
        assertEquals(List.of("version"), v4.argvs().get(0));
    }

    @Test
    void environmentVariableComesNext() throws Exception {
        FakeEsptool v5 = FakeEsptool.install(dir.resolve("v5"), "5.3.1", "ok", 0);
        Esptool found = locator(Map.of("ESPTOOL", v5.executable().toString())).locate(null);
        assertEquals("$ESPTOOL", found.foundVia());
        assertTrue(found.version().kebabCase());
    }

    @Test
    void environmentVariableMayNameTheInterpreterToo() throws Exception {
        FakeEsptool v4 = FakeEsptool.install(dir.resolve("v4"), "4.12.0", "ok", 0);
        Esptool found = locator(Map.of("ESPTOOL", "/bin/sh  " + v4.executable())).locate(null);
        assertEquals(List.of("/bin/sh", v4.executable().toString()), found.command());
        assertEquals(new EsptoolVersion(4, 12, 0), found.version());
    }

    @Test
    void thenThePath() throws Exception {
        FakeEsptool v5 = FakeEsptool.install(dir.resolve("bin"), "5.3.1", "ok", 0);
        Esptool found = locator(Map.of("PATH", dir.resolve("nothing") + ":" + v5.executable().getParent())).locate(null);
        assertEquals("PATH", found.foundVia());
        assertEquals(List.of(v5.executable().toString()), found.command());
    }

    @Test
    void findsTheNewestArduinoCoreCopy() throws Exception {
        Path tools = dir.resolve("home/.arduino15/packages/esp32/tools/esptool_py");
        FakeEsptool.install(tools.resolve("4.5.1"), "4.5.1", "ok", 0);
        FakeEsptool.install(tools.resolve("4.9.dev3"), "4.9.0", "ok", 0);
        List<EsptoolLocator.Candidate> c = locator(Map.of("PATH", "")).candidates();
        assertEquals(List.of("python3 -m esptool", "Arduino ESP32 core", "Arduino ESP32 core"),
                c.stream().map(EsptoolLocator.Candidate::via).toList());
        assertTrue(c.get(1).command().get(0).contains("4.9.dev3"), c.toString());
    }

    @Test
    void anExplicitPathThatIsMissingIsAnErrorNotAFallback() {
        var e = assertThrows(EsptoolException.class, () -> locator(Map.of()).locate(dir.resolve("nope").toString()));
        assertEquals(EsptoolProblem.NOT_FOUND, e.problem());
        assertTrue(e.getMessage().startsWith("--esptool names "), e.getMessage());
    }

    @Test
    void anExplicitPathThatIsNotEsptoolIsRefused() throws Exception {
        Path notEsptool = dir.resolve("true.sh");
        Files.writeString(notEsptool, "#!/bin/sh\necho hello\n");
        notEsptool.toFile().setExecutable(true);
        var e = assertThrows(EsptoolException.class, () -> locator(Map.of()).locate(notEsptool.toString()));
        assertTrue(e.getMessage().endsWith("which did not answer 'version' like esptool"), e.getMessage());
    }

    @Test
    void nothingFoundSaysHowToGetOne() throws Exception {
        EsptoolLocator l = locator(Map.of("PATH", dir.toString()));
        org.junit.jupiter.api.Assumptions.assumeTrue(l.probe(new EsptoolLocator.Candidate(List.of("python3", "-m", "esptool"), "p")).isEmpty(),
                "python3 -m esptool works on this machine");
        var e = assertThrows(EsptoolException.class, () -> l.locate(null));
        assertEquals(EsptoolProblem.NOT_FOUND, e.problem());
        assertTrue(e.actionableMessage().contains("pipx install esptool"), e.actionableMessage());
    }

    @Test
    void aVersionAlreadyReadIsNotAskedAgainUntilTheProgramChanges() throws Exception {
        FakeEsptool v5 = FakeEsptool.install(dir.resolve("v5"), "5.3.1", "ok", 0);
        VersionCache cache = new VersionCache(dir.resolve("cache/esptool-versions"));
        EsptoolLocator locator = new EsptoolLocator(ProcessLauncher.SYSTEM, Map.of(), dir.resolve("home"), cache);
        Esptool first = locator.locate(v5.executable().toString());
        Esptool second = locator.locate(v5.executable().toString());
        assertEquals(first.version(), second.version());
        assertEquals(false, first.versionCached());
        assertEquals(true, second.versionCached());
        assertEquals(1, v5.argvs().size(), "esptool was started once, for 'version'");
        Files.setLastModifiedTime(v5.executable(), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        locator.locate(v5.executable().toString());
        assertEquals(2, v5.argvs().size(), "a program that changed is asked again");
    }

    @Test
    void aCommandThatIsNotAFileOfItsOwnIsNotCached() {
        assertTrue(VersionCache.key(List.of("python3", "-m", "esptool")).isEmpty());
        assertTrue(VersionCache.key(List.of(dir.resolve("nope").toString())).isEmpty());
    }

    @Test
    void theUsersCacheFollowsXdg() {
        VersionCache c = VersionCache.forUser(Map.of("XDG_CACHE_HOME", dir.resolve("xdg").toString()), dir.resolve("home"));
        FakeEsptool v4 = FakeEsptool.install(dir.resolve("v4"), "4.12.0", "ok", 0);
        c.put(List.of(v4.executable().toString()), new EsptoolVersion(4, 12, 0));
        assertTrue(Files.isRegularFile(dir.resolve("xdg/mepkit/esptool-versions")));
        assertEquals(java.util.Optional.of(new EsptoolVersion(4, 12, 0)), c.get(List.of(v4.executable().toString())));
    }
}
