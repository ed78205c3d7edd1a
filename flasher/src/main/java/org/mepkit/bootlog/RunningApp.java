package org.mepkit.bootlog;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which app a boot log says is running: the partition offset the ESP-IDF second-stage bootloader reports
 * ({@code I (405) boot: Loaded app from partition at offset 0x10000}) and the identity the app prints at start
 * ({@code cpu_start: Project name: ...}, {@code App version:}, {@code Compile time:}, {@code ELF file SHA256:} with
 * a shortened hash; the tag is {@code app_init} from ESP-IDF 5.2 on). Each part is empty when the log does not
 * say it: a bootloader or app built with logging below INFO (the upstream Arduino images) prints none of these.
 *
 * @param partitionOffset where the bootloader loaded the app from
 * @param project         {@code esp_app_desc_t.project_name}
 * @param version         {@code esp_app_desc_t.version}
 * @param compiled        {@code date time}, as the descriptor holds them ({@code Oct  4 2023 16:47:06})
 * @param elfShaPrefix    the start of the ELF SHA-256 (lower-case hex; IDF prints 9 or 16 digits)
 */
public record RunningApp(OptionalLong partitionOffset, Optional<String> project, Optional<String> version,
                         Optional<String> compiled, Optional<String> elfShaPrefix) {

    private static final Pattern LOADED = Pattern.compile("Loaded app from partition at offset 0x([0-9a-fA-F]+)");
    private static final Pattern FIELD = Pattern.compile(
            "^[IWE] \\(\\d+\\) [a-z_0-9]+: (Project name|App version|Compile time|ELF file SHA256): +(.*?)\\s*$");

    public static final RunningApp UNKNOWN = new RunningApp(OptionalLong.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** From a boot log; the last boot in the log counts (an earlier attempt may have loaded another app). */
    public static RunningApp parse(String log) {
        RunningApp app = UNKNOWN;
        for (String line : log.split("\r?\n|\r")) {
            Matcher m = LOADED.matcher(line);
            if (m.find()) {
                app = new RunningApp(OptionalLong.of(Long.parseLong(m.group(1), 16)), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty());
                continue;
            }
            m = FIELD.matcher(line);
            if (!m.matches()) continue;
            Optional<String> v = Optional.of(m.group(2));
            app = switch (m.group(1)) {
                case "Project name" -> new RunningApp(app.partitionOffset, v, app.version, app.compiled, app.elfShaPrefix);
                case "App version" -> new RunningApp(app.partitionOffset, app.project, v, app.compiled, app.elfShaPrefix);
                case "Compile time" -> new RunningApp(app.partitionOffset, app.project, app.version, v, app.elfShaPrefix);
                default -> new RunningApp(app.partitionOffset, app.project, app.version, app.compiled,
                        Optional.of(m.group(2).replace("...", "").toLowerCase(java.util.Locale.ROOT)));
            };
        }
        return app;
    }

    /** Whether the log named the app at all (its identity lines). */
    public boolean identified() {
        return project.isPresent() || version.isPresent() || compiled.isPresent() || elfShaPrefix.isPresent();
    }

    /** For messages: {@code 'arduino-lib-builder' esp-idf: v4.4.6 3572900934, built Oct  4 2023 16:47:06, ELF c1bbe2fb1edcb1f0}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        project.ifPresent(p -> b.append('\'').append(p).append('\''));
        version.ifPresent(v -> b.append(b.length() > 0 ? " " : "").append(v));
        compiled.ifPresent(c -> b.append(b.length() > 0 ? ", " : "").append("built ").append(c));
        elfShaPrefix.ifPresent(s -> b.append(b.length() > 0 ? ", " : "").append("ELF ").append(s));
        return b.toString();
    }
}
