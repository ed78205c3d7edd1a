"""The ESP32-MEP circuit: one description shared by both boards (v1.10 THT, v2.00 SMD).

Only the footprints, the placement and the routing differ between the boards; the parts,
values and nets below are the single source for both schematics.
Net names follow firmware-spec's pinmap-esp32-mep.json (checked by `mep hw check`).
"""

BOARDS = {
    "esp32-mep-v1.10": {"rev": "1.10", "kind": "THT", "title": "ESP32-MEP meter interface, through-hole"},
    "esp32-mep-v2.00": {"rev": "2.00", "kind": "SMD", "title": "ESP32-MEP meter interface, SMD"},
}

R_THT = "Resistor_THT:R_Axial_DIN0204_L3.6mm_D1.6mm_P2.54mm_Vertical"
R_SMD = "Resistor_SMD:R_0805_2012Metric"
C_THT = "Capacitor_THT:C_Disc_D3.0mm_W1.6mm_P2.50mm"
C_SMD = "Capacitor_SMD:C_0805_2012Metric"
PAD4 = "TestPoint:TestPoint_Pad_4.0x4.0mm"

# ref: (lib_id, value, THT footprint, SMD footprint, MPN, LCSC for the SMD board or "")
PARTS = {
    "U2": ("RF_Module:ESP32-WROOM-32E", "ESP32-WROOM-32E", "mepkit:ESP32-WROOM-32E_NoHoles", "mepkit:ESP32-WROOM-32E_NoHoles", "ESP32-WROOM-32E-N4", ""),
    "U1": ("Interface_UART:MAX3232", "MAX3232", "Package_DIP:DIP-16_W7.62mm_Socket", "Package_SO:SOIC-16_3.9x9.9mm_P1.27mm", "MAX3232ESE+", ""),
    "C1": ("Device:C", "100nF", C_THT, C_SMD, "100nF X7R 50V", "C49678"),
    "C2": ("Device:C", "100nF", C_THT, C_SMD, "100nF X7R 50V", "C49678"),
    "C3": ("Device:C", "100nF", C_THT, C_SMD, "100nF X7R 50V", "C49678"),
    "C4": ("Device:C", "100nF", C_THT, C_SMD, "100nF X7R 50V", "C49678"),
    "C5": ("Device:C", "100nF", C_THT, C_SMD, "100nF X7R 50V", "C49678"),
    "D1": ("Device:D", "1N4148", "Diode_THT:D_DO-35_SOD27_P2.54mm_Vertical_AnodeUp", "Diode_SMD:D_SOD-123", "1N4148W", ""),
    "R1": ("Device:R", "10k", R_THT, R_SMD, "10k 1%", "C17414"),
    "R2": ("Device:R", "10k", R_THT, R_SMD, "10k 1%", "C17414"),
    "R3": ("Device:R", "0R", R_THT, R_SMD, "0R jumper", "C17477"),
    "R4": ("Device:R", "0R", R_THT, R_SMD, "0R jumper", "C17477"),
    "R5": ("Device:R", "0R", R_THT, R_SMD, "0R jumper", "C17477"),
    "R6": ("Device:R", "0R", R_THT, R_SMD, "0R jumper", "C17477"),
    "R7": ("Device:R", "0R", R_THT, R_SMD, "0R jumper", "C17477"),
    "J1": ("Connector_Generic:Conn_01x01", "Buck VIN-", PAD4, PAD4, "", ""),
    "J2": ("Connector_Generic:Conn_01x01", "Buck VIN+", PAD4, PAD4, "", ""),
    "J3": ("Connector_Generic:Conn_01x01", "Buck VOUT-", PAD4, PAD4, "", ""),
    "J4": ("Connector_Generic:Conn_01x01", "Buck VOUT+", PAD4, PAD4, "", ""),
    "J5": ("Connector_Generic:Conn_01x06", "FTDI 3V3", "Connector_PinHeader_2.54mm:PinHeader_1x06_P2.54mm_Vertical",
           "Connector_PinHeader_2.54mm:PinHeader_1x06_P2.54mm_Vertical", "", ""),
    "J6": ("Connector_Generic:Conn_02x03_Top_Bottom", "MEP meter", "mepkit:MEP_2x03_P2.54mm_Horizontal",
           "mepkit:MEP_2x03_P2.54mm_Horizontal", "2x03 right-angle header 2.54mm", ""),
    "J7": ("Connector_Generic:Conn_02x02_Odd_Even", "PROG/PWR", "Connector_PinHeader_2.54mm:PinHeader_2x02_P2.54mm_Vertical",
           "Connector_PinHeader_2.54mm:PinHeader_2x02_P2.54mm_Vertical", "", ""),
}

# Buck module pads: copper only, the module itself is bought separately (not in the BOM).
NOT_IN_BOM = {"J1", "J2", "J3", "J4"}

# Parts not fitted in the default variant (r4-switched): R3 (see hardware/variants.json).
DNP_DEFAULT = {"R3"}

# net name -> list of "REF.PIN". Names become "/NAME" (local labels) unless they are power nets.
POWER_NETS = {"GND", "+3V3", "+24V"}
NETS = {
    "GND": ["U2.1", "U1.15", "U1.13", "C3.2", "C4.2", "C5.2", "J1.1", "J3.1", "J5.1", "J6.1", "J7.2"],
    "+3V3": ["U2.2", "R1.2", "R2.2", "R3.2", "J5.3", "J7.4"],
    "+24V": ["J6.5", "J2.1"],
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
# Nets without a driver of their own that need a PWR_FLAG for ERC.
PWR_FLAG_NETS = ["GND", "+3V3", "+24V", "MAX_VCC"]


def footprint(ref, board):
    part = PARTS[ref]
    return part[2] if BOARDS[board]["kind"] == "THT" else part[3]
