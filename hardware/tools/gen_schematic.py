#!/usr/bin/python3
"""Writes hardware/<board>/<board>.kicad_sch (KiCad 9 format 20250114) from circuit.py.

Symbols are embedded from the installed KiCad 9 libraries (/usr/share/kicad/symbols). Every
connected pin gets a short wire stub ending in a net label (or a power symbol); unused pins
get a no-connect flag. UUIDs are uuid5 of stable keys, so regenerating changes nothing.
Usage: gen_schematic.py <hardware dir>
"""
import os
import re
import sys
import uuid

import circuit
import sexpr

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
PLACE = {
    "U2": (88.9, 101.6, 0),
    "U1": (190.5, 96.52, 0),
    "R1": (38.1, 45.72, 0), "R2": (50.8, 45.72, 0),
    "R3": (148.59, 45.72, 0), "R4": (163.83, 45.72, 0),
    "C1": (148.59, 152.4, 0), "C2": (161.29, 152.4, 0), "C3": (173.99, 152.4, 0),
    "C4": (186.69, 152.4, 0), "C5": (199.39, 152.4, 0),
    "R5": (231.14, 88.9, 90), "R6": (231.14, 101.6, 90), "D1": (228.6, 121.92, 180), "R7": (246.38, 121.92, 90),
    "J6": (264.16, 78.74, 0),
    "J5": (41.91, 158.75, 0),
    "J7": (85.09, 158.75, 0),
    "J1": (233.68, 148.59, 180), "J2": (233.68, 158.75, 180), "J3": (259.08, 148.59, 180), "J4": (259.08, 158.75, 180),
}
PWR_FLAG_AT = {"GND": (30.48, 30.48), "+3V3": (45.72, 30.48), "+24V": (60.96, 30.48), "MAX_VCC": (209.55, 45.72)}

NOTES = [
    ((22.86, 191.77), "Assembly variants (hardware/variants.json): r4-switched (default) = R4 fitted, R3 not fitted;\n"
                     "r3-permanent = R3 fitted, R4 not fitted. Fit R3 OR R4, never both: both fitted ties GPIO32 to +3V3."),
    ((148.59, 26.67), "MAX3232 supply: R3 = always on from +3V3, R4 = switched by GPIO32 (HIGH = on)."),
    ((215.9, 130.81), "R5-R7: series links, 0R by default (variants may set other values).\n"
                      "D1 passes only the positive T1OUT level: GPIO5 LOW = ENABLE asserted."),
    ((228.6, 60.96), "J6 pads are numbered like the meter's MEP pins:\n"
                     "1 GND, 2 ENABLE, 3 meter RXD, 4 meter TXD, 5 +24V, 6 NC"),
    ((22.86, 179.07), "J5: 3.3 V FTDI adapter only. J7 1-2 fitted = program (IO0 low);\n"
                      "J7 3-4 fitted = buck feeds +3V3. Trim the buck to 3.4-3.5 V with both removed."),
]


# field positions (sheet offsets from the symbol origin) moved off the pin stubs
FIELD_OVERRIDE = {"U2": {"Value": (12.7, -34.29)}, "U1": {"Reference": (-10.16, -28.575)}}
# two-pin nets drawn as one wire between the pins (the parts are placed in line)
DIRECT = {"ENABLE_D"}
TWO_PIN = {"Device:R", "Device:C", "Device:D"}
# rotation that makes a power symbol point away from the pin: outward direction -> angle
GND_ANGLE = {(0, 1): 0, (1, 0): 90, (-1, 0): 270, (0, -1): 180}
SUPPLY_ANGLE = {(0, -1): 0, (-1, 0): 90, (1, 0): 270, (0, 1): 180}


def snap(v):
    return round(round(v / GRID) * GRID, 4)


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

    def no_connect(self, x, y):
        self.items.append(["no_connect", ["at", x, y], ["uuid", sexpr.Q(uid(self.board, "nc", fmt(x), fmt(y)))]])

    def text(self, s, x, y):
        self.items.append(["text", sexpr.Q(s), ["exclude_from_sim", "no"], ["at", x, y, 0],
                           ["effects", ["font", ["size", 1.27, 1.27]], ["justify", "left", "bottom"]],
                           ["uuid", sexpr.Q(uid(self.board, "text", s[:40]))]])

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
    sheet = Sheet(board)
    lib_ids = sorted({p[0] for p in circuit.PARTS.values()} | {"power:GND", "power:+3V3", "power:+24V", "power:PWR_FLAG"})
    embedded = {lid: embedded_symbol(lid) for lid in lib_ids}

    direct = {}
    pin_net = {}
    for net, nodes in circuit.NETS.items():
        for n in nodes:
            pin_net[n] = net

    for ref, (lib_id, value, fp_tht, fp_smd, mpn, lcsc) in sorted(circuit.PARTS.items()):
        x, y, angle = PLACE[ref]
        fields = {"Reference": ref, "Value": value, "Footprint": circuit.footprint(ref, board)}
        if mpn:
            fields["MPN"] = mpn
        if lcsc and meta["kind"] == "SMD":
            fields["LCSC"] = lcsc
        sym = embedded[lib_id]
        sheet.symbol(lib_id, ref, value, x, y, angle, sym, fields, dnp=ref in circuit.DNP_DEFAULT,
                     in_bom=ref not in circuit.NOT_IN_BOM)
        done = set()
        pins = pins_of(sym)
        # a location is connected when any pin stacked there is on a net
        by_loc = {}
        for num, name, ptype, px, py, pang, hidden in pins:
            dx, dy = rot(px, py, angle)
            loc = (snapf(x + dx), snapf(y + dy))
            by_loc.setdefault(loc, []).append((num, ptype, pang, hidden))
        for loc, plist in by_loc.items():
            nets = {pin_net.get("%s.%s" % (ref, p[0])) for p in plist} - {None}
            if len(nets) > 1:
                raise SystemExit("stacked pins of %s on different nets %s" % (ref, nets))
            visible = [p for p in plist if not p[3]] or plist
            if not nets:
                if all(p[1] == "no_connect" for p in plist):
                    continue
                sheet.no_connect(*loc)
                continue
            net = nets.pop()
            if net in DIRECT:
                direct.setdefault(net, []).append(loc)
                continue
            # pin body points along pang (library); outward is the opposite way
            out_ang = (visible[0][2] + 180 + angle) % 360
            ux, uy = {0: (1, 0), 90: (0, -1), 180: (-1, 0), 270: (0, 1)}[int(out_ang)]
            stub = 2.54
            ex, ey = snapf(loc[0] + ux * stub), snapf(loc[1] + uy * stub)
            sheet.wire(loc[0], loc[1], ex, ey)
            if net in circuit.POWER_NETS:
                sheet.power(net, ex, ey, embedded, direction=(ux, uy))
            else:
                sheet.label(net, ex, ey, int(out_ang))
        done.add(ref)

    for net, ends in sorted(direct.items()):
        (x1, y1), (x2, y2) = ends
        sheet.wire(x1, y1, x2, y2)
        sheet.label(net, x1 + 1.27 if x2 > x1 else x2 + 1.27, y1, 0)

    for net, (fx, fy) in PWR_FLAG_AT.items():
        sheet.wire(fx, fy, fx, fy + 5.08)
        if net == "GND":
            sheet.power(net, fx, fy, embedded, flag=True)
            sheet.power(net, fx, fy + 5.08, embedded)
        elif net in circuit.POWER_NETS:
            sheet.power(net, fx, fy, embedded)
            sheet.power(net, fx, fy + 5.08, embedded, flag=True, angle=180)
        else:
            sheet.power(net, fx, fy, embedded, flag=True)
            sheet.label(net, fx, fy + 5.08, 270)

    for (tx, ty), s in NOTES:
        sheet.text(s, tx, ty)

    title = ["title_block", ["title", sexpr.Q(meta["title"])], ["date", sexpr.Q("2026-11-25")],
             ["rev", sexpr.Q(meta["rev"])], ["company", sexpr.Q("mepkit (open hardware)")],
             ["comment", 1, sexpr.Q("Fit R3 OR R4, never both. Default variant r4-switched: R4 fitted, R3 not fitted.")],
             ["comment", 2, sexpr.Q("J6 numbered like the meter: 1 GND 2 ENABLE 3 meter RXD 4 meter TXD 5 +24V 6 NC.")],
             ["comment", 3, sexpr.Q("Set the buck module to 3.4-3.5 V with both J7 jumpers removed.")],
             ["comment", 4, sexpr.Q("Generated by hardware/tools/generate.sh from hardware/tools/circuit.py - edit there.")]]
    doc = ["kicad_sch", ["version", 20250114], ["generator", sexpr.Q("eeschema")], ["generator_version", sexpr.Q("9.0")],
           ["uuid", sexpr.Q(sheet.root)], ["paper", sexpr.Q("A4")], title,
           ["lib_symbols"] + [embedded[l] for l in lib_ids]] + sheet.items + \
          [["sheet_instances", ["path", sexpr.Q("/"), ["page", sexpr.Q("1")]]], ["embedded_fonts", "no"]]
    path = os.path.join(hwdir, board, board + ".kicad_sch")
    with open(path, "w", encoding="utf-8") as f:
        f.write(sexpr.dump(doc) + "\n")
    print("wrote", path)


if __name__ == "__main__":
    hw = sys.argv[1]
    for b in circuit.BOARDS:
        os.makedirs(os.path.join(hw, b), exist_ok=True)
        build(b, hw)
