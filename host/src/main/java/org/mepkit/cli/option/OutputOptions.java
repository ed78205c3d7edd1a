package org.mepkit.cli.option;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;

import picocli.CommandLine.Option;

/**
 * {@code --json}: machine-readable output instead of text for people: one JSON object per run, or
 * one per line for commands that stream (they say so in their own {@code --json} description).
 */
public final class OutputOptions {

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    public boolean json() {
        return json;
    }

    /** Prints {@code value} (a record, map or list) as one line of JSON, keys in snake_case, and flushes. */
    public static void printJson(PrintWriter out, Object value) {
        try {
            out.println(JsonKeys.MAPPER.writeValueAsString(JsonKeys.tree(value)));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }
}
