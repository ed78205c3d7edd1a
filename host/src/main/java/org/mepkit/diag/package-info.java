/**
 * Chip diagnosis ({@code mep diagnose chip}): power-up {@link org.mepkit.diag.Trial}s on a
 * {@link org.mepkit.diag.Jig} (virtual, loopback jumper, or a meter behind the chip), a
 * {@link org.mepkit.diag.SequentialTest} that stops at 99 % posterior, the
 * {@link org.mepkit.diag.WilsonInterval} of the haywire rate, and the JSON / SVG / HTML
 * {@link org.mepkit.diag.DiagnosisReport}.
 */
package org.mepkit.diag;
