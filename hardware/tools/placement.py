"""Hand placement of both boards (board coordinates in mm: origin = top-left corner seen from
the front, x right, y down). (x, y, rotation in degrees, side) per reference.

The outline is 70 x 28 mm with a 28 x 8 mm notch under the ESP32 antenna (x 9..37, y 20..28).
U2 is placed so its top pads keep 0.5 mm from the top edge and pads 1/38 keep 0.5 mm from the
notch. J6 sits where the meter's MEP socket is (its long pins lie over the board towards the top).
The buck module (about 23 x 17 mm) is soldered flat on the back over J1..J4.
"""

WIDTH, HEIGHT = 70.0, 28.0
NOTCH = (9.0, 20.0, 37.0, 28.0)          # x0, y0, x1, y1
HOLES = {"H1": (5.0, 25.0), "H2": (65.0, 25.0)}

COMMON = {
    "U2": (22.8, 13.77, 180, "F"),
    "J6": (49.0, 22.0, 90, "F"),
    "J5": (2.6, 3.0, 0, "F"),
    "J7": (7.0, 15.2, 0, "F"),
    "J3": (13.0, 2.5, 0, "B"), "J4": (13.0, 14.5, 0, "B"),
    "J1": (32.0, 2.5, 0, "B"), "J2": (32.0, 14.5, 0, "B"),
}

PLACE = {
    "esp32-mep-v2.00": dict(COMMON, **{
        "U1": (42.5, 9.505, 180, "F"),
        "C4": (43.0, 5.4, 0, "B"), "C2": (43.0, 7.6, 0, "B"), "C3": (43.0, 9.8, 0, "B"),
        "C1": (43.0, 12.0, 0, "B"), "C5": (43.0, 14.2, 0, "B"),
        "R4": (36.5, 11.2, 180, "F"), "R3": (36.5, 13.6, 180, "F"), "R1": (34.3, 17.1, 270, "F"),
        "R2": (10.5, 2.5, 0, "F"),
        "R5": (59.0, 3.0, 0, "F"), "R6": (59.0, 6.0, 0, "F"), "D1": (59.5, 10.0, 0, "F"), "R7": (59.0, 14.0, 0, "F"),
    }),
    "esp32-mep-v1.10": dict(COMMON, **{
        "U1": (65.62, 19.48, 180, "F"),
        "C4": (68.6, 1.1, 270, "F"), "C2": (68.6, 5.8, 270, "F"), "C3": (68.6, 10.5, 270, "F"),
        "C1": (68.6, 15.2, 270, "F"), "C5": (57.5, 23.5, 0, "F"),
        "R4": (38.04, 10.14, 180, "F"), "R3": (38.04, 13.0, 180, "F"), "R1": (35.5, 16.8, 0, "F"),
        "R2": (7.5, 7.0, 0, "F"),
        "R5": (49.0, 2.0, 0, "F"), "R6": (49.0, 5.5, 0, "F"), "D1": (42.0, 17.5, 0, "F"), "R7": (42.0, 3.0, 0, "F"),
    }),
}

# F.Cu under the ESP32 module body: no tracks and no vias (the module's underside sits there).
MODULE_BODY = (15.2, 2.2, 30.8, 20.0)

# Hand routes laid before the maze router runs: (net, [(layer, x, y), ...]); a layer change at
# the same point is a via. The three UART2/ENABLE lines cross under the ESP32 on B.Cu, between
# the buck module's pads, at the height of the module pins they start from.
_TTL_Y = {"/RXD2_TTL": 5.06, "/TXD2_TTL": 6.33, "/ENABLE_TTL": 7.6}
PREROUTES = {
    "esp32-mep-v2.00": [(net, [("F", 14.05, y), ("F", 12.6, y), ("B", 12.6, y), ("B", 33.6, y), ("F", 33.6, y),
                               ("F", 40.025, y)]) for net, y in _TTL_Y.items()],
    "esp32-mep-v1.10": [],
}
