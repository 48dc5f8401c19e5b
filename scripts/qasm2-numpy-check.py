#!/usr/bin/env python3
"""An independent check of an exported OpenQASM 2 file (./polypseg circuit --qasm2 FILE --angles ...):
a NumPy state vector that shares no code with polypseg. Prints <Z_i> per qubit in the file's order,
to compare with the command's "expectations". Reads the gates polypseg writes: ry, rx, cx.
Usage: python3 scripts/qasm2-numpy-check.py circuit2.qasm"""
import numpy as np, re, sys
src = open(sys.argv[1]).read()
n = int(re.search(r'qreg q\[(\d+)\]', src).group(1))
psi = np.zeros(2**n, complex); psi[0] = 1
def apply1(m, q):
    global psi
    t = psi.reshape([2]*n); t = np.moveaxis(t, n-1-q, 0)   # little-endian: qubit q is bit q
    t = np.tensordot(m, t, axes=(1, 0)); psi = np.moveaxis(t, 0, n-1-q).reshape(-1)
for line in src.splitlines():
    m = re.match(r'(ry|rx)\(([^)]*)\) q\[(\d+)\];', line)
    if m:
        a = float(m.group(2)); c, s = np.cos(a/2), np.sin(a/2)
        g = np.array([[c, -s], [s, c]]) if m.group(1) == 'ry' else np.array([[c, -1j*s], [-1j*s, c]])
        apply1(g, int(m.group(3))); continue
    m = re.match(r'cx q\[(\d+)\], q\[(\d+)\];', line)
    if m:
        ctl, tgt = int(m.group(1)), int(m.group(2)); new = psi.copy()
        for i in range(2**n):
            if i >> ctl & 1: new[i] = psi[i ^ (1 << tgt)]
        psi = new
p = abs(psi)**2
print([float(sum(p[i] * (1 - 2*(i >> q & 1)) for i in range(2**n))) for q in range(n)])
