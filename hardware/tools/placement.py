"""Hand placement of the boards (board coordinates in mm: origin = top-left corner seen from
the front, x right, y down). (x, y, rotation in degrees, side) per reference.

The outline is 70 x 28 mm with a 28 x 8 mm notch under the ESP32 antenna (x 9..37, y 20..28).
U2 is placed so its top pads keep 0.5 mm from the top edge and pads 1/38 keep 0.5 mm from the
notch. J6 sits where the meter's MEP socket is (its long pins lie over the board towards the top);
J6_CHANNEL is where the meter's connector slides over those pins: no front-side part may sit there
(a rule area plus a DRC rule in jlcpcb.kicad_dru). The buck module (about 23 x 17 mm) is soldered
flat on the back over J1..J4 (outline BUCK_OUTLINE on the back silkscreen).
v1.10 puts every through-hole part on the back, as upstream: only the ESP32, J5 and J6 are on the
front, and the joints in J6's channel are trimmed flush.
"""

WIDTH, HEIGHT = 70.0, 28.0
NOTCH = (9.0, 20.0, 37.0, 28.0)          # x0, y0, x1, y1
HOLES = {"H1": (5.0, 25.0), "H2": (65.0, 25.0)}
# J6's pins span x 47.73..55.35 (body edges), the body's front face is at y 15.42; 0.5 mm margin
J6_CHANNEL = (47.2, 0.0, 55.9, 15.4)
BUCK_OUTLINE = (10.5, 0.4, 34.6, 16.9)

COMMON = {
    "U2": (22.8, 13.77, 180, "F"),
    "J6": (49.0, 22.0, 90, "F"),
    "J5": (2.6, 3.0, 0, "F"),
    "J3": (13.0, 2.5, 0, "B"), "J4": (13.0, 14.5, 0, "B"),
    "J1": (32.0, 2.5, 0, "B"), "J2": (32.0, 14.5, 0, "B"),
}

PLACE = {
    "esp32-mep-v2.00": dict(COMMON, **{
        "J7": (7.0, 15.2, 0, "F"), "JP2": (6.6, 8.1, 0, "F"),
        "U1": (42.5, 9.505, 180, "F"),
        "C4": (43.0, 5.4, 0, "B"), "C2": (43.0, 7.6, 0, "B"), "C3": (43.0, 9.8, 0, "B"),
        "C1": (43.0, 12.0, 0, "B"), "C5": (43.0, 14.2, 0, "B"),
        "R4": (36.5, 11.2, 180, "F"), "R3": (36.5, 13.6, 180, "F"), "R1": (34.3, 17.1, 270, "F"),
        "R2": (10.5, 2.5, 0, "F"),
        "R5": (59.0, 3.0, 0, "F"), "R6": (59.0, 6.0, 0, "F"), "D1": (59.5, 10.0, 0, "F"), "R7": (59.0, 14.0, 0, "F"),
    }),
    # v2.10: the v2.00 front (JP1 where R3/R4 were) plus the new parts on the back: auto-reset beside
    # J5, the EN capacitor and bulk capacitors behind the module's EN/VDD pins, the 24 V protection
    # behind R5-R7. JLCPCB assembles both sides (C1-C5 are on the back as on v2.00 anyway).
    "esp32-mep-v2.10": dict(COMMON, **{
        "J7": (7.0, 15.2, 0, "F"), "JP2": (6.6, 8.08, 0, "F"),
        "U1": (42.5, 9.505, 180, "F"),
        "C4": (43.0, 5.4, 180, "B"), "C2": (43.0, 7.6, 0, "B"), "C3": (43.0, 9.8, 0, "B"),
        "C1": (43.0, 12.0, 0, "B"), "C5": (43.0, 14.2, 0, "B"),
        "JP1": (36.5, 12.4, 90, "F"), "R1": (34.3, 17.1, 270, "F"),
        "R2": (10.5, 2.5, 180, "F"),
        "R5": (59.0, 3.0, 0, "F"), "R6": (59.0, 6.0, 0, "F"), "D1": (59.5, 10.0, 0, "F"), "R7": (59.0, 14.0, 0, "F"),
        "Q2": (8.0, 3.2, 0, "B"), "R9": (5.4, 6.4, 90, "B"), "Q1": (8.0, 10.0, 0, "B"), "R8": (5.0, 12.3, 90, "B"),
        "C6": (37.0, 17.6, 270, "B"), "C8": (39.4, 17.6, 270, "B"), "C7": (35.6, 14.0, 270, "B"),
        "D2": (62.0, 4.0, 90, "B"), "D3": (62.0, 13.0, 90, "B"),
    }),
    # v1.10: through-hole parts on the back. Seen from the front the socket's pin order is mirrored:
    # pins 1-8 (charge pump, T2OUT, R2IN) in the right column from the top, 16-9 in the left one.
    "esp32-mep-v1.10": dict(COMMON, **{
        "J7": (6.0, 17.74, 0, "B"), "JP2": (6.6, 8.1, 0, "B"),
        "U1": (65.5, 1.7, 180, "B"),
        "C1": (68.65, 1.3, 270, "B"), "C3": (68.65, 6.1, 270, "B"), "C2": (68.65, 10.9, 270, "B"),
        "C4": (68.65, 15.7, 270, "B"), "C5": (52.6, 1.4, 0, "B"),
        "R4": (38.04, 10.14, 180, "B"), "R3": (38.04, 13.0, 180, "B"), "R1": (36.4, 17.4, 0, "B"),
        "R2": (6.0, 4.0, 0, "B"),
        "R5": (57.2, 23.2, 0, "B"), "R6": (57.2, 26.0, 0, "B"), "D1": (43.5, 9.0, 0, "B"), "R7": (43.5, 13.0, 0, "B"),
    }),
}

# F.Cu under the ESP32 module body: no tracks and no vias (the module's underside sits there).
MODULE_BODY = (15.2, 2.2, 30.8, 20.0)

# Hand routes laid before the maze router runs: (net, [(layer, x, y), ...]); a layer change at
# the same point is a via. The three UART2/ENABLE lines cross under the ESP32 on B.Cu, between
# the buck module's pads, at the height of the module pins they start from.
_TTL_Y = {"/RXD2_TTL": 5.06, "/TXD2_TTL": 6.33, "/ENABLE_TTL": 7.6}
_TTL = [(net, [("F", 14.05, y), ("F", 12.6, y), ("B", 12.6, y), ("B", 33.6, y), ("F", 33.6, y),
               ("F", 40.025, y)]) for net, y in _TTL_Y.items()]
# The console lines from the module's left pins 34/35 to J5 4/5, on F.Cu between JP2 and J7.
_CONSOLE = [("/ESP_RXD0", [("F", 14.05, 13.95), ("F", 12.2, 13.95), ("F", 11.2, 12.95), ("F", 4.6, 12.95),
                           ("F", 2.6, 10.95), ("F", 2.6, 10.62)]),
            ("/ESP_TXD0", [("F", 14.05, 15.22), ("F", 12.9, 15.22), ("F", 11.43, 13.75), ("F", 4.0, 13.75),
                           ("F", 2.6, 13.16)])]
PREROUTES = {
    "esp32-mep-v2.00": _TTL,
    # v2.10 also: J5 VCC straight into JP2, and the buck output from J7 3 under J7 4 into J4 on the back
    "esp32-mep-v2.10": _TTL + _CONSOLE + [("/J5_VCC", [("F", 2.6, 8.08), ("F", 5.95, 8.08)]),
                               ("/BUCK_OUT", [("B", 7.0, 17.74), ("B", 7.0, 19.2), ("B", 12.0, 19.2), ("B", 12.0, 16.0)]),
                               # EN from Q1's collector (back, beside J5) under the buck module on B.Cu, up beside
                               # the module's right pins on F.Cu into pin 3
                               ("/ESP_EN", [("B", 8.94, 10.0), ("B", 9.94, 11.0), ("B", 33.0, 11.0), ("F", 33.0, 11.0),
                                            ("F", 33.0, 16.49), ("F", 31.55, 16.49)]),
                               # RTS from J5 7 up between J5 and the back's auto-reset parts to R9; DTR from J5 6
                               # across on F.Cu, then on the back up to R8
                               ("/RTS", [("B", 2.6, 18.24), ("B", 3.95, 16.89), ("B", 3.95, 7.31), ("B", 5.4, 7.31)]),
                               ("/DTR", [("F", 2.6, 15.7), ("F", 4.6, 15.7), ("B", 4.6, 15.7), ("B", 4.6, 13.9),
                                         ("B", 5.0, 13.21)]),
                               # IO0 straight from the module's pin 25 into R2, and from R2 down to J7 1 (under the
                               # console lines on the back)
                               ("/ESP_PROGRAM", [("F", 14.05, 2.52), ("F", 11.41, 2.52), ("F", 11.41, 4.0), ("F", 9.0, 4.0),
                                                 ("F", 9.0, 11.5), ("F", 8.3, 12.2), ("B", 8.3, 12.2), ("B", 7.0, 13.5),
                                                 ("B", 7.0, 15.2)]),
                               # J7 4 (+3V3) past the module's lower left pins, under the module on B.Cu to a via in
                               # C8's +3V3 pad at VDD
                               ("+3V3", [("F", 9.54, 17.74), ("F", 12.6, 17.74), ("F", 12.6, 18.0), ("B", 12.6, 18.0),
                                         ("B", 33.39, 18.0), ("F", 33.39, 18.0)])],
    "esp32-mep-v1.10": _CONSOLE,
}
