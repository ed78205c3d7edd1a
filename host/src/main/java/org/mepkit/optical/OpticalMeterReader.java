package org.mepkit.optical;

import java.io.IOException;
import java.util.Objects;

import org.mepkit.mep.frame.TableDecodeException;
import org.mepkit.mep.table.Bt00GeneralConfig;
import org.mepkit.mep.table.Bt01Identity;
import org.mepkit.mep.table.Bt21ActualRegister;
import org.mepkit.mep.table.Bt23CurrentRegisters;
import org.mepkit.mep.table.Bt28PresentValues;
import org.mepkit.mep.table.Bt52Clock;
import org.mepkit.mep.table.DataFormat;
import org.mepkit.mep.table.Et03UtilityInfo;
import org.mepkit.mep.table.TableId;
import org.mepkit.optical.link.LinkException;
import org.mepkit.optical.service.C1218Client;
import org.mepkit.optical.service.ResponseCode;
import org.mepkit.optical.service.ServiceRefusedException;
import org.mepkit.optical.service.ServiceRequest;
import org.mepkit.reading.MeterReader;
import org.mepkit.reading.Reading;

/**
 * {@link MeterReader} over the optical port: one whole C12.18 session per reading.
 *
 * <p>ident, negotiate ({@link OpticalSettings}: packet size and count, the line's baud code), logon,
 * security with the {@link OpticalKey}; the first time also BT00 (data format, which tables exist),
 * BT01 (identity) and BT21 (layout), and ET03 (utility serial) and BT52 (clock) when BT00 lists them;
 * then BT23 and BT28 sized from BT00/BT21 (partial reads when a full read would not fit the negotiated
 * packets), logoff and terminate. A refused service or a response that makes no sense still ends the
 * session with terminate before the error is thrown; a link that gave up is left alone (the meter
 * falls back to its base state after the channel traffic timeout).
 */
public final class OpticalMeterReader implements MeterReader {

    private final C1218Client client;
    private final OpticalKey key;
    private final OpticalSettings settings;
    private Layout layout;

    /** What the first session learned and later ones reuse. */
    private record Layout(Bt00GeneralConfig config, Bt01Identity identity, Bt21ActualRegister actual,
                          Et03UtilityInfo utility, Bt52Clock clock) {
        DataFormat format() {
            return config.dataFormat();
        }
    }

    public OpticalMeterReader(C1218Client client, OpticalKey key, OpticalSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.key = Objects.requireNonNull(key, "key");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public C1218Client client() {
        return client;
    }

    /** BT00 of the first session, or null before it. */
    public Bt00GeneralConfig generalConfig() {
        return layout == null ? null : layout.config();
    }

    @Override
    public Reading read() throws IOException {
        client.ident();
        try {
            client.negotiate(settings.packetSize(), settings.packets(),
                    ServiceRequest.Negotiate.baudCode(client.link().line().settings().baud()));
            client.logon(settings.userId(), settings.user());
            client.security(key);
            if (layout == null) layout = readLayout();
            DataFormat format = layout.format();
            Bt21ActualRegister actual = layout.actual();
            Bt23CurrentRegisters energy = Bt23CurrentRegisters.decode(
                    client.readAtLeast(TableId.BT23, Bt23CurrentRegisters.energyBytes(actual, format)), actual, format);
            int bt28Bytes = Bt28PresentValues.tableBytes(actual, format);
            byte[] bt28 = actual.presentValues() == 0 ? client.read(TableId.BT28) : client.readAtLeast(TableId.BT28, bt28Bytes);
            Bt28PresentValues present = Bt28PresentValues.decode(bt28, actual, format);
            client.logoff();
            client.terminate();
            return Reading.of("optical", layout.identity(), layout.utility(), layout.clock(), energy, present);
        } catch (LinkException e) {
            throw e;
        } catch (OpticalException | TableDecodeException e) {
            terminateQuietly();
            throw e;
        }
    }

    private Layout readLayout() throws IOException {
        Bt00GeneralConfig config = Bt00GeneralConfig.decode(client.read(TableId.BT00));
        Bt01Identity identity = Bt01Identity.decode(client.read(TableId.BT01), config.idFormBcd());
        Bt21ActualRegister actual = Bt21ActualRegister.decode(client.read(TableId.BT21));
        byte[] et03 = optional(config, TableId.ET03, Et03UtilityInfo.LENGTH);
        byte[] bt52 = optional(config, TableId.BT52, Bt52Clock.LENGTH);
        return new Layout(config, identity, actual, et03 == null ? null : Et03UtilityInfo.decode(et03),
                bt52 == null ? null : Bt52Clock.decode(bt52));
    }

    /** A table BT00 lists, or null when it does not or the meter will not give it (sns, isc, onp). */
    private byte[] optional(Bt00GeneralConfig config, TableId table, int needed) throws IOException {
        if (!config.hasTable(table)) return null;
        try {
            return client.readAtLeast(table, needed);
        } catch (ServiceRefusedException e) {
            ResponseCode c = e.responseCode();
            if (c == ResponseCode.SNS || c == ResponseCode.ISC || c == ResponseCode.ONP || c == ResponseCode.IAR) return null;
            throw e;
        }
    }

    private void terminateQuietly() {
        try {
            client.terminate();
        } catch (IOException e) {
            // the session is over either way; the first error is the one to report
        }
    }
}
