#!/usr/bin/python3
"""Writes the project footprint library hardware/lib/mepkit.pretty (run with /usr/bin/python3).

* ESP32-WROOM-32E_NoHoles: KiCad's RF_Module:ESP32-WROOM-32E without the twelve 0.2 mm
  thermal via holes in the exposed pad (JLCPCB's 2-layer minimum drill is 0.3 mm; the
  board puts its own 0.3 mm GND vias beside the module instead).
* MEP_2x03_P2.54mm_Horizontal: a 2x03 right-angle header whose pads are numbered like the
  meter's MEP pins: 1-2-3 along the outer row, 4-5-6 along the inner row (4 faces 1), with a
  "1" beside pad 1 on the silkscreen.
Usage: make_footprints.py <hardware dir>
"""
import os
import sys

import pcbnew

FPDIR = "/usr/share/kicad/footprints"
IO = pcbnew.PCB_IO_KICAD_SEXPR()


def save(libpath, fp):
    IO.FootprintSave(libpath, fp)


def esp32(lib):
    fp = IO.FootprintLoad(FPDIR + "/RF_Module.pretty", "ESP32-WROOM-32E")
    for pad in list(fp.Pads()):
        if pad.GetAttribute() == pcbnew.PAD_ATTRIB_PTH:
            fp.Remove(pad)
    fp.SetFPID(pcbnew.LIB_ID("mepkit", "ESP32-WROOM-32E_NoHoles"))
    fp.SetLibDescription("ESP32-WROOM-32E module (KiCad RF_Module footprint) without the 0.2 mm thermal via holes "
                         "in the exposed pad, for 2-layer boards with a 0.3 mm minimum drill")
    save(lib, fp)


def mep(lib):
    fp = IO.FootprintLoad(FPDIR + "/Connector_PinHeader_2.54mm.pretty", "PinHeader_2x03_P2.54mm_Horizontal")
    renumber = {"1": "1", "3": "2", "5": "3", "2": "4", "4": "5", "6": "6"}
    for pad in fp.Pads():
        pad.SetNumber(renumber[pad.GetNumber()])
    one = [p for p in fp.Pads() if p.GetNumber() == "1"][0].GetPosition()
    t = pcbnew.PCB_TEXT(fp)
    t.SetText("1")
    t.SetLayer(pcbnew.F_SilkS)
    t.SetTextSize(pcbnew.VECTOR2I(pcbnew.FromMM(1), pcbnew.FromMM(1)))
    t.SetTextThickness(pcbnew.FromMM(0.15))
    t.SetPosition(pcbnew.VECTOR2I(one.x - pcbnew.FromMM(2.6), one.y))
    fp.Add(t)
    fp.SetFPID(pcbnew.LIB_ID("mepkit", "MEP_2x03_P2.54mm_Horizontal"))
    fp.SetLibDescription("MEP meter connector, 2x03 right-angle pin header 2.54 mm, pads numbered like the meter's "
                         "MEP pins (1 GND, 2 ENABLE, 3 meter RXD / outer row; 4 meter TXD, 5 +24V, 6 NC / inner row)")
    fp.SetKeywords("MEP meter connector 2x03 right angle")
    save(lib, fp)


if __name__ == "__main__":
    pcbnew.KIID.SeedGenerator(20261125)   # deterministic UUIDs: regenerating changes nothing
    lib = os.path.join(sys.argv[1], "lib", "mepkit.pretty")
    os.makedirs(lib, exist_ok=True)
    mep(lib)    # before esp32(): after FOOTPRINT.Remove() the SWIG wrappers of later loads break
    esp32(lib)
    print("wrote", lib, sorted(os.listdir(lib)))
