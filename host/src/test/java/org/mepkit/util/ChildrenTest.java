package org.mepkit.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChildrenTest {

    private static String run(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return out;
    }

    private static ProcessBuilder printingSecrets() {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "printf '%s|%s' \"${MEP_KEY-unset}\" \"${MEP_MQTT_PASSWORD-unset}\"");
        pb.environment().put("MEP_KEY", "Tq8#mLz2Vx4Pw9Rk6Nb3");
        pb.environment().put("MEP_MQTT_PASSWORD", "hunter2");
        return pb;
    }

    @Test
    void aChildGetsNoneOfMepkitsSecretVariables() throws Exception {
        assertEquals("unset|unset", run(Children.start(printingSecrets())));
    }

    @Test
    void aSecretIsPassedOnlyWhenTheCallerGivesItOnPurpose() throws Exception {
        assertEquals("key-for-the-child|unset", run(Children.startWithSecrets(printingSecrets(), Map.of("MEP_KEY", "key-for-the-child"))));
    }

    @Test
    void childrenStillRunningAreStoppedWhenMepkitEnds() throws Exception {
        Process sleeper = Children.start(new ProcessBuilder("sleep", "600"));
        Process ignoresSigterm = Children.start(new ProcessBuilder("sh", "-c", "trap '' TERM; while :; do sleep 0.1; done"));
        Thread.sleep(200); // the trap is set
        Children.stopAll();
        assertTrue(sleeper.waitFor(1, TimeUnit.SECONDS), "SIGTERM ends it");
        assertTrue(ignoresSigterm.waitFor(Children.GRACE.toMillis() + 2000, TimeUnit.MILLISECONDS), "SIGKILL after the grace");
        assertFalse(ignoresSigterm.isAlive());
    }
}
