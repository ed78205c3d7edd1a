package org.mepkit.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mepkit.mep.frame.Command;
import org.mepkit.mep.frame.ProcedureCall;
import org.mepkit.mep.frame.Request;
import org.mepkit.mep.frame.Response;
import org.mepkit.mep.frame.ResponseCode;
import org.mepkit.mep.frame.Responses;
import org.mepkit.mep.frame.Wire;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.mep.table.MepTable;
import org.mepkit.mep.table.TableDecoder;
import org.mepkit.mep.table.TableField;
import org.mepkit.mep.table.TableId;
import org.mepkit.util.Hex;

/** Turns packet bytes into an {@link Explanation}; throws the codec's typed exceptions on bad bytes. */
final class PacketExplainer {

    private PacketExplainer() {
    }

    /** A request when byte 2 is a request command byte (0x30, 0x3F, 0x40, 0x4F), else a response. */
    static boolean looksLikeRequest(byte[] packet) {
        if (packet.length < 3) return false;
        int b = packet[2] & 0xFF;
        return b == Command.FULL_READ || b == Command.PARTIAL_READ || b == Command.FULL_WRITE || b == Command.PARTIAL_WRITE;
    }

    static Explanation request(byte[] packet, Optional<MbkKey> key) {
        Request r = Request.decode(packet);
        List<TableField> f = new ArrayList<>();
        f.add(TableField.of("size", packet.length, "bytes"));
        f.add(TableField.of("length", Wire.u16be(packet, 0), "bytes"));
        f.add(TableField.of("body_hex", Hex.lower(r.body())));
        Command c = r.command();
        f.add(TableField.of("command", c.describe()));
        addOperands(f, c);
        f.add(TableField.of("sequence", r.sequence()));
        f.add(TableField.of("digest_hex", Hex.lower(Request.digestOf(packet))));
        Optional<Boolean> matches = key.map(k -> Request.digestMatches(packet, k));
        f.add(TableField.of("digest_check", matches.map(m -> m ? "ok" : "MISMATCH").orElse("not checked (no key given)")));
        return new Explanation("request", f, Optional.empty(), matches, "");
    }

    private static void addOperands(List<TableField> f, Command c) {
        if (c instanceof Command.FullRead read) {
            f.add(TableField.of("table", read.table().name()));
            if (read.maxReplyLength() != Command.FullRead.NO_MAX_REPLY_LENGTH) {
                f.add(TableField.of("max_reply_length", read.maxReplyLength(), "bytes"));
            }
        } else if (c instanceof Command.PartialRead read) {
            f.add(TableField.of("table", read.table().name()));
            f.add(TableField.of("offset", read.offset()));
            f.add(TableField.of("count", read.count(), "bytes"));
        } else if (c instanceof Command.FullWrite write) {
            f.add(TableField.of("table", write.table().name()));
            f.add(TableField.of("data_hex", Hex.lower(write.data())));
            Optional<ProcedureCall> call = write.procedureCall();
            if (call.isPresent()) {
                f.add(TableField.of("procedure", String.format("0x%04X", call.get().procedureNumber())));
                f.add(TableField.of("procedure_sequence", call.get().procSeq()));
                f.add(TableField.of("parameters_hex", Hex.lower(call.get().params())));
            }
        }
    }

    static Explanation response(byte[] packet, Optional<TableId> table) {
        Response r = Responses.parse(packet);
        List<TableField> f = new ArrayList<>();
        f.add(TableField.of("size", packet.length, "bytes"));
        f.add(TableField.of("length", Wire.u16be(packet, 0), "bytes"));
        Optional<MepTable> decoded = Optional.empty();
        String hint = "";
        if (r instanceof Response.Alert) {
            f.add(TableField.of("type", "alert (0x0000)"));
        } else if (r instanceof Response.SequenceResync s) {
            addCode(f, ResponseCode.INVALID_SEQUENCE, ResponseCode.INVALID_SEQUENCE.code());
            f.add(TableField.of("expected_sequence", s.expectedSequence()));
        } else if (r instanceof Response.Failure fail) {
            addCode(f, fail.code(), fail.rawCode());
        } else {
            Response.Data d = (Response.Data) r;
            addCode(f, ResponseCode.OK, 0);
            byte[] data = d.tableData();
            if (packet.length > 3) f.add(TableField.of("count", data.length, "bytes"));
            f.add(TableField.of("data_hex", Hex.lower(data)));
            if (d.trailer().length > 0) f.add(TableField.of("trailer_hex", Hex.lower(d.trailer())));
            if (table.isPresent()) {
                decoded = Optional.of(TableDecoder.decode(table.get(), data));
            } else if (data.length > 0) {
                hint = "give --table ID (e.g. BT28) to decode the table data";
            }
        }
        return new Explanation("response", f, decoded, Optional.empty(), hint);
    }

    private static void addCode(List<TableField> f, ResponseCode code, int raw) {
        f.add(TableField.of("code", String.format("0x%02X", raw)));
        f.add(TableField.of("code_name", code.name()));
        f.add(TableField.of("code_description", code.description()));
    }
}
