/**
 * Outputs the host drives: the MAX3232's supply (the power switch) and the meter's ENABLE, behind
 * one small seam, {@link org.mepkit.power.OutputLine}. Implementations: a modem-control line of a
 * USB-serial adapter ({@link org.mepkit.power.ModemLineOutput}, DTR or RTS; a pty has none and says
 * so), a Linux GPIO through libgpiod's {@code gpioset} v1 or v2 ({@link org.mepkit.power.GpiodOutput},
 * via the {@link org.mepkit.power.ProcessLauncher} seam), and the simulator
 * ({@code Max3232Model.supply()}). Wiring: {@code docs/jig-wiring.md}.
 */
package org.mepkit.power;
