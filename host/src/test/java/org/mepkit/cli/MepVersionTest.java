package org.mepkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MepVersionTest {

    @Test
    void theVersionLineNamesTheCommitOrSaysItIsUnknown() {
        assertEquals("mepkit 0.1.0 (commit v0.1-3-gabc1234-dirty)", MepVersion.line("0.1.0", "v0.1-3-gabc1234-dirty"));
        assertEquals("mepkit 0.1.0 (commit unknown)", MepVersion.line("0.1.0", "unknown"));
        assertEquals("mepkit dev (commit unknown)", MepVersion.line(null, null));
    }

    @Test
    void runFromClassesItIsADevBuild() {
        String[] lines = new MepVersion().getVersion();
        assertEquals("mepkit dev (commit unknown)", lines[0]);
        assertTrue(lines[1].startsWith("Java "), lines[1]);
    }
}
