package org.mepkit.bench;

import java.util.Comparator;
import java.util.List;

/** Replaces every known secret in captured text by {@code ***}, longest first. */
public final class Redaction {

    private final List<String> secrets;

    public Redaction(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty())
                .filter(s -> !s.equals(org.mepkit.board.firmware.FirmwareConfig.FACTORY_KEY))
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public String apply(String text) {
        String out = text;
        for (String s : secrets) out = out.replace(s, "***");
        return out;
    }
}
