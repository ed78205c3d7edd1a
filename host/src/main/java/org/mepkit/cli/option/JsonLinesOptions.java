package org.mepkit.cli.option;

import picocli.CommandLine.Option;

/**
 * {@code --json} for commands that stream (flash, watch): one JSON object per event, each on its
 * own line, written as it happens. Same printing as {@link OutputOptions#printJson}.
 */
public final class JsonLinesOptions {

    @Option(names = "--json", description = "Print JSON lines, one object per event as it happens, instead of text.")
    boolean json;

    public boolean json() {
        return json;
    }
}
