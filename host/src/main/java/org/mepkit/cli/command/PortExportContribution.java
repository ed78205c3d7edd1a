package org.mepkit.cli.command;

import org.mepkit.cli.spi.CommandContribution;

/** {@code mep port export}. */
public final class PortExportContribution implements CommandContribution {
    @Override public String parent() { return "port"; }
    @Override public Object command() { return new PortExportCommand(); }
}
