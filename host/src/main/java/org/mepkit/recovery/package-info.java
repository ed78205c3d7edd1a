/**
 * MAX3232 recovery: {@link org.mepkit.recovery.RecoveryMachine}, a non-blocking state machine on an
 * injected ticker (healthy → suspect → ENABLE off → MAX3232 off → cool-off → on → settle → ENABLE on →
 * probe), with its timings in {@link org.mepkit.recovery.RecoveryPolicy} ({@code DEFAULT}, and
 * {@code LEGACY} = upstream firmware). Drivers: {@link org.mepkit.recovery.RecoveringExchanger} for a
 * raw request/reply line and {@link org.mepkit.recovery.MeterLinkRecovery} for {@code MeterClient}.
 * {@link org.mepkit.recovery.RecoveryBenchmark} backs {@code mep perf recovery}. The spec for board
 * firmware is {@code firmware-spec/RECOVERY.md}.
 */
package org.mepkit.recovery;
