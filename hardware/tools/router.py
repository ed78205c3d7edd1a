"""A small grid maze router for 2-layer boards (pcbnew objects in, tracks and vias out).

Grid of GRID mm per layer. Each cell says whether a track centre of some net may sit there:
0 = free, n > 0 = only net n (near its own copper), -1 = blocked. Obstacles are inflated by
clearance + half track width + MARGIN (half a grid diagonal), so every straight or diagonal
step between two legal cells keeps the clearance. Search is A* over (layer, cell, direction)
with a bend penalty, a via cost and a penalty on B.Cu (kept mostly as a GND plane).
Multi-pin nets grow a tree: each search starts from everything already connected.
"""
import heapq
import math

import pcbnew

GRID = 0.25
MARGIN = 0.19
DIRS = [(1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1), (0, -1), (1, -1)]
STEP = [1.0, math.sqrt(2)] * 4


class Router:
    def __init__(self, board, origin, width, height, clearance, track_w, via_d, via_drill,
                 edge_clear, inside, no_front=None, keepouts=()):
        self.board = board
        self.ox, self.oy = origin
        self.nx = int(round(width / GRID)) + 1
        self.ny = int(round(height / GRID)) + 1
        self.clear = clearance
        self.tw = track_w
        self.via_d = via_d
        self.via_drill = via_drill
        self.grid = [[0] * (self.nx * self.ny) for _ in range(2)]   # layer 0 = F.Cu, 1 = B.Cu
        self.pad_cell = [set(), set()]                                # cells inside a pad (never overwritten)
        self.no_via = set()
        self.out = []
        self.inflate = clearance + track_w / 2 + MARGIN
        # edges and outside
        for iy in range(self.ny):
            for ix in range(self.nx):
                x, y = ix * GRID, iy * GRID
                if not inside(x, y, edge_clear + track_w / 2 + MARGIN):
                    for L in (0, 1):
                        self.grid[L][self.idx(ix, iy)] = -1
        for (x0, y0, x1, y1) in keepouts:
            self.block_rect(x0, y0, x1, y1, self.inflate, (0, 1))
        if no_front:
            x0, y0, x1, y1 = no_front
            self.block_rect(x0, y0, x1, y1, 0, (0,))
            for iy in range(self.cy(y0), self.cy(y1) + 1):
                for ix in range(self.cx(x0), self.cx(x1) + 1):
                    self.no_via.add(self.idx(ix, iy))

    # --- coordinates -------------------------------------------------------------------------
    def idx(self, ix, iy):
        return iy * self.nx + ix

    def cx(self, x):
        return max(0, min(self.nx - 1, int(round(x / GRID))))

    def cy(self, y):
        return max(0, min(self.ny - 1, int(round(y / GRID))))

    def nm(self, ix, iy):
        return pcbnew.VECTOR2I(pcbnew.FromMM(self.ox + ix * GRID), pcbnew.FromMM(self.oy + iy * GRID))

    # --- obstacles ---------------------------------------------------------------------------
    def block_rect(self, x0, y0, x1, y1, grow, layers):
        for iy in range(self.cy(y0 - grow), self.cy(y1 + grow) + 1):
            for ix in range(self.cx(x0 - grow), self.cx(x1 + grow) + 1):
                for L in layers:
                    self.grid[L][self.idx(ix, iy)] = -1

    def block_circle(self, x, y, r, layers=(0, 1)):
        rr = r + self.inflate
        for iy in range(self.cy(y - rr), self.cy(y + rr) + 1):
            for ix in range(self.cx(x - rr), self.cx(x + rr) + 1):
                if math.hypot(ix * GRID - x, iy * GRID - y) <= rr:
                    for L in layers:
                        self.grid[L][self.idx(ix, iy)] = -1
                    self.no_via.add(self.idx(ix, iy))

    def claim(self, L, i, net):
        g = self.grid[L]
        if i in self.pad_cell[L]:
            return
        if g[i] == 0:
            g[i] = net
        elif g[i] != net:
            g[i] = -1

    def add_pad(self, pad, net):
        """Mark a pad: its inside belongs to net, its surroundings too (or are blocked)."""
        layers = []
        if pad.IsOnLayer(pcbnew.F_Cu):
            layers.append(0)
        if pad.IsOnLayer(pcbnew.B_Cu):
            layers.append(1)
        bb = pad.GetBoundingBox()
        x0 = pcbnew.ToMM(bb.GetX()) - self.ox
        y0 = pcbnew.ToMM(bb.GetY()) - self.oy
        x1 = pcbnew.ToMM(bb.GetRight()) - self.ox
        y1 = pcbnew.ToMM(bb.GetBottom()) - self.oy
        acc = pcbnew.FromMM(self.inflate)
        inside = []
        for iy in range(self.cy(y0 - self.inflate - GRID), self.cy(y1 + self.inflate + GRID) + 1):
            for ix in range(self.cx(x0 - self.inflate - GRID), self.cx(x1 + self.inflate + GRID) + 1):
                p = self.nm(ix, iy)
                if pad.HitTest(p, acc):
                    i = self.idx(ix, iy)
                    for L in layers:
                        if net:
                            self.claim(L, i, net)
                        elif i not in self.pad_cell[L]:
                            self.grid[L][i] = -1
                    if pad.HasHole() or len(layers) == 1:
                        self.no_via.add(i) if not net or pad.HasHole() else None
                    if pad.HitTest(p, 0):
                        inside.append(i)
        if net:
            for i in inside:
                for L in layers:
                    self.grid[L][i] = net
                    self.pad_cell[L].add(i)
        return [(L, i) for i in inside for L in layers]

    # --- search ------------------------------------------------------------------------------
    def via_ok(self, i, net):
        if i in self.no_via:
            return False
        ix, iy = i % self.nx, i // self.nx
        k = int(math.ceil((self.via_d / 2 - self.tw / 2) / GRID))
        for dy in range(-k, k + 1):
            for dx in range(-k, k + 1):
                jx, jy = ix + dx, iy + dy
                if not (0 <= jx < self.nx and 0 <= jy < self.ny):
                    return False
                j = self.idx(jx, jy)
                for L in (0, 1):
                    v = self.grid[L][j]
                    if v != 0 and v != net:
                        return False
        return True

    def search(self, net, sources, targets, target_pts, back_cost=1.3, via_cost=6.0, bend=0.6):
        """A* from the set of (layer, cell) sources to any (layer, cell) in targets."""
        nx = self.nx
        grid = self.grid
        tset = targets

        def h(i):
            x, y = i % nx, i // nx
            best = 1e9
            for (tx, ty) in target_pts:
                dx, dy = abs(x - tx), abs(y - ty)
                d = max(dx, dy) + 0.41421356 * min(dx, dy)
                if d < best:
                    best = d
            return best

        openq = []
        g = {}
        parent = {}
        for (L, i) in sources:
            s = (L, i, 8)
            g[s] = 0.0
            parent[s] = None
            heapq.heappush(openq, (h(i), 0.0, s))
        goal = None
        pops = 0
        while openq:
            f, cost, s = heapq.heappop(openq)
            if cost > g.get(s, 1e18):
                continue
            L, i, d = s
            if (L, i) in tset and parent[s] is not None or (L, i) in tset and cost == 0 and False:
                goal = s
                break
            pops += 1
            if pops > 1500000:
                break
            x, y = i % nx, i // nx
            lf = 1.0 if L == 0 else back_cost
            for nd in range(8):
                dx, dy = DIRS[nd]
                jx, jy = x + dx, y + dy
                if not (0 <= jx < nx and 0 <= jy < self.ny):
                    continue
                j = jy * nx + jx
                v = grid[L][j]
                if v != 0 and v != net:
                    continue
                if dx and dy:   # diagonal: both orthogonal neighbours must be passable too
                    a = grid[L][y * nx + jx]
                    b = grid[L][jy * nx + x]
                    if (a != 0 and a != net) or (b != 0 and b != net):
                        continue
                c = cost + STEP[nd] * lf
                if d != 8 and d != nd:
                    turn = min((d - nd) % 8, (nd - d) % 8)
                    c += bend * turn
                ns = (L, j, nd)
                if c < g.get(ns, 1e18):
                    g[ns] = c
                    parent[ns] = s
                    heapq.heappush(openq, (c + h(j), c, ns))
            # via
            oL = 1 - L
            v = grid[oL][i]
            if (v == 0 or v == net) and self.via_ok(i, net):
                ns = (oL, i, 8)
                c = cost + via_cost
                if c < g.get(ns, 1e18):
                    g[ns] = c
                    parent[ns] = s
                    heapq.heappush(openq, (c + h(i), c, ns))
        if goal is None:
            return None
        path = []
        s = goal
        while s is not None:
            path.append((s[0], s[1]))
            s = parent[s]
        return path[::-1]

    def preroute(self, net, netinfo, pts, width):
        """Lay a fixed route [(layer 0/1, x mm, y mm), ...]; returns the (layer, cell) list it covers."""
        cells = []
        for (La, xa, ya), (Lb, xb, yb) in zip(pts, pts[1:]):
            if La != Lb:
                self.out.append(("via_mm", netinfo, None, (xa, ya), None, None))
                ix, iy = self.cx(xa), self.cy(ya)
                cells += [(0, self.idx(ix, iy)), (1, self.idx(ix, iy))]
                self._claim_disc(ix, iy, (0, 1), self.clear + self.via_d / 2 + self.tw / 2 + MARGIN, net)
                continue
            self.out.append(("track_mm", netinfo, La, (xa, ya), (xb, yb), width))
            n = max(1, int(math.hypot(xb - xa, yb - ya) / (GRID / 2)))
            for k in range(n + 1):
                x = xa + (xb - xa) * k / n
                y = ya + (yb - ya) * k / n
                ix, iy = self.cx(x), self.cy(y)
                cells.append((La, self.idx(ix, iy)))
                self._claim_disc(ix, iy, (La,), self.clear + width / 2 + self.tw / 2 + MARGIN, net)
        return cells

    def _claim_disc(self, ix, iy, layers, rad, net):
        k = int(rad / GRID) + 1
        for dy in range(-k, k + 1):
            for dx in range(-k, k + 1):
                if math.hypot(dx, dy) * GRID > rad:
                    continue
                jx, jy = ix + dx, iy + dy
                if 0 <= jx < self.nx and 0 <= jy < self.ny:
                    for LL in layers:
                        self.claim(LL, self.idx(jx, jy), net)

    def emit(self):
        """Add the committed tracks and vias to the board."""
        mmv = lambda p: pcbnew.VECTOR2I(pcbnew.FromMM(self.ox + p[0]), pcbnew.FromMM(self.oy + p[1]))
        for kind, netinfo, L, a, b, width in self.out:
            if kind == "track_mm":
                t = pcbnew.PCB_TRACK(self.board)
                t.SetStart(mmv(a))
                t.SetEnd(mmv(b))
                t.SetWidth(pcbnew.FromMM(width))
                t.SetLayer(pcbnew.F_Cu if L == 0 else pcbnew.B_Cu)
                t.SetNet(netinfo)
                self.board.Add(t)
            elif kind == "via_mm" or kind == "via":
                v = pcbnew.PCB_VIA(self.board)
                v.SetViaType(pcbnew.VIATYPE_THROUGH)
                v.SetLayerPair(pcbnew.F_Cu, pcbnew.B_Cu)
                v.SetPosition(mmv(a) if kind == "via_mm" else self.nm(*a))
                v.SetWidth(pcbnew.FromMM(self.via_d))
                v.SetDrill(pcbnew.FromMM(self.via_drill))
                v.SetNet(netinfo)
                self.board.Add(v)
            elif kind == "track":
                t = pcbnew.PCB_TRACK(self.board)
                t.SetStart(self.nm(*a))
                t.SetEnd(self.nm(*b))
                t.SetWidth(pcbnew.FromMM(width))
                t.SetLayer(pcbnew.F_Cu if L == 0 else pcbnew.B_Cu)
                t.SetNet(netinfo)
                self.board.Add(t)
            else:
                v = pcbnew.PCB_VIA(self.board)
                v.SetViaType(pcbnew.VIATYPE_THROUGH)
                v.SetLayerPair(pcbnew.F_Cu, pcbnew.B_Cu)
                v.SetPosition(self.nm(*a))
                v.SetWidth(pcbnew.FromMM(self.via_d))
                v.SetDrill(pcbnew.FromMM(self.via_drill))
                v.SetNet(netinfo)
                self.board.Add(v)

    def stitch(self, net, netinfo, pitch):
        """GND vias on a pitch-mm grid wherever a via fits clear of every other net (both pours)."""
        n = 0
        step = int(round(pitch / GRID))
        for iy in range(step // 2, self.ny, step):
            for ix in range(step // 2, self.nx, step):
                i = self.idx(ix, iy)
                if i in self.pad_cell[0] or i in self.pad_cell[1] or not self._free_for_via(ix, iy):
                    continue
                self.out.append(("via", netinfo, None, (ix, iy), None, None))
                self._claim_disc(ix, iy, (0, 1), self.clear + self.via_d / 2 + self.tw / 2 + MARGIN, net)
                n += 1
        return n

    def _free_for_via(self, ix, iy):
        """True when no copper of any net (GND included) is near: the via then sits in open pour."""
        k = int(math.ceil((self.via_d / 2 + self.clear + 0.3) / GRID))
        for dy in range(-k, k + 1):
            for dx in range(-k, k + 1):
                jx, jy = ix + dx, iy + dy
                if not (0 <= jx < self.nx and 0 <= jy < self.ny):
                    return False
                j = self.idx(jx, jy)
                if j in self.no_via or self.grid[0][j] != 0 or self.grid[1][j] != 0:
                    return False
        return True

    # --- output ------------------------------------------------------------------------------
    def commit(self, net, netinfo, path, width):
        """Add tracks/vias for a cell path and claim its surroundings for the net."""
        items = []
        pts = []
        for k, (L, i) in enumerate(path):
            pts.append((L, i % self.nx, i // self.nx))
        # split into runs per layer
        runs = []
        cur = [pts[0]]
        for p in pts[1:]:
            if p[0] != cur[-1][0]:
                runs.append(cur)
                items.append(("via", p[1], p[2]))
                cur = [p]
            else:
                cur.append(p)
        runs.append(cur)
        for run in runs:
            if len(run) < 2:
                continue
            L = run[0][0]
            # merge collinear steps
            corners = [run[0]]
            for a, b, c in zip(run, run[1:], run[2:]):
                if (b[1] - a[1], b[2] - a[2]) != (c[1] - b[1], c[2] - b[2]):
                    corners.append(b)
            corners.append(run[-1])
            for a, b in zip(corners, corners[1:]):
                self.out.append(("track", netinfo, L, (a[1], a[2]), (b[1], b[2]), width))
        for kind, ix, iy in items:
            self.out.append(("via", netinfo, None, (ix, iy), None, None))
        # claim: cells where another net's track centre would come too close to this copper
        rt = self.clear + width / 2 + self.tw / 2 + MARGIN
        rv = self.clear + self.via_d / 2 + self.tw / 2 + MARGIN
        via_cells = {(ix, iy) for _, ix, iy in items}
        for (L, ix, iy) in pts:
            isvia = (ix, iy) in via_cells
            rad = rv if isvia else rt
            k = int(rad / GRID)
            layers = (0, 1) if isvia else (L,)
            for dy in range(-k, k + 1):
                for dx in range(-k, k + 1):
                    if math.hypot(dx, dy) * GRID > rad:
                        continue
                    jx, jy = ix + dx, iy + dy
                    if 0 <= jx < self.nx and 0 <= jy < self.ny:
                        for LL in layers:
                            self.claim(LL, self.idx(jx, jy), net)
            if isvia:   # keep other vias' holes 0.5 mm + drill away (hole_to_hole)
                kk = int((self.via_drill + 0.5) / GRID) + 1
                for dy in range(-kk, kk + 1):
                    for dx in range(-kk, kk + 1):
                        if math.hypot(dx, dy) * GRID <= self.via_drill + 0.5 + MARGIN:
                            self.no_via.add(self.idx(min(max(ix + dx, 0), self.nx - 1), min(max(iy + dy, 0), self.ny - 1)))
        # vias of other nets must keep hole-to-hole distance: forbid vias near this via for others
        return len(items)
