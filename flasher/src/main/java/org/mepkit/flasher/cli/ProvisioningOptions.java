package org.mepkit.flasher.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.Renamed;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.mepkit.util.UserFiles;

/**
 * Firmware settings to provision: {@code --settings FILE} (lines {@code key=value}, {@code #} comments;
 * the value is everything after the first {@code =}, kept exactly) and {@code --set key=value},
 * which wins over the file. Secrets are better kept in the file than on the command line.
 */
public final class ProvisioningOptions {

    @Option(names = "--settings", paramLabel = "FILE", description = "Settings file: one key=value per line (wifi_ssid, wifi_password, user_login, user_password, mep_key, mqtt_*).")
    Path config;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--config", hidden = true, paramLabel = "FILE")
    void oldConfig(Path file) {
        Renamed.note(mixee, "--config FILE (key=value settings)", "--settings FILE");
        config = file;
    }

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "One setting (repeatable); overrides --settings. "
            + "A password or mep_key given here shows in the process list: put secrets in --settings FILE.")
    List<String> sets = new ArrayList<>();

    public boolean any() {
        return config != null || !sets.isEmpty();
    }

    /** The settings in file order, then --set order. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        if (config != null) {
            String text = new String(CliFiles.read(config, UserFiles.CONFIG_LIMIT, "settings file"), StandardCharsets.UTF_8);
            int n = 0;
            for (String line : text.split("\r?\n")) {
                n++;
                if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
                put(values, line, config.getFileName() + " line " + n);
            }
        }
        for (String s : sets) put(values, s, "--set");
        return values;
    }

    private static void put(Map<String, String> values, String line, String where) {
        int eq = line.indexOf('=');
        if (eq <= 0) throw new MepException(ExitCodes.USAGE, where + ": expected key=value");
        values.put(line.substring(0, eq).strip(), line.substring(eq + 1));
    }
}
