#!/usr/bin/python3
"""Builds and routes <board>.kicad_pcb from the schematic's netlist (run with /usr/bin/python3).

Usage: build_pcb.py <hardware dir> <board> <netlist.net>
Placement comes from placement.py, footprints from the netlist (= the schematic), routing from
router.py. GND also gets a pour on both layers. One board per process (pcbnew's SWIG objects
do not survive a second board in one interpreter reliably).
"""
import os
import random
import sys
import time

import pcbnew

import circuit
import placement
import sexpr
from router import Router

ORIGIN = (100.0, 60.0)       # page position of the board's top-left corner
CLEAR = 0.2
TRACK = 0.25
POWER_TRACK = 0.3
# v2.10 carries 13 more parts on the same outline: finer tracks (still well above JLCPCB's 0.127 mm)
DENSE = {"esp32-mep-v2.10": (0.15, 0.2, 0.25)}
VIA_D, VIA_DRILL = 0.6, 0.3
EDGE = 0.5
SILK = 1.0        # JLCPCB: silkscreen text at least 1 mm high
FPDIRS = {"mepkit": None}


def mm(x, y):
    return pcbnew.VECTOR2I(pcbnew.FromMM(ORIGIN[0] + x), pcbnew.FromMM(ORIGIN[1] + y))


def read_netlist(path):
    with open(path, encoding="utf-8") as f:
        tree = sexpr.parse(f.read())
    comps = {}
    for c in sexpr.find(tree, "components")[1:]:
        ref = str(sexpr.find(c, "ref")[1])
        props = {str(sexpr.find(p, "name")[1]): (str(sexpr.find(p, "value")[1]) if sexpr.find(p, "value") else "")
                 for p in c if isinstance(p, list) and p[0] == "property"}
        comps[ref] = {"value": str(sexpr.find(c, "value")[1]), "footprint": str(sexpr.find(c, "footprint")[1]),
                      "tstamp": str(sexpr.find(c, "tstamps")[1]), "dnp": "dnp" in props}
    nets = {}
    for n in sexpr.find(tree, "nets")[1:]:
        name = str(sexpr.find(n, "name")[1])
        nets[name] = [(str(sexpr.find(x, "ref")[1]), str(sexpr.find(x, "pin")[1]))
                      for x in n if isinstance(x, list) and x[0] == "node"]
    return comps, nets


def load_fp(fpid, hwdir):
    lib, name = fpid.split(":")
    path = os.path.join(hwdir, "lib", "mepkit.pretty") if lib == "mepkit" else "/usr/share/kicad/footprints/%s.pretty" % lib
    fp = pcbnew.PCB_IO_KICAD_SEXPR().FootprintLoad(path, name)
    if fp is None:
        raise SystemExit("footprint not found: " + fpid)
    fp.SetFPID(pcbnew.LIB_ID(lib, name))
    return fp


def inside_fn():
    x0, y0, x1, y1 = placement.NOTCH
    W, H = placement.WIDTH, placement.HEIGHT

    def inside(x, y, d):
        if x < d or y < d or x > W - d or y > H - d:
            return False
        # distance to the notch rectangle (open at the bottom edge)
        if x0 - d < x < x1 + d and y > y0 - d:
            return False
        return True
    return inside


def outline(board):
    W, H = placement.WIDTH, placement.HEIGHT
    x0, y0, x1, y1 = placement.NOTCH
    pts = [(0, 0), (W, 0), (W, H), (x1, H), (x1, y0), (x0, y0), (x0, H), (0, H), (0, 0)]
    for a, b in zip(pts, pts[1:]):
        s = pcbnew.PCB_SHAPE(board, pcbnew.SHAPE_T_SEGMENT)
        s.SetLayer(pcbnew.Edge_Cuts)
        s.SetWidth(pcbnew.FromMM(0.05))
        s.SetStart(mm(*a))
        s.SetEnd(mm(*b))
        board.Add(s)


def text(board, s, x, y, layer, size=SILK, mirror=None, angle=0, justify=None):
    t = pcbnew.PCB_TEXT(board)
    t.SetText(s)
    t.SetLayer(layer)
    t.SetTextSize(pcbnew.VECTOR2I(pcbnew.FromMM(size), pcbnew.FromMM(size)))
    t.SetTextThickness(pcbnew.FromMM(0.15))
    t.SetPosition(mm(x, y))
    t.SetMirrored(layer == pcbnew.B_SilkS if mirror is None else mirror)
    if angle:
        t.SetTextAngleDegrees(angle)
    if justify == "left":
        t.SetHorizJustify(pcbnew.GR_TEXT_H_ALIGN_LEFT)
    elif justify == "right":
        t.SetHorizJustify(pcbnew.GR_TEXT_H_ALIGN_RIGHT)
    board.Add(t)
    return t


def rect(board, x0, y0, x1, y1, layer, width=0.15):
    for a, b in [((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)), ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))]:
        s = pcbnew.PCB_SHAPE(board, pcbnew.SHAPE_T_SEGMENT)
        s.SetLayer(layer)
        s.SetWidth(pcbnew.FromMM(width))
        s.SetStart(mm(*a))
        s.SetEnd(mm(*b))
        board.Add(s)


def pad_xy(fps, ref, num):
    p = [q for q in fps[ref].Pads() if q.GetNumber() == num][0].GetPosition()
    return pcbnew.ToMM(p.x) - ORIGIN[0], pcbnew.ToMM(p.y) - ORIGIN[1]


J5_PINS = ["GND", "CTS", "VCC", "TX", "RX", "DTR", "RTS"]   # the adapter's pin that plugs in there


def silkscreen(board, bname, fps):
    """Board name, the J5/J7/J1-J4 labels, J5's 5 V warning and the J6 mounting note (all >= 1 mm)."""
    meta = circuit.BOARDS[bname]
    F, B = pcbnew.F_SilkS, pcbnew.B_SilkS
    v210 = bname == "esp32-mep-v2.10"
    v110 = bname == "esp32-mep-v1.10"
    if v110:
        text(board, "ESP32-MEP v%s" % meta["rev"], 62.0, 21.6, F)
    else:                  # between the notch and J6: 10 mm wide
        text(board, "ESP32-MEP", 42.1, 25.0, F)
        text(board, "v%s" % meta["rev"], 42.1, 26.6, F)
    text(board, "ESP32-MEP v%s mepkit" % meta["rev"], 47.5 if v110 else 52.0, 26.8 if v110 else 26.7, B)
    # J5: what the FTDI adapter's pins are called, pin 1 mark, and the 5 V warning
    side = B if v210 else F
    n = 7 if v210 else 6
    for k in range(n):
        x, y = pad_xy(fps, "J5", str(k + 1))
        text(board, J5_PINS[k], x + (1.4 if side == F else 1.4), y, side, justify="right" if side == B else "left")
    x1, y1 = pad_xy(fps, "J5", "1")
    x2, y2 = pad_xy(fps, "J5", "2")
    text(board, "1", x1, y1 + (1.9 if y1 > y2 else -1.9), F)
    text(board, "3V3 ONLY", 6.6 if not v210 else 7.0, 19.2 if not v210 else 0.9, side if v210 else F)
    x, y = pad_xy(fps, "JP2", "1")
    text(board, "JP2: 3V3 VCC", x + 0.65, y + 1.9 if bname != "esp32-mep-v2.10" else y - 1.9,
         F if fps["JP2"].GetSide() == 0 else B)
    # J7: program and power jumpers
    x, y = pad_xy(fps, "J7", "1")
    j7 = fps["J7"].GetSide()
    lay = F if j7 == 0 else B
    text(board, "PRG", x - 1.7 if j7 == 0 else x - 1.5, y, lay, justify="right" if j7 == 0 else "left")
    x, y = pad_xy(fps, "J7", "3")
    text(board, "PWR", x - 1.7 if j7 == 0 else x - 1.5, y, lay, justify="right" if j7 == 0 else "left")
    # buck module: outline, type and terminals on the back (it is soldered there, component side up)
    bx0, by0, bx1, by1 = placement.BUCK_OUTLINE
    rect(board, bx0, by0, bx1, by1, B)
    for ref, name in (("J1", "VIN-"), ("J2", "VIN+"), ("J3", "VOUT-"), ("J4", "VOUT+")):
        x, y = pad_xy(fps, ref, "1")
        text(board, name, x, y + (3.1 if y < 8 else -3.1), B)
    text(board, "BUCK XL1509 3V3", (bx0 + bx1) / 2, 7.6, B)
    text(board, "set 3.4-3.5V, J7 open", (bx0 + bx1) / 2, 9.4, B)
    text(board, "IN <- 24V   OUT -> 3V3", (bx0 + bx1) / 2, 11.2, B)
    # J6: how to mount it (the meter's connector needs the pins' full length)
    if bname == "esp32-mep-v1.10":     # the back is full there: on the front, below J6's channel side
        for k, line in enumerate(("J6: LEGS", "FLUSH ON", "THE BACK,", "NOT PUSHED", "FULLY IN")):
            text(board, line, 42.0, 20.9 + k * 1.45, F, size=1.0)
    else:
        text(board, "J6: legs flush here,", 52.0, 23.9, B)
        text(board, "not pushed fully in", 52.0, 25.3, B)
    if bname == "esp32-mep-v1.10":
        text(board, "trim J6 joints", 46.7, 7.6, F, angle=90)
        text(board, "FIT R3 OR R4", 44.0, 5.5, B)
    elif bname == "esp32-mep-v2.00":
        text(board, "FIT R3 OR R4", 40.0, 19.0, B)
    else:
        x, y = pad_xy(fps, "JP1", "1")
        text(board, "IO32", x - 2.6, y, F, justify="right")
        x, y = pad_xy(fps, "JP1", "3")
        text(board, "3V3", x - 2.6, y, F, justify="right")


def channel_keepout(board):
    """A named rule area over J6's mating channel; jlcpcb.kicad_dru forbids front parts in it (J6 aside)."""
    x0, y0, x1, y1 = placement.J6_CHANNEL
    z = pcbnew.ZONE(board)
    z.SetIsRuleArea(True)
    z.SetZoneName("J6_CHANNEL")
    z.SetLayer(pcbnew.F_Cu)
    z.SetDoNotAllowTracks(False)
    z.SetDoNotAllowVias(False)
    z.SetDoNotAllowPads(False)
    z.SetDoNotAllowCopperPour(False)
    z.SetDoNotAllowFootprints(False)
    ol = z.Outline()
    ol.NewOutline()
    for px, py in [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]:
        p = mm(px, py)
        ol.Append(p.x, p.y)
    board.Add(z)


def build(hwdir, bname, netpath):
    global CLEAR, TRACK, POWER_TRACK
    CLEAR, TRACK, POWER_TRACK = DENSE.get(bname, (CLEAR, TRACK, POWER_TRACK))
    pcbnew.KIID.SeedGenerator(20261125)   # deterministic UUIDs: regenerating changes nothing
    t0 = time.time()
    comps, nets = read_netlist(netpath)
    path = os.path.join(hwdir, bname, bname + ".kicad_pcb")
    if os.path.exists(path):
        os.remove(path)
    board = pcbnew.NewBoard(path)
    ds = board.GetDesignSettings()
    nc = ds.m_NetSettings.GetDefaultNetclass()
    nc.SetClearance(pcbnew.FromMM(CLEAR))
    nc.SetTrackWidth(pcbnew.FromMM(TRACK))
    nc.SetViaDiameter(pcbnew.FromMM(VIA_D))
    nc.SetViaDrill(pcbnew.FromMM(VIA_DRILL))
    ds.m_CopperEdgeClearance = pcbnew.FromMM(EDGE)
    ds.m_MinThroughDrill = pcbnew.FromMM(0.3)
    ds.m_ViasMinSize = pcbnew.FromMM(0.5)
    ds.m_TrackMinWidth = pcbnew.FromMM(0.127)
    ds.m_MinClearance = pcbnew.FromMM(0.127)
    ds.m_HoleToHoleMin = pcbnew.FromMM(0.5)
    ds.m_HoleClearance = pcbnew.FromMM(0.25)
    ds.m_ViasMinAnnularWidth = pcbnew.FromMM(0.13)
    ds.SetAuxOrigin(mm(0, placement.HEIGHT))
    ds.SetGridOrigin(mm(0, 0))
    tb = board.GetTitleBlock()
    meta = circuit.BOARDS[bname]
    tb.SetTitle(meta["title"])
    tb.SetRevision(meta["rev"])
    tb.SetDate(circuit.DATE)
    tb.SetCompany("mepkit (open hardware)")
    tb.SetComment(0, "JP1 1-2 bridged as made (MAX3232 switched by GPIO32); J5 auto-reset from DTR/RTS."
                  if bname == "esp32-mep-v2.10" else "Fit R3 OR R4, never both. Default variant r4-switched: R4 fitted, R3 not fitted.")
    tb.SetComment(1, "J6 numbered like the meter: 1 GND 2 ENABLE 3 meter RXD 4 meter TXD 5 +24V 6 NC.")
    tb.SetComment(2, "JLCPCB 2-layer rules in %s.kicad_dru. Buck module soldered flat on J1-J4 (back)." % bname)
    tb.SetComment(3, "Generated by hardware/tools/generate.sh - edit placement.py / circuit.py, not this file.")
    outline(board)

    netinfo = {}
    for name in nets:
        ni = pcbnew.NETINFO_ITEM(board, name)
        board.Add(ni)
        netinfo[name] = ni
    pad_net = {(r, p): n for n, nodes in nets.items() for (r, p) in nodes}

    place = placement.PLACE[bname]
    parts = circuit.parts(bname)
    fps = {}
    for ref, c in sorted(comps.items()):
        fp = load_fp(c["footprint"], hwdir)
        fp.SetReference(ref)
        fp.SetValue(c["value"])
        fp.SetPath(pcbnew.KIID_PATH("/" + c["tstamp"]))
        fp.SetSheetname("/")
        fp.SetSheetfile(bname + ".kicad_sch")
        fp.SetDNP(c["dnp"])
        if not parts[ref].in_bom:       # buck pads and solder jumpers: copper only, nothing to buy or place
            fp.SetExcludedFromBOM(True)
            fp.SetExcludedFromPosFiles(True)
        board.Add(fp)
        x, y, rot, side = place[ref]
        fp.SetPosition(mm(x, y))
        if side == "B":
            fp.Flip(fp.GetPosition(), pcbnew.FLIP_DIRECTION_LEFT_RIGHT)
        fp.SetOrientationDegrees(rot)
        for pad in fp.Pads():
            n = pad_net.get((ref, pad.GetNumber()))
            if n is not None:
                pad.SetNet(netinfo[n])
        fps[ref] = fp
    for ref, (x, y) in placement.HOLES.items():
        fp = load_fp("MountingHole:MountingHole_3.2mm_M3", hwdir)
        fp.SetReference(ref)
        fp.SetValue("M3")
        fp.SetBoardOnly(True)
        fp.SetExcludedFromBOM(True)
        fp.SetExcludedFromPosFiles(True)
        board.Add(fp)
        fp.SetPosition(mm(x, y))
        fps[ref] = fp

    place_references(board, fps)

    silkscreen(board, bname, fps)
    channel_keepout(board)

    order = None
    # router: retry with the failed nets moved to the front (every other try with the rest shuffled,
    # seeded, so regenerating stays deterministic); in the end the best order is routed again
    best = None
    attempts = int(os.environ.get("ROUTE_ATTEMPTS", "6"))
    for attempt in range(attempts):
        r, used, failed, vias = route(board, bname, fps, nets, pad_net, netinfo, order)
        bad = [f for f in failed if f[0] != "GND"]    # GND leftovers are joined by the pours (checked after fill)
        print("%s: attempt %d: %d vias, failed %s (%.1f s)" % (bname, attempt + 1, vias, failed, time.time() - t0))
        if best is None or len(bad) < best[0]:
            best = (len(bad), used, attempt)
        if not bad:
            break
        rest = [n for n in used if n not in {f[0] for f in failed}]
        if attempt % 2:
            random.Random(attempt).shuffle(rest)
        order = [f[0] for f in failed] + rest
    if best[0] and best[2] != attempt:
        r, used, failed, vias = route(board, bname, fps, nets, pad_net, netinfo, best[1])
        print("%s: best order again: %d vias, failed %s" % (bname, vias, failed))
    netid = {name: k + 1 for k, name in enumerate(sorted(nets))}     # as in route()
    stitched = r.stitch(netid["GND"], netinfo["GND"], STITCH_PITCH)
    print("%s: %d ground stitching vias" % (bname, stitched))
    r.emit()
    x0, y0, x1, y1 = placement.NOTCH

    # GND pours on both layers
    for layer in (pcbnew.F_Cu, pcbnew.B_Cu):
        z = pcbnew.ZONE(board)
        z.SetLayer(layer)
        z.SetNet(netinfo["GND"])
        ol = z.Outline()
        ol.NewOutline()
        W, H = placement.WIDTH, placement.HEIGHT
        for (px, py) in [(0, 0), (W, 0), (W, H), (x1, H), (x1, y0), (x0, y0), (x0, H), (0, H)]:
            p = mm(px, py)
            ol.Append(p.x, p.y)
        z.SetLocalClearance(pcbnew.FromMM(0.3))
        z.SetMinThickness(pcbnew.FromMM(0.25))
        z.SetThermalReliefGap(pcbnew.FromMM(0.3))
        z.SetThermalReliefSpokeWidth(pcbnew.FromMM(0.4))
        z.SetPadConnection(pcbnew.ZONE_CONNECTION_THERMAL)
        z.SetIslandRemovalMode(pcbnew.ISLAND_REMOVAL_MODE_ALWAYS)
        z.SetAssignedPriority(0)
        board.Add(z)
    print("items:", len(board.GetFootprints()), len(board.GetTracks()), len(board.Zones()))
    ok = pcbnew.SaveBoard(path, board)
    print("saved", ok, path)
    return failed


POWER = ("+3V3", "+24V", "/BUCK_OUT", "/BUCK_IN", "/MAX_VCC", "GND")
STITCH_PITCH = 3.0


PRIORITY = ["+3V3", "/RXD2_TTL", "/TXD2_TTL", "/ENABLE_TTL"]


def route(board, bname, fps, nets, pad_net, netinfo, order):
    keepouts = []
    for z in fps["U2"].Zones():
        if z.GetIsRuleArea():
            bb = z.GetBoundingBox()
            keepouts.append((pcbnew.ToMM(bb.GetX()) - ORIGIN[0], pcbnew.ToMM(bb.GetY()) - ORIGIN[1],
                             pcbnew.ToMM(bb.GetRight()) - ORIGIN[0], pcbnew.ToMM(bb.GetBottom()) - ORIGIN[1]))
    r = Router(board, ORIGIN, placement.WIDTH, placement.HEIGHT, CLEAR, max(TRACK, POWER_TRACK), VIA_D, VIA_DRILL,
               EDGE, inside_fn(), no_front=placement.MODULE_BODY, keepouts=keepouts)
    for ref, (x, y) in placement.HOLES.items():
        r.block_circle(x, y, 1.6 + 0.25)
    netid = {name: k + 1 for k, name in enumerate(sorted(nets))}
    pad_cells = {}
    for ref, fp in fps.items():
        for pad in fp.Pads():
            n = pad_net.get((ref, pad.GetNumber()))
            routable = n is not None and len(nets[n]) > 1
            cells = r.add_pad(pad, netid[n] if n is not None else 0)
            if routable and not (ref == "U2" and pad.GetNumber() == "39"):
                pad_cells.setdefault(n, []).append(((ref, pad.GetNumber()), cells, pad))
    if order is None:
        # priority nets, then signals longest first, GND last (the pours help it)
        order = sorted(pad_cells, key=lambda n: (n == "GND", PRIORITY.index(n) if n in PRIORITY else 99,
                                                 -spread(pad_cells[n])))
    pre = {}
    for n, pts in placement.PREROUTES[bname]:
        width = POWER_TRACK if n in POWER else TRACK
        pre[n] = r.preroute(netid[n], netinfo[n], [(0 if L == "F" else 1, x, y) for L, x, y in pts], width)
    failed = []
    vias = 0
    for n in order:
        width = POWER_TRACK if n in POWER else TRACK
        groups = pad_cells[n]
        tree = list(groups[0][1])
        todo = groups[1:]
        if n in pre:
            # a hand route is one piece: the tree starts from it and the pads it reaches
            covered = set(pre[n])
            touched = [g for g in groups if covered.intersection(g[1])]
            if touched:
                tree = list(pre[n]) + [c for g in touched for c in g[1]]
                todo = [g for g in groups if not covered.intersection(g[1])]
            else:
                tree += pre[n]
        while todo:
            targets = {}
            pts = []
            for k, (key, cells, pad) in enumerate(todo):
                for c in cells:
                    targets[c] = k
                pos = pad.GetPosition()
                pts.append((r.cx(pcbnew.ToMM(pos.x) - ORIGIN[0]), r.cy(pcbnew.ToMM(pos.y) - ORIGIN[1])))
            found = r.search(netid[n], tree, targets, pts)
            if found is None:
                failed.append((n, [t[0] for t in todo]))
                break
            k = targets[found[-1]]
            vias += r.commit(netid[n], netinfo[n], found, width)
            tree.extend(found)
            tree.extend(todo[k][1])
            todo.pop(k)
    return r, order, failed, vias


def place_references(board, fps):
    """Moves each reference text beside its part where it touches no pad, other silk or the edge."""
    x0, y0, x1, y1 = placement.NOTCH
    W, H = placement.WIDTH, placement.HEIGHT
    margin = pcbnew.FromMM(0.25)

    copper = {pcbnew.F_SilkS: pcbnew.F_Cu, pcbnew.B_SilkS: pcbnew.B_Cu}
    pads = {L: [p.GetBoundingBox() for fp in fps.values() for p in fp.Pads() if p.IsOnLayer(copper[L])] for L in copper}
    silk = {ref: {L: [g.GetBoundingBox() for g in fp.GraphicalItems() if g.GetLayer() == L and g.GetClass() != "PCB_TEXT"]
                  for L in copper} for ref, fp in fps.items()}
    texts = {L: [] for L in copper}
    for ref in sorted(fps):
        fp = fps[ref]
        field = fp.Reference()
        layer = field.GetLayer()
        if layer not in copper:
            continue
        taken = {layer: pads[layer] + texts[layer] + [b for r, d in silk.items() if r != ref for b in d[layer]]}
        field.SetTextAngleDegrees(0)
        size = pcbnew.FromMM(SILK)
        field.SetTextSize(pcbnew.VECTOR2I(size, size))
        field.SetTextThickness(pcbnew.FromMM(0.15))
        cb = fp.GetCourtyard(pcbnew.F_CrtYd if fp.GetSide() == 0 else pcbnew.B_CrtYd).BBox()
        if cb.GetWidth() == 0:
            cb = fp.GetBoundingBox(False)
        cx, cy = cb.GetCenter().x, cb.GetCenter().y
        tw = field.GetBoundingBox().GetWidth() // 2
        cands = []
        for d in (0.2, 0.9, 1.6):
            g = pcbnew.FromMM(d)
            cands += [(cx, cb.GetY() - pcbnew.FromMM(0.4) - g, 0), (cx, cb.GetBottom() + pcbnew.FromMM(0.4) + g, 0),
                      (cb.GetX() - tw - g, cy, 0), (cb.GetRight() + tw + g, cy, 0),
                      (cb.GetX() - pcbnew.FromMM(0.4) - g, cy, 90), (cb.GetRight() + pcbnew.FromMM(0.4) + g, cy, 90)]
        cands.append((cx, cy, 0))
        if ref == "U2":   # inside the module outline, between the pad rows
            pos = fp.GetPosition()
            cands.insert(0, (pos.x, pos.y - pcbnew.FromMM(7), 0))
        best = None
        for (x, y, ang) in cands:
            field.SetTextAngleDegrees(ang)
            field.SetPosition(pcbnew.VECTOR2I(int(x), int(y)))
            bb = field.GetBoundingBox()
            bb.Inflate(margin)
            lx = pcbnew.ToMM(bb.GetX()) - ORIGIN[0]
            rx = pcbnew.ToMM(bb.GetRight()) - ORIGIN[0]
            ty = pcbnew.ToMM(bb.GetY()) - ORIGIN[1]
            by = pcbnew.ToMM(bb.GetBottom()) - ORIGIN[1]
            inside = lx > 0 and ty > 0 and rx < W and by < H and not (rx > x0 and lx < x1 and by > y0)
            if inside and not any(bb.Intersects(o) for o in taken[layer]):
                best = (x, y, ang)
                break
        if best is None:
            field.SetVisible(False)       # no free spot: the fab layer still shows it
            field.SetTextAngleDegrees(0)
            field.SetPosition(pcbnew.VECTOR2I(int(cx), int(cy)))
        else:
            texts[layer].append(field.GetBoundingBox())


def spread(groups):
    xs = [pcbnew.ToMM(g[2].GetPosition().x) for g in groups]
    ys = [pcbnew.ToMM(g[2].GetPosition().y) for g in groups]
    return (max(xs) - min(xs)) + (max(ys) - min(ys))


def fill(path):
    pcbnew.KIID.SeedGenerator(20261126)
    board = pcbnew.LoadBoard(path)
    pcbnew.ZONE_FILLER(board).Fill(board.Zones())
    pcbnew.SaveBoard(path, board)
    board.BuildConnectivity()
    print("unconnected after fill:", board.GetConnectivity().GetUnconnectedCount(True))


if __name__ == "__main__":
    hw, bname = sys.argv[1], sys.argv[2]
    if len(sys.argv) > 3 and sys.argv[3] == "--fill":
        fill(os.path.join(hw, bname, bname + ".kicad_pcb"))
    else:
        build(hw, bname, sys.argv[3])
