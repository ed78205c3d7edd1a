"""Minimal s-expression reader/writer for KiCad files (strings keep their quotes as Q)."""


class Q(str):
    """A quoted string atom."""


def match_paren(text, start):
    """Index of the ')' closing the '(' at start, honouring quoted strings."""
    depth = 0
    i = start
    n = len(text)
    while i < n:
        c = text[i]
        if c == '"':
            i += 1
            while text[i] != '"':
                if text[i] == '\\':
                    i += 1
                i += 1
        elif c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError("unbalanced")


def parse(text):
    stack = [[]]
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == '(':
            stack.append([])
            i += 1
        elif c == ')':
            node = stack.pop()
            stack[-1].append(node)
            i += 1
        elif c == '"':
            j = i + 1
            buf = []
            while text[j] != '"':
                if text[j] == '\\':
                    j += 1
                    buf.append({'n': '\n', 't': '\t'}.get(text[j], text[j]))
                else:
                    buf.append(text[j])
                j += 1
            stack[-1].append(Q(''.join(buf)))
            i = j + 1
        elif c in ' \t\r\n':
            i += 1
        else:
            j = i
            while j < n and text[j] not in ' \t\r\n()':
                j += 1
            stack[-1].append(text[i:j])
            i = j
    return stack[0][0]


def find(node, key):
    for c in node:
        if isinstance(c, list) and c and c[0] == key:
            return c
    return None


def atom(a):
    if isinstance(a, Q):
        return '"' + a.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') + '"'
    if isinstance(a, float):
        v = round(a, 4)
        return ("%d" % v) if v == int(v) else ("%g" % v)
    return str(a)


def dump(node, indent=0):
    if not isinstance(node, list):
        return atom(node)
    simple = all(not isinstance(c, list) for c in node)
    if simple or (len(node) <= 4 and all(not isinstance(c, list) or all(not isinstance(d, list) for d in c) for c in node) and len(str(node)) < 80):
        return "(" + " ".join(dump(c) for c in node) + ")"
    pad = "\t" * (indent + 1)
    head = []
    rest = []
    for c in node:
        (rest if (isinstance(c, list) or rest) else head).append(c)
    out = "(" + " ".join(atom(h) for h in head)
    for c in rest:
        out += "\n" + pad + dump(c, indent + 1)
    return out + "\n" + "\t" * indent + ")"
