package org.mepkit.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class GpiodOutputTest {

    /** Records every argv; {@code gpioset --version} answers with the given text. */
    static final class FakeLauncher implements ProcessLauncher {
        final List<List<String>> started = new ArrayList<>();
        final List<Boolean> stopped = new ArrayList<>();
        final String version;
        boolean installed = true;
        boolean diesAtOnce;

        FakeLauncher(String version) {
            this.version = version;
        }

        @Override
        public Result run(List<String> argv, Duration timeout) throws IOException {
            if (!installed) throw new IOException("Cannot run program \"gpioset\": error=2, No such file or directory");
            assertEquals(List.of("gpioset", "--version"), argv);
            return new Result(0, version);
        }

        @Override
        public Running start(List<String> argv) {
            started.add(argv);
            int index = stopped.size();
            stopped.add(false);
            return new Running() {
                public boolean isAlive() { return !diesAtOnce && !stopped.get(index); }
                public void stop() { stopped.set(index, true); }
            };
        }
    }

    @Test
    void version2HoldsTheLineWithChipOption() throws Exception {
        FakeLauncher fake = new FakeLauncher("gpioset (libgpiod) v2.1.3\nCopyright (C) 2017-2023 Bartosz Golaszewski\n");
        GpiodOutput out = GpiodOutput.open(fake, "gpiochip0", "17", false);
        out.set(true);
        out.set(false);
        assertEquals(List.of(List.of("gpioset", "--chip", "gpiochip0", "17=1"),
                List.of("gpioset", "--chip", "gpiochip0", "17=0")), fake.started);
        assertEquals(List.of(true, false), fake.stopped, "the previous holder is stopped before the next level");
        out.close();
        assertEquals(List.of(true, true), fake.stopped);
    }

    @Test
    void version1UsesSignalModeAndInvertsWhenAsked() throws Exception {
        FakeLauncher fake = new FakeLauncher("gpioset (libgpiod) v1.6.3\n");
        GpiodOutput out = GpiodOutput.open(fake, "gpiochip0", "GPIO17", true);
        out.set(true);
        assertEquals(List.of(List.of("gpioset", "--mode=signal", "gpiochip0", "GPIO17=0")), fake.started);
        assertEquals("gpiochip0:GPIO17", out.name());
    }

    @Test
    void missingToolIsUnavailableWithAHint() {
        FakeLauncher fake = new FakeLauncher("");
        fake.installed = false;
        PowerException e = assertThrows(PowerException.class, () -> GpiodOutput.open(fake, "gpiochip0", "17", false));
        assertEquals(PowerException.Reason.UNAVAILABLE, e.reason());
        assertTrue(e.getMessage().contains("apt-get install gpiod"), e.getMessage());
    }

    @Test
    void aHolderThatDiesAtOnceIsAFailure() throws Exception {
        FakeLauncher fake = new FakeLauncher("gpioset (libgpiod) v2.0\n");
        GpiodOutput out = GpiodOutput.open(fake, "gpiochip9", "99", false);
        fake.diesAtOnce = true;
        PowerException e = assertThrows(PowerException.class, () -> out.set(true));
        assertEquals(PowerException.Reason.FAILED, e.reason());
    }

    @Test
    void unparsableVersionIsRefused() {
        FakeLauncher fake = new FakeLauncher("something else");
        assertThrows(PowerException.class, () -> GpiodOutput.open(fake, "gpiochip0", "17", false));
    }
}
