package org.mepkit.bsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** The host's C and C++ compilers (gcc, g++), run on generated headers; the test is skipped without them. */
final class HostCompiler {

    /** What one compile printed and returned. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private final String executable;
    private final List<String> standardFlags;

    private HostCompiler(String executable, List<String> standardFlags) {
        this.executable = executable;
        this.standardFlags = standardFlags;
    }

    static HostCompiler c() {
        return require(new HostCompiler("gcc", List.of("-x", "c", "-std=c11")));
    }

    static HostCompiler cxx() {
        return require(new HostCompiler("g++", List.of("-x", "c++", "-std=c++17")));
    }

    private static HostCompiler require(HostCompiler cc) {
        Assumptions.assumeTrue(cc.available(), cc.executable + " is not installed (test-all installs it)");
        return cc;
    }

    boolean available() {
        try {
            Process p = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Compiles {@code source} to an object file with every warning an error; {@code flags} adds -I and -D. */
    Result compile(Path source, List<String> flags) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(executable));
        cmd.addAll(standardFlags);
        cmd.addAll(List.of("-Wall", "-Wextra", "-Werror", "-pedantic-errors"));
        cmd.addAll(flags);
        Path object = Files.createTempFile(source.getParent(), "check", ".o");
        cmd.addAll(List.of("-c", source.toString(), "-o", object.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(executable + " did not finish within 60 s");
        }
        Files.deleteIfExists(object);
        return new Result(p.exitValue(), output);
    }
}
