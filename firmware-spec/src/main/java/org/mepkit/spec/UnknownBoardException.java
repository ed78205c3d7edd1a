package org.mepkit.spec;

import java.util.List;

/**
 * A board name that {@link BoardRegistry} (or a command's narrower list, e.g. the boards with KiCad
 * files) does not know. Every command reports it the same way: a usage error (exit 2) listing the
 * known names.
 */
public final class UnknownBoardException extends IllegalArgumentException {

    private final List<String> known;

    public UnknownBoardException(String name, List<String> known) {
        super("unknown board '" + name + "' (known: " + String.join(", ", known) + ")");
        this.known = List.copyOf(known);
    }

    public List<String> known() {
        return known;
    }
}
