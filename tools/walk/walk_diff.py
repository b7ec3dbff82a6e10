"""Files whose lines ran more often in the two-turn coverage than in the one-turn coverage: one warm turn's files.

Usage: walk_diff.py ONE_TURN.cobertura.xml TWO_TURNS.cobertura.xml
Prints one project source file a line (generated code under obj/ and the shared test support the harness runs on,
tests/, left out), then the count.
"""
import collections
import sys
import xml.etree.ElementTree as ET


def hits(path):
    by_file = collections.defaultdict(collections.Counter)
    for cls in ET.parse(path).iter('class'):
        for line in cls.iter('line'):
            by_file[cls.get('filename')][int(line.get('number'))] += int(line.get('hits'))
    return by_file


one, two = hits(sys.argv[1]), hits(sys.argv[2])
walk = sorted(f for f in two
              if '/obj/' not in f and not f.startswith('tests/') and any(n > one[f].get(line, 0) for line, n in two[f].items()))
for f in walk:
    print(f)
print(f'{len(walk)} files')
