"""Draws schematic wires the way a person would: short nets as orthogonal wires between the
pins (straight, L or Z shaped), long ones left to net labels.

A wire may not touch a pin or a wire of another net, may not run through a symbol body and may
not lie on top of a wire of its own net; it may cross another net's wire at right angles (no
junction, so no connection). A net is wired completely or not at all; a net that cannot be wired
gets labels. Wire ends that meet a wire in its middle get a junction dot.
"""

G = 1.27


def _r(v):
    return round(round(v / G) * G, 4)


class Seg:
    def __init__(self, a, b, net):
        self.a, self.b, self.net = a, b, net

    @property
    def horizontal(self):
        return self.a[1] == self.b[1]

    def box(self):
        return (min(self.a[0], self.b[0]), min(self.a[1], self.b[1]), max(self.a[0], self.b[0]), max(self.a[1], self.b[1]))

    def contains(self, p, interior=False):
        x0, y0, x1, y1 = self.box()
        if not (x0 - 1e-6 <= p[0] <= x1 + 1e-6 and y0 - 1e-6 <= p[1] <= y1 + 1e-6):
            return False
        if interior and (_same(p, self.a) or _same(p, self.b)):
            return False
        return True


def _same(p, q):
    return abs(p[0] - q[0]) < 1e-6 and abs(p[1] - q[1]) < 1e-6


def _intersects(s, t):
    """(touching, crossing_at_right_angles_in_both_interiors, collinear_overlap)."""
    sx0, sy0, sx1, sy1 = s.box()
    tx0, ty0, tx1, ty1 = t.box()
    if sx1 < tx0 - 1e-6 or tx1 < sx0 - 1e-6 or sy1 < ty0 - 1e-6 or ty1 < sy0 - 1e-6:
        return False, False, False
    if s.horizontal == t.horizontal:
        return True, False, True
    h, v = (s, t) if s.horizontal else (t, s)
    p = (v.a[0], h.a[1])
    proper = h.contains(p, interior=True) and v.contains(p, interior=True)
    return True, proper, False


class Wiring:
    def __init__(self, pins, bodies):
        """pins: list of (point, net, outward (dx, dy)); bodies: rectangles (x0, y0, x1, y1)."""
        self.pins = pins
        self.bodies = bodies
        self.segs = []
        self.labelled = []

    def _blocked(self, seg, net, allow_points):
        for (p, n, _) in self.pins:
            # other nets' pins never; own pins only where the wire starts or ends
            if seg.contains(p) and (n != net or not any(_same(p, q) for q in allow_points)):
                return True
        bx0, by0, bx1, by1 = seg.box()
        for (x0, y0, x1, y1) in self.bodies:
            if bx1 >= x0 and bx0 <= x1 and by1 >= y0 and by0 <= y1:
                return True
        for t in self.segs:
            touch, cross, overlap = _intersects(seg, t)
            if touch and (overlap or (t.net != net and not cross)):
                return True
        return False

    def _path_ok(self, pts, net, start, end):
        segs = [Seg(a, b, net) for a, b in zip(pts, pts[1:]) if not _same(a, b)]
        for k, s in enumerate(segs):
            allow = []
            if k == 0:
                allow.append(start)
            if k == len(segs) - 1:
                allow.append(end)
            if self._blocked(s, net, allow):
                return None
        # a path may not run back over itself
        for i in range(len(segs)):
            for j in range(i + 2, len(segs)):
                if _intersects(segs[i], segs[j])[0]:
                    return None
        return segs

    def _candidates(self, p, out, q, q_out):
        px, py = p
        qx, qy = q
        c = []
        if px == qx or py == qy:
            c.append([p, q])
        c.append([p, (qx, py), q])
        c.append([p, (px, qy), q])
        lo, hi = min(px, qx), max(px, qx)
        steps = int(round((hi - lo) / G))
        for k in range(1, steps):
            xm = _r(lo + k * G)
            c.append([p, (xm, py), (xm, qy), q])
        lo, hi = min(py, qy), max(py, qy)
        steps = int(round((hi - lo) / G))
        for k in range(1, steps):
            ym = _r(lo + k * G)
            c.append([p, (px, ym), (qx, ym), q])
        # detours outside the box, in the pin's own direction first
        for d in (2.54, 5.08, 7.62):
            if q_out and q_out[0]:
                xm = _r(qx + q_out[0] * d)
                c.append([p, (xm, py), (xm, qy), q])
            if q_out and q_out[1]:
                ym = _r(qy + q_out[1] * d)
                c.append([p, (px, ym), (qx, ym), q])
            if out[0]:
                xm = _r(px + out[0] * d)
                c.append([p, (xm, py), (xm, qy), q])
            if out[1]:
                ym = _r(py + out[1] * d)
                c.append([p, (px, ym), (qx, ym), q])

        def good(path):
            # leave a pin outwards or sideways, never back into its symbol; arrive the same way
            pts = [a for k, a in enumerate(path) if k == 0 or not _same(a, path[k - 1])]
            if len(pts) < 2:
                return False
            first = (pts[1][0] - pts[0][0], pts[1][1] - pts[0][1])
            if out and first[0] * out[0] + first[1] * out[1] < -1e-6:
                return False
            if q_out:
                last = (pts[-2][0] - pts[-1][0], pts[-2][1] - pts[-1][1])
                if last[0] * q_out[0] + last[1] * q_out[1] < -1e-6:
                    return False
            return True

        def cost(path):
            length = sum(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in zip(path, path[1:]))
            bends = sum(1 for a, b in zip(path, path[1:]) if not _same(a, b)) - 1
            return length + 6 * bends
        return sorted((x for x in c if good(x)), key=cost)

    def _targets(self, net, tree, p):
        out = list(tree)
        for s in [s for s in self.segs if s.net == net]:
            x0, y0, x1, y1 = s.box()
            n = int(round((x1 - x0 + y1 - y0) / G))
            step = max(1, n // 24)
            pts = [(_r(x0 + (k * G if x1 > x0 else 0)), _r(y0 + (k * G if y1 > y0 else 0))) for k in range(0, n + 1, step)]
            pts.append((_r(min(max(p[0], x0), x1)), _r(min(max(p[1], y0), y1))))
            out += [(q, None) for q in pts]
        return out

    def _best(self, net, tree, todo, max_len):
        best = None
        for k, (p, o) in enumerate(todo):
            for q, qo in self._targets(net, tree, p):
                if abs(p[0] - q[0]) + abs(p[1] - q[1]) > max_len:
                    continue
                for path in self._candidates(p, o, q, qo)[:300]:
                    segs = self._path_ok(path, net, p, q)
                    if segs is not None:
                        c = sum(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in zip(path, path[1:])) + 6 * (len(segs) - 1)
                        if best is None or c < best[0]:
                            best = (c, k, segs)
                        break
        return best

    def wire_net(self, net, max_len):
        """Wires the net's pins in clusters (no wire longer than max_len); returns the clusters' pin lists."""
        pins = [(p, o) for (p, n, o) in self.pins if n == net]
        clusters = []
        todo = list(pins)
        while todo:
            tree = [todo.pop(0)]
            while todo:
                best = self._best(net, tree, todo, max_len)
                if best is None:
                    break
                _, k, segs = best
                self.segs.extend(segs)
                tree.append(todo.pop(k))
            clusters.append(tree)
        return clusters

    def free_stub(self, p, d, net, length=2.54):
        """The end of a stub from pin p in direction d when it touches nothing of another net, else None."""
        e = (_r(p[0] + d[0] * length), _r(p[1] + d[1] * length))
        seg = Seg(p, e, net)
        return None if self._blocked(seg, net, [p]) else e

    def junctions(self):
        """Points where a wire end meets the middle of another wire of the same net, or 3+ wire ends meet."""
        out = []
        ends = {}
        for s in self.segs:
            for p in (s.a, s.b):
                ends.setdefault((round(p[0], 3), round(p[1], 3), s.net), []).append(s)
        for (x, y, net), lst in ends.items():
            p = (x, y)
            mid = [t for t in self.segs if t.net == net and t.contains(p, interior=True)]
            pin_here = any(_same(p, q) and n == net for q, n, _ in self.pins)
            if mid or len(lst) + (1 if pin_here else 0) >= 3:
                out.append(p)
        return sorted(set(out))
