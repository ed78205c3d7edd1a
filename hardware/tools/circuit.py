"""The ESP32-MEP circuits: v1.10 (THT) and v2.00 (SMD) share one circuit; v2.10 (SMD) adds
auto-reset, an EN delay, +3V3 bulk capacitance, 24 V input protection and JP1 instead of R3/R4.

Only footprints, placement and routing differ between v1.10 and v2.00. Net names follow
firmware-spec's pin maps (checked by `mep hw check`).

Assembly fields per part: `LCSC` (the part JLCPCB places) or `Assembly` = "hand-soldered"
(kept out of the JLCPCB BOM and CPL). Every fitted part in the BOM has one of the two; the
fab check (`mep hw fab`) fails otherwise.
"""

BOARDS = {
    "esp32-mep-v1.10": {"rev": "1.10", "kind": "THT", "title": "ESP32-MEP meter interface, through-hole"},
    "esp32-mep-v2.00": {"rev": "2.00", "kind": "SMD", "title": "ESP32-MEP meter interface, SMD"},
    "esp32-mep-v2.10": {"rev": "2.10", "kind": "SMD", "title": "ESP32-MEP meter interface, SMD with auto-reset"},
}
DATE = "2026-12-02"
HAND = "hand-soldered"

R_THT = "Resistor_THT:R_Axial_DIN0204_L3.6mm_D1.6mm_P2.54mm_Vertical"
R_SMD = "Resistor_SMD:R_0805_2012Metric"
# radial 100 nF MLCCs (e.g. typically 3.8 x 2.3 mm bodies on 2.54 mm leads) fit D3.8 x W2.6 P2.50
C_THT = "Capacitor_THT:C_Disc_D3.8mm_W2.6mm_P2.50mm"
C_SMD = "Capacitor_SMD:C_0805_2012Metric"
PAD4 = "TestPoint:TestPoint_Pad_4.0x4.0mm"
HDR = "Connector_PinHeader_2.54mm:PinHeader_1x%02d_P2.54mm_Vertical"


class Part:
    def __init__(self, lib_id, value, footprint, mpn="", lcsc="", assembly="", in_bom=True):
        self.lib_id, self.value, self.footprint = lib_id, value, footprint
        self.mpn, self.lcsc, self.assembly, self.in_bom = mpn, lcsc, assembly, in_bom


def _both(kind, tht, smd):
    return tht if kind == "THT" else smd


def parts(board):
    """ref -> Part for one board."""
    kind = BOARDS[board]["kind"]
    v210 = board == "esp32-mep-v2.10"

    def passive(lib, value, fp_tht, fp_smd, mpn, lcsc):
        if kind == "THT":
            return Part(lib, value, fp_tht, mpn, "", HAND)
        return Part(lib, value, fp_smd, mpn, lcsc)

    p = {
        "U2": Part("RF_Module:ESP32-WROOM-32E", "ESP32-WROOM-32E", "mepkit:ESP32-WROOM-32E_NoHoles",
                   "ESP32-WROOM-32E-N4", "C701341"),
        "U1": Part("Interface_UART:MAX3232", "MAX3232", "Package_DIP:DIP-16_W7.62mm_Socket", "MAX3232CPE+ in a DIP-16 socket",
                   "", HAND) if kind == "THT" else
        Part("Interface_UART:MAX3232", "MAX3232", "Package_SO:SOIC-16_3.9x9.9mm_P1.27mm",
             "SP3232EEN-L/TR (MAX3232 pin-compatible)", "C9378"),
        "D1": passive("Device:D", "1N4148", "Diode_THT:D_DO-35_SOD27_P2.54mm_Vertical_AnodeUp", "Diode_SMD:D_SOD-123",
                      "1N4148W" if kind == "SMD" else "1N4148", "C81598"),
        "J1": Part("Connector_Generic:Conn_01x01", "Buck VIN-", PAD4, in_bom=False),
        "J2": Part("Connector_Generic:Conn_01x01", "Buck VIN+", PAD4, in_bom=False),
        "J3": Part("Connector_Generic:Conn_01x01", "Buck VOUT-", PAD4, in_bom=False),
        "J4": Part("Connector_Generic:Conn_01x01", "Buck VOUT+", PAD4, in_bom=False),
        "J5": Part("Connector_Generic:Conn_01x07" if v210 else "Connector_Generic:Conn_01x06",
                   "FTDI 3V3 +DTR/RTS" if v210 else "FTDI 3V3", HDR % (7 if v210 else 6),
                   "1x%02d pin header 2.54 mm" % (7 if v210 else 6), "", HAND),
        "J6": Part("Connector_Generic:Conn_02x03_Top_Bottom", "MEP meter", "mepkit:MEP_2x03_P2.54mm_Horizontal",
                   "2x03 right-angle header 2.54 mm", "", HAND),
        "J7": Part("Connector_Generic:Conn_02x02_Odd_Even", "PROG/PWR",
                   "Connector_PinHeader_2.54mm:PinHeader_2x02_P2.54mm_Vertical", "2x02 pin header 2.54 mm + 2 jumpers",
                   "", HAND),
        "JP2": Part("Jumper:SolderJumper_2_Open", "J5 VCC", "Jumper:SolderJumper-2_P1.3mm_Open_RoundedPad1.0x1.5mm",
                    in_bom=False),
    }
    for c in ("C1", "C2", "C3", "C4", "C5"):
        p[c] = passive("Device:C", "100nF", C_THT, C_SMD, "100nF X7R 50V", "C49678")
    for r in ("R1", "R2"):
        p[r] = passive("Device:R", "10k", R_THT, R_SMD, "10k 1%", "C17414")
    for r in ("R5", "R6", "R7") + (() if v210 else ("R3", "R4")):
        p[r] = passive("Device:R", "0R", R_THT, R_SMD, "0R jumper", "C17477")
    if v210:
        p["JP1"] = Part("Jumper:SolderJumper_3_Bridged12", "MAX3232 supply",
                        "Jumper:SolderJumper-3_P1.3mm_Bridged12_RoundedPad1.0x1.5mm", in_bom=False)
        for q in ("Q1", "Q2"):
            p[q] = Part("Transistor_BJT:Q_NPN_BEC", "S8050", "Package_TO_SOT_SMD:SOT-23", "S8050 (J3Y) NPN", "C2146")
        for r in ("R8", "R9"):
            p[r] = Part("Device:R", "10k", R_SMD, "10k 1%", "C17414")
        p["C6"] = Part("Device:C", "1uF", C_SMD, "1uF X7R 50V", "C28323")
        p["C7"] = Part("Device:C", "10uF", C_SMD, "10uF X5R 25V", "C15850")
        p["C8"] = Part("Device:C", "100nF", C_SMD, "100nF X7R 50V", "C49678")
        p["D2"] = Part("Device:D_Schottky", "SS14", "Diode_SMD:D_SMA", "SS14 40 V 1 A Schottky", "C2480")
        p["D3"] = Part("Device:D_Zener", "SMAJ28A", "Diode_SMD:D_SMA", "SMAJ28A 28 V TVS", "C353458")
    return p


# Parts not fitted in the default variant (r4-switched): R3 (see hardware/variants.json).
DNP_DEFAULT = {"R3"}

# net name -> list of "REF.PIN". Names become "/NAME" (local labels) unless they are power nets.
POWER_NETS = {"GND", "+3V3", "+24V"}
_COMMON_NETS = {
    "GND": ["U2.1", "U1.15", "U1.13", "C3.2", "C4.2", "C5.2", "J1.1", "J3.1", "J5.1", "J6.1", "J7.2"],
    "+3V3": ["U2.2", "R1.2", "R2.2", "R3.2", "JP2.2", "J7.4"],
    "+24V": ["J6.5", "J2.1"],
    "J5_VCC": ["J5.3", "JP2.1"],
    "BUCK_OUT": ["J4.1", "J7.3"],
    "ESP_EN": ["U2.3", "R1.1"],
    "ESP_PROGRAM": ["U2.25", "R2.1", "J7.1"],
    "ESP_RXD0": ["U2.34", "J5.4"],
    "ESP_TXD0": ["U2.35", "J5.5"],
    "RS3232_ENABLE": ["U2.8", "R4.2"],
    "MAX_VCC": ["U1.16", "C5.1", "R3.1", "R4.1"],
    "RXD2_TTL": ["U2.27", "U1.9"],
    "TXD2_TTL": ["U2.28", "U1.10"],
    "ENABLE_TTL": ["U2.29", "U1.11"],
    "C1P": ["U1.1", "C1.1"],
    "C1N": ["U1.3", "C1.2"],
    "C2P": ["U1.4", "C2.1"],
    "C2N": ["U1.5", "C2.2"],
    "VPLUS": ["U1.2", "C3.1"],
    "VMINUS": ["U1.6", "C4.1"],
    "T2OUT": ["U1.7", "R5.1"],
    "R2IN": ["U1.8", "R6.1"],
    "T1OUT": ["U1.14", "D1.2"],
    "ENABLE_D": ["D1.1", "R7.1"],
    "TXD": ["R5.2", "J6.3"],
    "RXD": ["R6.2", "J6.4"],
    "ENABLE": ["R7.2", "J6.2"],
}


def nets(board):
    n = {k: list(v) for k, v in _COMMON_NETS.items()}
    if board == "esp32-mep-v2.10":
        # JP1 (1 GPIO32, 2 MAX3232 VCC, 3 +3V3) instead of R4 / R3
        n["RS3232_ENABLE"] = ["U2.8", "JP1.1"]
        n["MAX_VCC"] = ["U1.16", "C5.1", "JP1.2"]
        n["+3V3"] = ["U2.2", "R1.2", "R2.2", "JP1.3", "JP2.2", "J7.4", "C7.1", "C8.1"]
        n["GND"] += ["C6.2", "C7.2", "C8.2", "D3.2"]
        # 24 V input: D2 against reverse polarity, D3 clamps over-voltage, then the buck module
        n["+24V"] = ["J6.5", "D2.2"]
        n["BUCK_IN"] = ["D2.1", "D3.1", "J2.1"]
        # auto-reset (ESP32 dev-board circuit): DTR/RTS from J5 through Q1 (EN) and Q2 (IO0)
        n["ESP_EN"] = ["U2.3", "R1.1", "C6.1", "Q1.3"]
        n["ESP_PROGRAM"] = ["U2.25", "R2.1", "J7.1", "Q2.3"]
        n["DTR"] = ["J5.6", "R8.1", "Q2.2"]
        n["RTS"] = ["J5.7", "R9.1", "Q1.2"]
        n["Q1_B"] = ["R8.2", "Q1.1"]
        n["Q2_B"] = ["R9.2", "Q2.1"]
    return n


# Pins the symbol stacks under a visible one (the ESP32's extra GND pins): on the net with it.
STACKED = {"GND": ["U2.15", "U2.38", "U2.39"]}

# Nets without a driver of their own that need a PWR_FLAG for ERC.
PWR_FLAG_NETS = ["GND", "+3V3", "+24V", "MAX_VCC"]
