package org.mepkit.mep.client;

import java.io.IOException;
import java.util.Objects;

import org.mepkit.reading.MeterReader;
import org.mepkit.reading.Reading;

/**
 * {@link MeterReader} over the MEP port: the first reading runs the board firmware's start-up reads
 * and a BT23 + BT28 poll, later ones only the poll (identity and clock stay those of the start-up).
 */
public final class MepMeterReader implements MeterReader {

    private final MeterSession session;

    public MepMeterReader(MeterSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    public MeterSession session() {
        return session;
    }

    @Override
    public Reading read() throws IOException {
        return session.readOnce().reading();
    }
}
