"""Summarises JMH sample-mode logs: whole-run p50/p99/p99.9 and the range of each over iterations."""
import re, sys, json
def parse(path):
    its = {"0.50": [], "0.99": [], "0.999": []}
    total = {}
    for line in open(path):
        m = re.match(r"\s+p(0\.50|0\.99|0\.999):\s+([\d.]+) us/op", line)
        if m:
            its[m.group(1)].append(float(m.group(2)))
        m = re.search(r":p(0\.50|0\.99|0\.999)\s+.*sample\s+([\d.]+)\s+us/op", line)
        if m:
            total[m.group(1)] = float(m.group(2))
    return its, total
for path in sys.argv[1:]:
    its, total = parse(path)
    cells = []
    for q in ("0.50", "0.99", "0.999"):
        v = its[q][-5:]
        cells.append(f"p{q[2:]} {total.get(q, float('nan')):.2f} ({min(v):.2f}-{max(v):.2f})" if v else "-")
    print(f"{path.split('/')[-1]:32s} " + " | ".join(cells))
