package org.mepkit.bsp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mepkit.spec.Board;
import org.mepkit.spec.FirmwareBuild;
import org.mepkit.spec.Variant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A PlatformIO project's board files: {@code boards/<board>.json} (the manifest, for the
 * espressif32 platform, Arduino and ESP-IDF frameworks), {@code variants/<id>/pins_arduino.h}
 * (named by {@code build.variants_dir}), {@code partitions/<id>.csv} (named by
 * {@code build.partitions}) and {@code platformio-env.ini}, an environment to paste.
 * JSON has no comments: the manifest says where it came from in its {@code mepkit} object.
 */
final class PlatformioExport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlatformioExport() {
    }

    static List<BspFile> files(BspRequest r) {
        return List.of(
                new BspFile("boards/" + r.board().name() + ".json", manifest(r)),
                new BspFile("variants/" + r.id() + "/pins_arduino.h", ArduinoVariantHeader.write(r)),
                new BspFile(partitionsPath(r), PartitionsCsv.write(r.board().flashLayout(), r.provenance())),
                new BspFile("platformio-env.ini", environment(r)));
    }

    static String partitionsPath(BspRequest r) {
        return "partitions/" + r.id() + ".csv";
    }

    static String manifest(BspRequest r) {
        Board b = r.board();
        FirmwareBuild build = b.build();
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> origin = new LinkedHashMap<>();
        origin.put("generated", r.provenance().sentence());
        origin.put("firmware_spec", r.spec().version());
        origin.put("board_digest", "sha256:" + r.spec().boardDigest());
        root.put("mepkit", origin);
        Map<String, Object> buildNode = new LinkedHashMap<>();
        buildNode.put("core", "esp32");
        buildNode.put("extra_flags", "-DARDUINO_" + CName.macro(b.name())
                + r.variant().map(v -> " -D" + BoardHeader.variantMacro(v)).orElse(""));
        buildNode.put("f_cpu", build.cpuMHz() + "000000L");
        buildNode.put("f_flash", build.flashFreqMHz() + "000000L");
        buildNode.put("flash_mode", build.flashMode());
        buildNode.put("mcu", b.chip());
        buildNode.put("variant", r.id());
        buildNode.put("variants_dir", "variants");
        buildNode.put("partitions", partitionsPath(r));
        root.put("build", buildNode);
        root.put("connectivity", List.of("wifi", "bluetooth"));
        root.put("frameworks", List.of("arduino", "espidf"));
        root.put("name", b.title());
        Map<String, Object> upload = new LinkedHashMap<>();
        upload.put("before_reset", r.autoReset() ? "default_reset" : "no_reset");
        upload.put("flash_size", r.flashSizeName());
        upload.put("maximum_ram_size", build.ramBytes());
        upload.put("maximum_size", r.bootApp().size());
        upload.put("protocol", "esptool");
        upload.put("protocols", List.of("esptool"));
        upload.put("require_upload_port", true);
        upload.put("speed", build.uploadBaud());
        root.put("upload", upload);
        root.put("url", b.url());
        root.put("vendor", "ESP32-MEP (mepkit BSP)");
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the manifest of " + b.name(), e);
        }
    }

    private static String environment(BspRequest r) {
        Board b = r.board();
        StringBuilder s = new StringBuilder(r.provenance().lineComment(";"));
        s.append("; Paste into platformio.ini; boards/, variants/ and partitions/ go into the project folder.\n");
        s.append("[env:").append(b.name()).append("]\n");
        s.append("platform = espressif32\n");
        s.append("board = ").append(b.name()).append('\n');
        s.append("framework = arduino\n");
        s.append("monitor_speed = ").append(b.console().baud()).append('\n');
        if (!b.variants().isEmpty()) {
            s.append("; the manifest selects ").append(r.variant().map(Variant::name).orElseThrow())
                    .append("; for another variant: build_unflags = ").append(r.variant().map(v -> "-D" + BoardHeader.variantMacro(v))
                            .orElseThrow()).append(" and build_flags = -D<MEP_BSP_VARIANT_...>\n");
        }
        if (!r.autoReset()) {
            s.append("; no auto-reset on this board: fit the program jumper (J7 1-2) and power-cycle before pio run -t upload\n");
        }
        return s.toString();
    }
}
