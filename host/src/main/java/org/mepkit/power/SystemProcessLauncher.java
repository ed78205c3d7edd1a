package org.mepkit.power;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mepkit.util.Children;

/** {@link ProcessLauncher} on {@link ProcessBuilder}. */
public final class SystemProcessLauncher implements ProcessLauncher {

    @Override
    public Result run(List<String> argv, Duration timeout) throws IOException, InterruptedException {
        Process process = Children.start(new ProcessBuilder(argv).redirectErrorStream(true));
        process.getOutputStream().close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException(argv.get(0) + " did not finish within " + timeout.toMillis() + " ms");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), output);
    }

    @Override
    public Running start(List<String> argv) throws IOException {
        Process process = Children.start(new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD));
        return new Running() {
            @Override
            public boolean isAlive() {
                return process.isAlive();
            }

            @Override
            public void stop() {
                process.destroy();
                try {
                    if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly();
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
