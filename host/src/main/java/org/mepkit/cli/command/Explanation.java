package org.mepkit.cli.command;

import java.util.List;
import java.util.Optional;

import org.mepkit.mep.table.MepTable;
import org.mepkit.mep.table.TableField;

/**
 * What {@code mep decode} found in a packet.
 *
 * @param kind          "request" or "response"
 * @param fields        packet fields in wire order
 * @param table         the decoded table data, when there is one
 * @param digestMatches for a request checked with a key: whether its digest matches
 * @param hint          a note for people (text output only), or empty
 */
record Explanation(String kind, List<TableField> fields, Optional<MepTable> table, Optional<Boolean> digestMatches,
                   String hint) {
}
