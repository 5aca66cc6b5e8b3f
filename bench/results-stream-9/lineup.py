#!/usr/bin/env python3
"""Lines up the freshness probes of one StreamJobLoad run with its checkpoints and GC pauses.

usage: lineup.py timeline-TAG.txt gc-TAG.log
A probe "overlaps" a checkpoint when the checkpoint's [start, end] (its directory, then its
_metadata, appearing) intersects the probe's [sent, seen]; GC is the pause time inside the window.
"""
import re, sys

timeline, gclog = sys.argv[1], sys.argv[2]
probes, ck = [], {}
for line in open(timeline):
    m = re.match(r"probe (\S+) sent ([\d.]+) latency ([\d.]+)", line)
    if m:
        probes.append((float(m.group(2)), float(m.group(3))))
        continue
    m = re.match(r"(chk-\d+) (start|end) ([\d.]+)", line)
    if m:
        ck.setdefault(m.group(1), {})[m.group(2)] = float(m.group(3))
cks = sorted((v["start"], v.get("end", v["start"])) for v in ck.values() if "start" in v)
pauses = []
for line in open(gclog):
    m = re.match(r"\[(\d+)ms\].*Pause.* ([\d.]+)ms$", line.strip())
    if m:
        end = float(m.group(1))
        pauses.append((end - float(m.group(2)), end))
first, last = min(p[0] for p in probes), max(p[0] + p[1] for p in probes)
window_cks = [c for c in cks if c[1] >= first and c[0] <= last]
print(f"probes {len(probes)}, checkpoints during probes {len(window_cks)}, "
      f"checkpoint durations ms: {[round(e - s) for s, e in window_cks]}")
print(f"GC pauses during probes: {sum(1 for p in pauses if first <= p[1] <= last)}, "
      f"longest {max([p[1]-p[0] for p in pauses if first <= p[1] <= last] or [0]):.1f} ms")
lat = sorted(l for _, l in probes)
p90 = lat[int(0.9 * len(lat)) - 1]
def overlaps(s, e):
    return any(cs <= e and ce >= s for cs, ce in window_cks)
def gc_in(s, e):
    return sum(min(pe, e) - max(ps, s) for ps, pe in pauses if ps <= e and pe >= s)
def near_ck(s, e):  # the checkpoint started during the probe's window or up to 300 ms before
    return any(cs <= e and cs >= s - 300 for cs, ce in window_cks)
for name, sel in [("all", probes), ("slowest 10%% (> p90 %.0f ms)" % p90, [p for p in probes if p[1] > p90]),
                  ("slowest 1%", sorted(probes, key=lambda p: -p[1])[: max(1, len(probes) // 100)])]:
    n = len(sel)
    ov = sum(1 for s, l in sel if overlaps(s, s + l))
    gc = sum(gc_in(s, s + l) for s, l in sel) / n
    print(f"{name}: {n} probes, {ov / n * 100:.0f}% overlap a checkpoint, mean GC pause inside {gc:.1f} ms")
print("slowest 10 probes (sent, latency, overlapping checkpoint, GC ms inside):")
for s, l in sorted(probes, key=lambda p: -p[1])[:10]:
    c = [(round(cs - s), round(ce - cs)) for cs, ce in window_cks if cs <= s + l and ce >= s]
    print(f"  {s:10.0f} {l:7.1f}  ck(start-sent, dur)={c}  gc={gc_in(s, s + l):.1f}")
