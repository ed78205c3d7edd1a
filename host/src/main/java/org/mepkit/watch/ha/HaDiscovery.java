package org.mepkit.watch.ha;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.mepkit.cli.option.JsonKeys;
import org.mepkit.mep.table.PresentValue;
import org.mepkit.mqtt.Publication;
import org.mepkit.reading.Reading;

/**
 * Home Assistant MQTT discovery for a watched meter: one retained config per entity on
 * {@code homeassistant/<component>/<unique_id>/config} (the documented best practice: object id = unique id,
 * no node id). Two devices: the <b>meter</b> (identified by its serial number, with model and firmware) and the
 * <b>reader</b> (this mep watch: port and host), the meter pointing at the reader with {@code via_device}.
 * Every entity is unavailable while the reader's status topic says {@code offline} (its last will).
 *
 * <p>Units are the meter's own, all of which Home Assistant knows (Wh, W, mV, mA, mHz, var, VA), so no value
 * is converted on the way. The energy registers are {@code total_increasing}: they only ever count up (import
 * and export are separate registers, never netted), which is that class's definition; its danger, a low
 * glitch taken as a new meter cycle that books the whole register again, is what the spike guard removes, and
 * a replaced meter (which starts low) is then booked correctly as a new cycle, where {@code total} would book
 * a huge negative. It is also what the board's Home Assistant integration uses, so long-term statistics look
 * the same. Power, voltage, current, frequency and power factor are {@code measurement}s and expire when no
 * sample came for a while, so a silent meter does not leave stale values on the dashboard.
 */
public final class HaDiscovery {

    public static final String PREFIX = "homeassistant";
    /** Home Assistant's birth and last-will topic: {@code online} means "send your discovery again". */
    public static final String BIRTH_TOPIC = PREFIX + "/status";
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An entity of the meter: the state JSON key it shows and how Home Assistant should treat it. */
    record Sensor(String key, String name, String deviceClass, String unit, String stateClass, String template) { }

    /**
     * The reader (this watcher).
     *
     * @param id   unique among readers: {@code mepkit_<host>_<port>}
     * @param path "mep" or "optical"
     */
    public record ReaderInfo(String id, String name, String path, String version) {
        public static ReaderInfo of(String host, String port, String path, String version) {
            String portName = port.replaceAll(".*[/:]", "");
            return new ReaderInfo(sanitize("mepkit_" + host + "_" + portName), "mepkit reader " + port + " on " + host,
                    path, version);
        }
    }

    private final ReaderInfo reader;
    private final int expireAfterS;

    /** @param expireAfterS how long a measurement stays valid without a new sample */
    public HaDiscovery(ReaderInfo reader, int expireAfterS) {
        this.reader = reader;
        this.expireAfterS = expireAfterS;
    }

    public ReaderInfo reader() {
        return reader;
    }

    /** Where the reader says {@code online} and, as its last will, {@code offline} (retained). */
    public String statusTopic() {
        return "mepkit/" + reader.id() + "/status";
    }

    public String readerStateTopic() {
        return "mepkit/" + reader.id() + "/state";
    }

    public static String meterId(Reading.Identity id) {
        String serial = id.serialNumber() == null || id.serialNumber().isBlank()
                ? id.manufacturer() + "_" + id.model() : id.serialNumber();
        return sanitize("mepkit_meter_" + serial.strip());
    }

    public static String meterStateTopic(Reading.Identity id) {
        return "mepkit/" + meterId(id) + "/state";
    }

    /** Keeps [a-zA-Z0-9_-] (what discovery topics and ids may hold), everything else becomes '_'. */
    public static String sanitize(String s) {
        return s.replaceAll("[^a-zA-Z0-9_-]", "_");
    }

    /** The meter's entities, for the keys a sample has; energy first. */
    static List<Sensor> meterSensors(Set<String> keys) {
        List<Sensor> all = new ArrayList<>();
        all.add(new Sensor("fwd_act_wh", "Energy import", "energy", "Wh", "total_increasing", null));
        all.add(new Sensor("rev_act_wh", "Energy export", "energy", "Wh", "total_increasing", null));
        all.add(power(PresentValue.FWD_W, "Power import"));
        all.add(power(PresentValue.REV_W, "Power export"));
        for (int l = 1; l <= 3; l++) {
            all.add(power(PresentValue.valueOf("L" + l + "_FWD_W"), "L" + l + " power import"));
            all.add(power(PresentValue.valueOf("L" + l + "_REV_W"), "L" + l + " power export"));
            all.add(measurement(PresentValue.valueOf("L" + l + "_RMS_V"), "L" + l + " voltage", "voltage", "mV"));
            all.add(measurement(PresentValue.valueOf("L" + l + "_RMS_A"), "L" + l + " current", "current", "mA"));
            String pf = key(PresentValue.valueOf("L" + l + "_PF"));
            all.add(new Sensor(pf, "L" + l + " power factor", "power_factor", "%", "measurement",
                    "{{ (value_json." + pf + " / 10) | round(1) }}"));
        }
        all.add(measurement(PresentValue.FREQ_MHZ, "Frequency", "frequency", "mHz"));
        all.add(measurement(PresentValue.IMPORT_REACTIVE_VAR, "Reactive power import", "reactive_power", "var"));
        all.add(measurement(PresentValue.EXPORT_REACTIVE_VAR, "Reactive power export", "reactive_power", "var"));
        all.add(measurement(PresentValue.APPARENT_VA, "Apparent power", "apparent_power", "VA"));
        all.removeIf(s -> !keys.contains(s.key()));
        return all;
    }

    private static Sensor power(PresentValue pv, String name) {
        return measurement(pv, name, "power", "W");
    }

    private static Sensor measurement(PresentValue pv, String name, String deviceClass, String unit) {
        return new Sensor(key(pv), name, deviceClass, unit, "measurement", null);
    }

    static String key(PresentValue pv) {
        return JsonKeys.snake(pv.jsonName());
    }

    /** Every retained config for a meter whose samples carry {@code keys}, plus the reader's own entities. */
    public List<Publication> configs(Reading.Identity meter, Set<String> keys) {
        List<Publication> out = new ArrayList<>();
        String meterId = meterId(meter);
        Map<String, Object> meterDevice = new LinkedHashMap<>();
        meterDevice.put("identifiers", List.of(meterId));
        meterDevice.put("name", (meter.manufacturer().strip() + " " + meter.model().strip()).strip() + " meter");
        meterDevice.put("manufacturer", meter.manufacturer().strip());
        meterDevice.put("model", meter.model().strip());
        meterDevice.put("sw_version", meter.firmwareVersion());
        if (meter.serialNumber() != null && !meter.serialNumber().isBlank()) meterDevice.put("serial_number", meter.serialNumber().strip());
        meterDevice.put("via_device", reader.id());
        for (Sensor s : meterSensors(keys)) {
            Map<String, Object> c = entity(s.name(), meterId + "_" + s.key(), meterStateTopic(meter),
                    s.template() != null ? s.template() : "{{ value_json." + s.key() + " }}", meterDevice);
            c.put("device_class", s.deviceClass());
            c.put("unit_of_measurement", s.unit());
            c.put("state_class", s.stateClass());
            if (s.stateClass().equals("measurement")) c.put("expire_after", expireAfterS);
            out.add(config("sensor", meterId + "_" + s.key(), c));
        }
        Map<String, Object> readerDevice = new LinkedHashMap<>();
        readerDevice.put("identifiers", List.of(reader.id()));
        readerDevice.put("name", reader.name());
        readerDevice.put("manufacturer", "mepkit");
        readerDevice.put("model", "mep watch (" + (reader.path().equals("optical") ? "optical port" : "MEP port") + ")");
        readerDevice.put("sw_version", reader.version());
        Map<String, Object> link = entity("Meter link", reader.id() + "_link", readerStateTopic(),
                "{{ value_json.link }}", readerDevice);
        link.put("device_class", "connectivity");
        link.put("entity_category", "diagnostic");
        out.add(config("binary_sensor", reader.id() + "_link", link));
        Map<String, Object> held = entity("Held samples", reader.id() + "_held", readerStateTopic(),
                "{{ value_json.held }}", readerDevice);
        held.put("state_class", "total_increasing");
        held.put("entity_category", "diagnostic");
        out.add(config("sensor", reader.id() + "_held", held));
        return out;
    }

    private Map<String, Object> entity(String name, String uniqueId, String stateTopic, String template,
                                       Map<String, Object> device) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("unique_id", uniqueId);
        c.put("state_topic", stateTopic);
        c.put("value_template", template);
        c.put("availability_topic", statusTopic());
        c.put("payload_available", ONLINE);
        c.put("payload_not_available", OFFLINE);
        c.put("device", device);
        c.put("origin", Map.of("name", "mepkit", "sw_version", reader.version()));
        return c;
    }

    private static Publication config(String component, String uniqueId, Map<String, Object> payload) {
        return new Publication(PREFIX + "/" + component + "/" + uniqueId + "/config", json(payload), 1, true);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
