/**
 * A simulated, possibly fake MAX3232 ({@link org.mepkit.sim.max3232.Max3232Model}): at each power-up it
 * comes up good or haywire (silence, garbage, bit errors), heats while haywire, and stays good once
 * good. Profiles {@code genuine}, {@code flaky}, {@code bad} and {@code dead}; seedable and replayable.
 * Its supply is an {@code OutputLine} and its time an injected ticker, so a virtual board can drive it.
 * {@link org.mepkit.sim.max3232.Max3232Bridge} puts it on real lines (loopback or in front of a meter).
 */
package org.mepkit.sim.max3232;
