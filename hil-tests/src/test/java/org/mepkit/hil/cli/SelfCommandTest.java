package org.mepkit.hil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a benchmark starts mep again: the way the user started this one. */
class SelfCommandTest {

    @TempDir
    Path dir;

    @Test
    void aMepStartedByTheLauncherIsStartedAgainByTheLauncher() throws Exception {
        Path launcher = Files.writeString(dir.resolve("mep"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(List.of(launcher.toString()), SelfCommand.mep(launcher.toString()));
    }

    @Test
    void otherwiseTheSameJavaRunsTheSameClassPath() throws Exception {
        Path notExecutable = Files.writeString(dir.resolve("mep"), "#!/bin/sh\n");
        for (String variable : new String[] {null, "", "mep", notExecutable.toString(), dir.resolve("gone").toString()}) {
            List<String> argv = SelfCommand.mep(variable);
            assertEquals("org.mepkit.cli.Main", argv.get(argv.size() - 1), String.valueOf(variable));
            assertEquals(System.getProperty("java.class.path"), argv.get(argv.size() - 2));
            assertTrue(argv.get(0).endsWith("java"), argv.get(0));
        }
    }
}
