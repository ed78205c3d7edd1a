/**
 * Meter tables: {@link org.mepkit.mep.table.TableId} and one record per table the board firmware
 * reads (BT01, BT08, BT21, BT23, BT28, BT52, ET03, ET11, ET13, ET50), each with {@code decode}
 * (table data → record) and {@code encode} (record → table data, used by the virtual meter), and
 * rendered as ordered {@link org.mepkit.mep.table.TableField}s with the firmware's JSON names and
 * units. {@link org.mepkit.mep.table.TableDecoder} dispatches by id; layouts that depend on earlier
 * tables take a {@link org.mepkit.mep.table.TableContext}. Facts: {@code mep-protocol.md} §9–§10.
 */
package org.mepkit.mep.table;
