#!/usr/bin/python3
"""Writes/updates the project files beside each board: sym-lib-table, fp-lib-table and the
.kicad_pro settings that make ERC and DRC strict (so real problems are errors, never silent).
Usage: gen_project.py <hardware dir>
"""
import json
import os
import sys

import circuit

SYM_LIBS = ["Device", "Interface_UART", "RF_Module", "Connector_Generic", "Jumper", "Transistor_BJT", "power"]

# ERC: everything that means a wrong circuit or a broken file is an error.
ERC_ERRORS = ["pin_not_connected", "pin_not_driven", "power_pin_not_driven", "pin_to_pin", "no_connect_connected",
              "no_connect_dangling", "label_dangling", "wire_dangling", "unconnected_wire_endpoint", "similar_labels",
              "similar_power", "similar_label_and_power", "multiple_net_names", "net_not_bus_member", "lib_symbol_issues",
              "lib_symbol_mismatch", "footprint_link_issues", "missing_power_pin", "different_unit_net",
              "duplicate_reference", "unannotated", "extra_units", "different_unit_footprint", "missing_unit",
              "endpoint_off_grid", "global_label_dangling", "single_global_label", "unresolved_variable",
              "isolated_pin_label", "four_way_junction", "bus_to_net_conflict", "conflicting_netclasses",
              "missing_bidi_pin", "missing_input_pin", "power_pin_not_driven"]
# DRC: parity findings default to warnings in KiCad 9; make them errors.
DRC_ERRORS = ["missing_footprint", "extra_footprint", "duplicate_footprints", "net_conflict",
              "footprint_symbol_mismatch", "schematic_parity", "track_dangling", "via_dangling",
              "unconnected_items", "clearance", "copper_edge_clearance", "hole_clearance", "hole_to_hole",
              "drill_out_of_range", "track_width", "annular_width", "via_diameter", "shorting_items",
              "items_not_allowed", "courtyards_overlap", "footprint_type_mismatch", "invalid_outline",
              "npth_inside_courtyard", "pth_inside_courtyard", "padstack", "lib_footprint_mismatch",
              "lib_footprint_issues", "solder_mask_bridge", "starved_thermal", "malformed_courtyard",
              "missing_courtyard", "text_height", "text_thickness", "zones_intersect", "isolated_copper",
              "nonmirrored_text_on_back_layer", "mirrored_text_on_front_layer"]


def write_tables(d):
    with open(os.path.join(d, "sym-lib-table"), "w") as f:
        f.write("(sym_lib_table\n  (version 7)\n")
        for lib in SYM_LIBS:
            f.write('  (lib (name "%s")(type "KiCad")(uri "${KICAD9_SYMBOL_DIR}/%s.kicad_sym")(options "")(descr ""))\n'
                    % (lib, lib))
        f.write(")\n")
    fps = sorted({p.footprint.split(":")[0] for b in circuit.BOARDS for p in circuit.parts(b).values()}
                 | {"MountingHole"})
    with open(os.path.join(d, "fp-lib-table"), "w") as f:
        f.write("(fp_lib_table\n  (version 7)\n")
        for lib in fps:
            uri = "${KIPRJMOD}/../lib/mepkit.pretty" if lib == "mepkit" else "${KICAD9_FOOTPRINT_DIR}/%s.pretty" % lib
            f.write('  (lib (name "%s")(type "KiCad")(uri "%s")(options "")(descr ""))\n' % (lib, uri))
        f.write(")\n")


def update_pro(path, board):
    pro = {}
    if os.path.exists(path):
        with open(path) as f:
            pro = json.load(f)
    pro.setdefault("meta", {"filename": os.path.basename(path), "version": 3})
    erc = pro.setdefault("erc", {})
    sev = erc.setdefault("rule_severities", {})
    for k in ERC_ERRORS:
        sev[k] = "error"
    ds = pro.setdefault("board", {}).setdefault("design_settings", {})
    rs = ds.setdefault("rule_severities", {})
    for k in DRC_ERRORS:
        rs[k] = "error"
    # project footprints (mepkit:*, buck pads) deliberately differ from the generic symbols' filters
    rs["footprint_filters_mismatch"] = "ignore"
    rs["silk_edge_clearance"] = "warning"
    rs["silk_overlap"] = "warning"
    rs["silk_over_copper"] = "warning"
    with open(path, "w") as f:
        json.dump(pro, f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    hw = sys.argv[1]
    for b in circuit.BOARDS:
        d = os.path.join(hw, b)
        os.makedirs(d, exist_ok=True)
        write_tables(d)
        update_pro(os.path.join(d, b + ".kicad_pro"), b)
        print("project files for", b)
