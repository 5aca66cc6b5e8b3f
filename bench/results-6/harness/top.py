import sys, collections
self_c = collections.Counter(); incl = collections.Counter(); total = 0
for line in open(sys.argv[1]):
    stack, n = line.rsplit(' ', 1); n = int(n); total += n
    frames = stack.split(';')
    self_c[frames[-1]] += n
    for f in set(frames): incl[f] += n
print("total", total)
print("-- self"); [print(f"{c*100/total:5.1f}% {f}") for f, c in self_c.most_common(int(sys.argv[2]) if len(sys.argv)>2 else 25)]
print("-- inclusive (io.amlmonitor)"); [print(f"{c*100/total:5.1f}% {f}") for f, c in incl.most_common(200) if 'amlmonitor' in f][:30]
