package org.mepkit.cli.option;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Option;

/** {@code --json}: machine-readable output, one JSON object per line, instead of text for people. */
public final class OutputOptions {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    @Option(names = "--json", description = "Print JSON (one object per line) instead of text.")
    boolean json;

    public boolean json() {
        return json;
    }

    /** Prints {@code value} (a record, map or list) as one line of JSON and flushes. */
    public static void printJson(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }
}
