package org.mepkit.reading;

import java.io.IOException;

/**
 * Reads a meter once and returns one {@link Reading}: the seam between the ways into a meter (the
 * MEP port, {@link MepMeterReader}; the optical port, {@link OpticalMeterReader}) and what uses a
 * reading ({@code mep read}, {@code mep watch}). A reader may keep what does not change between
 * readings (identity, table layout) and read only energy and present values the next time.
 *
 * <p>Errors: {@link org.mepkit.serial.SerialException} when the port fails; the path's own protocol
 * exceptions otherwise (MEP: {@link org.mepkit.mep.frame.MepProtocolException} and
 * {@link org.mepkit.mep.client.MeterTimeoutException}; optical: {@link org.mepkit.optical.OpticalException}).
 * Not thread-safe.
 */
public interface MeterReader {

    Reading read() throws IOException;
}
