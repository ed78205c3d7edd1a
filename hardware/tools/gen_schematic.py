#!/usr/bin/python3
"""Writes hardware/<board>/<board>.kicad_sch (KiCad 9 format 20250114) from circuit.py.

Symbols are embedded from the installed KiCad 9 libraries (/usr/share/kicad/symbols) and placed
by hand in blocks (PLACE_*). Short nets are drawn as wires between the pins (sch_wiring.py);
nets too long for a wire get a label per wired cluster; power pins get power symbols; unused
pins get a no-connect flag. Notes sit inside the frame, the title block is filled in. UUIDs are
uuid5 of stable keys, so regenerating changes nothing.
Usage: gen_schematic.py <hardware dir> [board ...]
"""
import os
import re
import sys
import uuid

import circuit
import sexpr
from sch_wiring import Seg, Wiring

SYMDIR = "/usr/share/kicad/symbols"
NS = uuid.UUID("6d6b7069-7400-4d45-5000-000000000001")
GRID = 1.27


def uid(*key):
    return str(uuid.uuid5(NS, "/".join(key)))


def lib_symbol_text(lib, name):
    """Return the top-level (symbol "name" ...) block of a library file as text."""
    with open(os.path.join(SYMDIR, lib + ".kicad_sym"), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r'\n\t\(symbol "%s"\n' % re.escape(name), text)
    if not m:
        raise SystemExit("symbol %s:%s not found" % (lib, name))
    start = m.start() + 2
    return text[start:sexpr.match_paren(text, start) + 1]


def embedded_symbol(lib_id):
    """Full embedded copy named Lib:Name; derived symbols (extends) are flattened."""
    lib, name = lib_id.split(":")
    tree = sexpr.parse(lib_symbol_text(lib, name))
    ext = [c for c in tree if isinstance(c, list) and c[0] == "extends"]
    if ext:
        parent_name = ext[0][1]
        parent = sexpr.parse(lib_symbol_text(lib, parent_name))
        props = [c for c in tree if isinstance(c, list) and c[0] == "property"]
        body = []
        for c in parent[2:]:
            if isinstance(c, list) and c[0] == "property":
                continue
            if isinstance(c, list) and c[0] == "symbol":
                c = [c[0], sexpr.Q(c[1].replace(parent_name + "_", name + "_", 1))] + c[2:]
            body.append(c)
        # keep flags (power, pin_names...) before properties, graphics after
        flags = [c for c in body if not (isinstance(c, list) and c[0] == "symbol")]
        units = [c for c in body if isinstance(c, list) and c[0] == "symbol"]
        tree = ["symbol", sexpr.Q(name)] + flags + props + units
    tree[1] = sexpr.Q(lib_id)
    return tree


def pins_of(sym):
    """(number, name, type, x, y, angle, hidden) for every pin in unit 1 / common units."""
    out = []
    for unit in sym:
        if not (isinstance(unit, list) and unit[0] == "symbol"):
            continue
        for p in unit:
            if isinstance(p, list) and p[0] == "pin":
                at = sexpr.find(p, "at")
                hidden = any(isinstance(c, list) and c[0] == "hide" and c[1] == "yes" for c in p) or "hide" in p
                out.append((str(sexpr.find(p, "number")[1]), str(sexpr.find(p, "name")[1]), p[1],
                            float(at[1]), float(at[2]), float(at[3]), hidden))
    return out


def rot(x, y, angle):
    """Library (y up) offset rotated by the symbol angle, returned in sheet coordinates (y down)."""
    a = int(angle) % 360
    if a == 0:
        rx, ry = x, y
    elif a == 90:
        rx, ry = -y, x
    elif a == 180:
        rx, ry = -x, -y
    else:
        rx, ry = y, -x
    return rx, -ry


def fmt(v):
    v = round(v, 4)
    return ("%d" % v) if v == int(v) else ("%g" % v)


# --- placement of the symbols on the A4 sheet: ref -> (x, y, angle) ---------------------------
# Blocks: console + auto-reset (left), ESP32 (centre left), MAX3232 with its pump capacitors
# (centre right), the meter link R5-R7/D1 to J6 (right), buck pads (bottom right).
PLACE_COMMON = {
    "U2": (80.01, 96.52, 0),
    "R1": (58.42, 55.88, 180), "R2": (105.41, 55.88, 180),
    "J7": (123.19, 60.96, 0),
    "J5": (25.4, 99.06, 180), "JP2": (43.18, 101.6, 0),
    "U1": (190.5, 95.25, 0),
    "C1": (160.02, 76.2, 0), "C2": (220.98, 76.2, 0),
    "C3": (217.17, 85.09, 90), "C4": (217.17, 92.71, 90),
    "C5": (205.74, 57.15, 0),
    "R3": (177.8, 50.8, 180), "R4": (190.5, 50.8, 180),
    "D1": (222.25, 100.33, 180), "R7": (236.22, 100.33, 90), "R5": (236.22, 107.95, 90), "R6": (236.22, 115.57, 90),
    "J6": (256.54, 100.33, 0),
    "J2": (262.89, 140.97, 0), "J1": (262.89, 146.05, 0), "J4": (262.89, 153.67, 0), "J3": (262.89, 158.75, 0),
}
PLACE_V210 = dict(PLACE_COMMON, **{
    "JP1": (190.5, 54.61, 0),
    "Q1": (48.26, 81.28, 0), "Q2": (48.26, 119.38, 0),
    "R8": (36.83, 81.28, 90), "R9": (36.83, 119.38, 90),
    "C6": (46.99, 66.04, 0), "C7": (86.36, 46.99, 0), "C8": (95.25, 46.99, 0),
    "D2": (232.41, 140.97, 180), "D3": (243.84, 146.05, 270),
})
PWR_FLAG_AT = {"GND": (22.86, 30.48), "+3V3": (35.56, 30.48), "+24V": (48.26, 30.48), "MAX_VCC": (213.36, 50.8)}

NOTES_COMMON = [
    ((151.13, 128.27), "MAX3232: C1-C4 charge pump, C5 supply decoupling.\n"
                       "R5-R7: series links, 0R by default (variants may set other values).\n"
                       "D1 passes only the positive T1OUT level: GPIO5 LOW = ENABLE asserted."),
    ((226.06, 124.46), "J6 pads are numbered like the meter's MEP pins:\n"
                      "1 GND, 2 ENABLE, 3 meter RXD, 4 meter TXD,\n5 +24V, 6 NC"),
    ((226.06, 133.35), "Buck module (XL1509 type), soldered flat on J1-J4:\n"
                       "VIN+ J2, VIN- J1, VOUT+ J4, VOUT- J3"),
]
NOTES = {
    "esp32-mep-v1.10": NOTES_COMMON + [
        ((15.24, 172.72), "J5: FTDI 3.3 V adapter. JP2 (open as made) joins J5 VCC to +3V3: close it only for an adapter whose VCC pin\n"
                          "is 3.3 V (many '3V3' FTDI cables carry 5 V on VCC). J7 1-2 = program (IO0 low), J7 3-4 = buck feeds +3V3.\n"
                          "Trim the buck to 3.4-3.5 V with both J7 jumpers removed.\n"
                          "Assembly variants (hardware/variants.json): r4-switched (default) = R4 fitted, R3 not fitted;\n"
                          "r3-permanent = R3 fitted, R4 not fitted. Fit R3 OR R4, never both: both ties GPIO32 to +3V3."),
        ((142.24, 45.72), "R3 = MAX3232 always on from +3V3\nR4 = switched by GPIO32 (HIGH = on)"),
    ],
}
NOTES["esp32-mep-v2.00"] = NOTES["esp32-mep-v1.10"]
NOTES["esp32-mep-v2.10"] = NOTES_COMMON + [
    ((15.24, 172.72), "J5: FTDI 3.3 V adapter, DTR on pin 6, RTS on pin 7. Q1/Q2 reset the ESP32 into its loader from DTR/RTS\n"
                      "(esptool --before default_reset); J7 1-2 still forces download mode by hand. JP2 (open as made) joins J5 VCC\n"
                      "to +3V3: close it only for a 3.3 V VCC (many '3V3' FTDI cables carry 5 V on VCC). R1/C6: EN delay (10k, 1uF).\n"
                      "C7/C8 at the module's VDD. D2 blocks a reversed 24 V; D3 clamps over-voltage (the meter supplies at most 1 W).\n"
                      "JP1 (1-2 bridged as made) = MAX3232 switched by GPIO32; cut 1-2 and bridge 2-3 for always on."),
    ((199.39, 43.18), "JP1: 1-2 = GPIO32 switches the MAX3232\n2-3 = always on from +3V3"),
]

MAX_WIRE = 70.0


def snap(v):
    return round(round(v / GRID) * GRID, 4)


def pin_length(sym, number):
    for unit in sym:
        if isinstance(unit, list) and unit[0] == "symbol":
            for p in unit:
                if isinstance(p, list) and p[0] == "pin" and str(sexpr.find(p, "number")[1]) == number:
                    return float(sexpr.find(p, "length")[1])
    return 2.54


# field positions (sheet offsets from the symbol origin) moved off the pin stubs
FIELD_OVERRIDE = {"U2": {"Value": (0, 39.37), "Reference": (-12.7, -36.83)}, "U1": {"Reference": (-10.16, -28.575)}}
TWO_PIN = {"Device:R", "Device:C", "Device:D", "Device:D_Schottky", "Device:D_Zener"}
# rotation that makes a power symbol point away from the pin: outward direction -> angle
GND_ANGLE = {(0, 1): 0, (1, 0): 90, (-1, 0): 270, (0, -1): 180}
SUPPLY_ANGLE = {(0, -1): 0, (-1, 0): 90, (1, 0): 270, (0, 1): 180}


class Sheet:
    def __init__(self, board):
        self.board = board
        self.root = uid(board, "root")
        self.items = []
        self.pwr = 0

    def prop(self, name, value, x, y, hide=False, angle=0, justify=None):
        eff = ["effects", ["font", ["size", 1.27, 1.27]]]
        if justify:
            eff.append(["justify", justify])
        if hide:
            eff.append(["hide", "yes"])
        return ["property", sexpr.Q(name), sexpr.Q(value), ["at", x, y, angle], eff]

    def symbol(self, lib_id, ref, value, x, y, angle, sym, fields, dnp=False, in_bom=True, on_board=True):
        key = ref if not ref.startswith("#") else ref
        node = ["symbol", ["lib_id", sexpr.Q(lib_id)], ["at", x, y, angle], ["unit", 1],
                ["exclude_from_sim", "no"], ["in_bom", "yes" if in_bom else "no"],
                ["on_board", "yes" if on_board else "no"], ["dnp", "yes" if dnp else "no"],
                ["uuid", sexpr.Q(uid(self.board, "sym", key))]]
        lib_props = {str(p[1]): p for p in sym if isinstance(p, list) and p[0] == "property"}
        for name in ["Reference", "Value", "Footprint", "Datasheet", "Description"]:
            lp = lib_props.get(name)
            val = fields.get(name, str(lp[2]) if lp else "")
            if lp is not None:
                at = sexpr.find(lp, "at")
                dx, dy = rot(float(at[1]), float(at[2]), angle)
                hidden = name not in ("Reference", "Value") or ref.startswith("#PWR") and name == "Reference" \
                    or ref.startswith("#FLG") and name == "Reference"
                if lib_id.startswith("power:") and name == "Reference":
                    hidden = True
                ang = 90 if int(angle) in (90, 270) else 0  # field angles are stored in the symbol's frame
                justify = None
                if name in ("Reference", "Value") and lib_id in TWO_PIN:
                    if angle in (0, 180) and lib_id != "Device:D" or angle in (90, 270) and lib_id == "Device:D":
                        justify = "left"
                        dx, dy = (2.54, -1.27) if name == "Reference" else (2.54, 1.27)
                    else:
                        dx, dy = (0, -2.54) if name == "Reference" else (0, 2.54)
                if name in FIELD_OVERRIDE.get(ref, {}):
                    dx, dy = FIELD_OVERRIDE[ref][name]
                if lib_id.startswith("power:") and name == "Value":
                    out = self.power_dir
                    dx, dy = {(0, 1): (0, 5.08), (0, -1): (0, -5.08), (1, 0): (6.35, -1.27), (-1, 0): (-6.35, -1.27)}[out]
                node.append(self.prop(name, val, snapf(x + dx), snapf(y + dy), hide=hidden, angle=ang, justify=justify))
            else:
                node.append(self.prop(name, val, x, y, hide=True))
        for name, val in fields.items():
            if name not in ("Reference", "Value", "Footprint", "Datasheet", "Description"):
                node.append(self.prop(name, val, x, y, hide=True))
        for p in pins_of(sym):
            node.append(["pin", sexpr.Q(p[0]), ["uuid", sexpr.Q(uid(self.board, "pin", key, p[0]))]])
        node.append(["instances", ["project", sexpr.Q(self.board),
                                   ["path", sexpr.Q("/" + self.root), ["reference", sexpr.Q(ref)], ["unit", 1]]]])
        self.items.append(node)

    def wire(self, x1, y1, x2, y2):
        self.items.append(["wire", ["pts", ["xy", x1, y1], ["xy", x2, y2]],
                           ["stroke", ["width", 0], ["type", "default"]],
                           ["uuid", sexpr.Q(uid(self.board, "wire", fmt(x1), fmt(y1), fmt(x2), fmt(y2)))]])

    def label(self, name, x, y, angle):
        justify = "left" if angle in (0, 90) else "right"
        self.items.append(["label", sexpr.Q(name), ["at", x, y, angle],
                           ["effects", ["font", ["size", 1.27, 1.27]], ["justify", justify, "bottom"]],
                           ["uuid", sexpr.Q(uid(self.board, "label", name, fmt(x), fmt(y)))]])

    def junction(self, x, y):
        self.items.append(["junction", ["at", x, y], ["diameter", 0], ["color", 0, 0, 0, 0],
                           ["uuid", sexpr.Q(uid(self.board, "junction", fmt(x), fmt(y)))]])

    def no_connect(self, x, y):
        self.items.append(["no_connect", ["at", x, y], ["uuid", sexpr.Q(uid(self.board, "nc", fmt(x), fmt(y)))]])

    def text(self, s, x, y):
        self.items.append(["text", sexpr.Q(s), ["exclude_from_sim", "no"], ["at", x, y, 0],
                           ["effects", ["font", ["size", 1.27, 1.27]], ["justify", "left", "bottom"]],
                           ["uuid", sexpr.Q(uid(self.board, "text", s[:40], fmt(x), fmt(y)))]])

    def power(self, net, x, y, embedded, flag=False, angle=0, direction=None):
        if flag:
            lib_id, ref = "power:PWR_FLAG", "#FLG%02d" % (len([i for i in self.items if i[0] == "symbol" and "#FLG" in str(i)]) + 1)
            value = "PWR_FLAG"
        else:
            self.pwr += 1
            lib_id, ref, value = "power:" + net, "#PWR%02d" % self.pwr, net
        base = (0, 1) if (net == "GND") != (flag and angle == 180) else (0, -1)
        if flag:
            base = (0, -1) if angle == 0 else (0, 1)
        self.power_dir = base if direction is None else direction
        if direction is not None:
            angle = (GND_ANGLE if net == "GND" else SUPPLY_ANGLE)[direction]
        self.symbol(lib_id, ref, value, x, y, angle, embedded[lib_id], {"Value": value})


def snapf(v):
    return round(v, 4)


def build(board, hwdir):
    meta = circuit.BOARDS[board]
    parts = circuit.parts(board)
    nets = circuit.nets(board)
    place = PLACE_V210 if board == "esp32-mep-v2.10" else PLACE_COMMON
    sheet = Sheet(board)
    lib_ids = sorted({p.lib_id for p in parts.values()} | {"power:GND", "power:+3V3", "power:+24V", "power:PWR_FLAG"})
    embedded = {lid: embedded_symbol(lid) for lid in lib_ids}
    pin_net = {n: net for net, nodes in nets.items() for n in nodes}
    unknown = {n.split(".")[0] for n in pin_net} - set(parts)
    if unknown:
        raise SystemExit("%s: nets name parts that the board does not have: %s" % (board, sorted(unknown)))

    # every symbol; pins as (point, net, outward direction)
    pins, bodies, nc = [], [], []
    for ref, part in sorted(parts.items()):
        x, y, angle = place[ref]
        fields = {"Reference": ref, "Value": part.value, "Footprint": part.footprint}
        if part.mpn:
            fields["MPN"] = part.mpn
        if part.in_bom:
            fields["LCSC"] = part.lcsc
            fields["Assembly"] = part.assembly or "JLCPCB"
        sym = embedded[part.lib_id]
        sheet.symbol(part.lib_id, ref, part.value, x, y, angle, sym, fields, dnp=ref in circuit.DNP_DEFAULT,
                     in_bom=part.in_bom)
        by_loc = {}
        inner = []
        for num, name, ptype, px, py, pang, hidden in pins_of(sym):
            dx, dy = rot(px, py, angle)
            loc = (snapf(x + dx), snapf(y + dy))
            by_loc.setdefault(loc, []).append((num, ptype, pang, hidden))
            into = (pang + angle) % 360
            ux, uy = {0: (1, 0), 90: (0, -1), 180: (-1, 0), 270: (0, 1)}[int(into)]
            ln = pin_length(sym, num)
            inner.append((loc[0] + ux * ln, loc[1] + uy * ln))
        xs = [p[0] for p in inner]
        ys = [p[1] for p in inner]
        bodies.append((min(xs) - 1.0, min(ys) - 1.0, max(xs) + 1.0, max(ys) + 1.0))
        for loc, plist in by_loc.items():
            found = {pin_net.get("%s.%s" % (ref, p[0])) for p in plist} - {None}
            if len(found) > 1:
                raise SystemExit("stacked pins of %s on different nets %s" % (ref, found))
            visible = [p for p in plist if not p[3]] or plist
            out_ang = (visible[0][2] + 180 + angle) % 360
            out = {0: (1, 0), 90: (0, -1), 180: (-1, 0), 270: (0, 1)}[int(out_ang)]
            if not found:
                if not all(p[1] == "no_connect" for p in plist):
                    nc.append(loc)
                continue
            pins.append((loc, found.pop(), out))

    w = Wiring(pins + [(p, None, None) for p in nc], bodies)
    signal_nets = sorted({n for _, n, _ in pins} - circuit.POWER_NETS,
                         key=lambda n: _span([p for p, m, _ in pins if m == n]))
    label_at = []
    on_wire = []
    for net in signal_nets:
        for cl in w.wire_net(net, MAX_WIRE):
            # every wired cluster is named by a label on one of its wires (KiCad names nets by labels)
            seg = _cluster_segment(w, net, [p for p, _ in cl])
            if seg is not None:
                on_wire.append((net, seg))
                continue
            for p, o in cl:
                e = w.free_stub(p, o, net)
                if e is not None:
                    label_at.append((net, p, e, o))
                    w.segs.append(Seg(p, e, net))
                    break
            else:
                label_at.append((net, cl[0][0], cl[0][0], cl[0][1]))
    joints = w.junctions()
    for s in w.segs:
        # KiCad splits a wire where another one ends on it; do it here so each piece keeps its own UUID
        cut = sorted([j for j in joints if s.contains(j, interior=True)], key=lambda j: abs(j[0] - s.a[0]) + abs(j[1] - s.a[1]))
        pts = [s.a] + cut + [s.b]
        for a, b in zip(pts, pts[1:]):
            sheet.wire(a[0], a[1], b[0], b[1])
    for net, p, e, o in label_at:
        sheet.label(net, e[0], e[1], {(1, 0): 0, (0, -1): 90, (-1, 0): 180, (0, 1): 270}[o])
    for net, seg in on_wire:
        (x0, y0), (x1, y1) = sorted([seg.a, seg.b])
        n = int(round((x1 - x0 + y1 - y0) / GRID))
        spots = [(snap(x0 + k * GRID), y0) if seg.horizontal else (x0, snap(y1 - k * GRID)) for k in range(1, n)]
        # not where another net's wire crosses (a label there would join both)
        spots = [p for p in spots if not any(t.net != net and t.contains(p) for t in w.segs)] or [seg.a]
        sheet.label(net, spots[0][0], spots[0][1], 0 if seg.horizontal else 90)
    for p, net, o in pins:
        if net in circuit.POWER_NETS:
            e = w.free_stub(p, o, net) or p
            if e != p:
                w.segs.append(Seg(p, e, net))
                sheet.wire(p[0], p[1], e[0], e[1])
            sheet.power(net, e[0], e[1], embedded, direction=o)
    for loc in nc:
        sheet.no_connect(*loc)
    for j in joints:
        sheet.junction(*j)

    for net, (fx, fy) in PWR_FLAG_AT.items():
        if net in circuit.POWER_NETS:
            sheet.wire(fx, fy, fx, fy + 5.08)
        if net == "GND":
            sheet.power(net, fx, fy, embedded, flag=True)
            sheet.power(net, fx, fy + 5.08, embedded)
        elif net in circuit.POWER_NETS:
            sheet.power(net, fx, fy, embedded)
            sheet.power(net, fx, fy + 5.08, embedded, flag=True, angle=180)
        else:
            # a flag on the net's own wire: the middle of its longest horizontal segment, with a junction
            bends = [p for p in _bends(w, net)]
            if bends:
                fx, fy = bends[0]
                sheet.power(net, fx, fy, embedded, flag=True)
            else:
                sheet.wire(fx, fy, fx, fy + 5.08)
                sheet.power(net, fx, fy, embedded, flag=True)
                sheet.label(net, fx, fy + 5.08, 270)

    for (tx, ty), s in NOTES[board]:
        sheet.text(s, tx, ty)

    title = ["title_block", ["title", sexpr.Q(meta["title"])], ["date", sexpr.Q(circuit.DATE)],
             ["rev", sexpr.Q(meta["rev"])], ["company", sexpr.Q("mepkit (open hardware)")],
             ["comment", 1, sexpr.Q(COMMENT1[board])],
             ["comment", 2, sexpr.Q("J6 numbered like the meter: 1 GND 2 ENABLE 3 meter RXD 4 meter TXD 5 +24V 6 NC.")],
             ["comment", 3, sexpr.Q("Set the buck module to 3.4-3.5 V with both J7 jumpers removed. J5: 3V3 ONLY (JP2).")],
             ["comment", 4, sexpr.Q("Generated by hardware/tools/generate.sh from hardware/tools/circuit.py - edit there.")]]
    doc = ["kicad_sch", ["version", 20250114], ["generator", sexpr.Q("eeschema")], ["generator_version", sexpr.Q("9.0")],
           ["uuid", sexpr.Q(sheet.root)], ["paper", sexpr.Q("A4")], title,
           ["lib_symbols"] + [embedded[l] for l in lib_ids]] + sheet.items + \
          [["sheet_instances", ["path", sexpr.Q("/"), ["page", sexpr.Q("1")]]], ["embedded_fonts", "no"]]
    path = os.path.join(hwdir, board, board + ".kicad_sch")
    with open(path, "w", encoding="utf-8") as f:
        f.write(sexpr.dump(doc) + "\n")
    wired = len(signal_nets) - len({n for n, _, _, _ in label_at})
    print("wrote %s (%d of %d signal nets drawn as wires only; %d wires, %d labels on wires, %d on pins)"
          % (path, wired, len(signal_nets), len(w.segs), len(on_wire), len(label_at)))


COMMENT1 = {
    "esp32-mep-v1.10": "Fit R3 OR R4, never both. Default variant r4-switched: R4 fitted, R3 not fitted.",
    "esp32-mep-v2.00": "Fit R3 OR R4, never both. Default variant r4-switched: R4 fitted, R3 not fitted.",
    "esp32-mep-v2.10": "JP1 1-2 bridged as made (GPIO32 switches the MAX3232); auto-reset from J5 DTR/RTS.",
}


def _cluster_segment(w, net, pins):
    """The longest wire (horizontal first) of the wired group that holds these pins, or None."""
    segs = [s for s in w.segs if s.net == net]
    group, reach = [], {tuple(p) for p in pins}
    grew = True
    while grew:
        grew = False
        for s in segs:
            if s not in group and any(s.contains(p) for p in reach) or s not in group and any(
                    t.contains(s.a) or t.contains(s.b) for t in group):
                group.append(s)
                reach |= {s.a, s.b}
                grew = True
    if not group:
        return None
    return max(group, key=lambda s: (s.horizontal, abs(s.a[0] - s.b[0]) + abs(s.a[1] - s.b[1])))


def _bends(w, net):
    """Wire corners of a net that are not pins: a place for its PWR_FLAG."""
    pins = {p for p, n, _ in w.pins}
    ends = {}
    for s in w.segs:
        if s.net == net:
            for p in (s.a, s.b):
                ends[p] = ends.get(p, 0) + 1
    return sorted((p for p, k in ends.items() if k >= 2 and p not in pins), key=lambda p: (-p[0], p[1]))


def _span(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return max(xs) - min(xs) + max(ys) - min(ys)


if __name__ == "__main__":
    hw = sys.argv[1]
    for b in (sys.argv[2:] or circuit.BOARDS):
        os.makedirs(os.path.join(hw, b), exist_ok=True)
        build(b, hw)
