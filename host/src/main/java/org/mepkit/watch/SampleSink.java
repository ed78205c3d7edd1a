package org.mepkit.watch;

import java.io.IOException;

/** Where the watcher's samples go: the MQTT publisher, the HTTP view, the log file. */
public interface SampleSink {

    /** Every sample, accepted or not; a sink that publishes looks at {@link Sample#accepted()}. */
    void accept(Sample sample) throws IOException;
}
