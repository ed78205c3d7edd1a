#!/usr/bin/python3
"""Fails when the schematic's exported netlist differs from circuit.py (a stray wire end, a label
on the wrong pin): every net of circuit.nets(board) must come out with exactly its pins, and no
other net may join two or more pins. Usage: check_netlist.py <board> <netlist.net>
"""
import sys

import circuit
import sexpr


def main(board, path):
    with open(path, encoding="utf-8") as f:
        tree = sexpr.parse(f.read())
    got = {}
    for n in sexpr.find(tree, "nets")[1:]:
        name = str(sexpr.find(n, "name")[1]).lstrip("/")
        pins = sorted("%s.%s" % (sexpr.find(x, "ref")[1], sexpr.find(x, "pin")[1])
                      for x in n if isinstance(x, list) and x[0] == "node")
        got[name] = pins
    problems = []
    for name, pins in circuit.nets(board).items():
        pins = pins + circuit.STACKED.get(name, [])
        if sorted(pins) != got.get(name):
            problems.append("net %s: circuit.py %s, schematic %s" % (name, sorted(pins), got.get(name)))
    for name, pins in got.items():
        if name not in circuit.nets(board) and len(pins) > 1:
            problems.append("schematic net %s joins %s, which circuit.py does not" % (name, pins))
    for p in problems:
        print("check_netlist: %s: %s" % (board, p), file=sys.stderr)
    if problems:
        sys.exit(1)
    print("check_netlist: %s: %d nets as in circuit.py" % (board, len(circuit.nets(board))))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
