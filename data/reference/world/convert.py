#!/usr/bin/env python3
"""Makes `countries_110m.csv`, the territories of the map chart, from
Natural Earth's public-domain country shapes as packaged in the npm package
world-atlas 2.0.2 (TopoJSON whose ids are ISO 3166-1 numeric codes).

Rerun from the repository root (needs npm and the pycountry package):

    python3 data/reference/world/convert.py

It fetches the tarball with `npm pack world-atlas@2.0.2` into a scratch
folder, checks its SHA-1 (the one npm prints), and rewrites
`data/reference/world/countries_110m.csv`. Pass the folder of an unpacked
package (`python3 convert.py path/to/package`) to skip the fetch.

What it does to the 1:110m set, and why:
- ids → ISO 3166-1 alpha-3 with pycountry; Kosovo, which has no ISO code,
  is XKX, the code the normaliser uses; Northern Cyprus and Somaliland,
  which have none either, are merged into Cyprus and Somalia, where ISO
  3166 places them.
- Antarctica is left out: no project works there, and it would take a
  fifth of the map's height.
- French Guiana (GUF) and Svalbard (SJM), parts of France's and Norway's
  shapes in Natural Earth, are territories of their own in ISO 3166 and so
  in the project tables: they are split out.
- Rings that cross the antimeridian (Russia's Chukotka, a Fijian island)
  are cut there into a piece on each side, so that no edge runs across
  the whole map.
- Holes are dropped: the only one is Lesotho in South Africa, and the map
  draws larger territories first, so Lesotho is drawn over it.
- Coordinates are rounded to 2 decimals (about 1 km, far below what
  1:110m resolves) and repeated points dropped.
- Every territory gets a point, where the map puts a dot when it is too
  small to see: the centre of its largest polygon. Territories the 1:110m
  set lacks (Singapore, Hong Kong, Malta, Bahrain, small island states …)
  have only a point, the centre of their largest polygon in the 1:10m set
  of the same package (1:50m when 1:10m lacks them); the few that no set
  has as a shape of its own (Réunion, Martinique … inside France's shape)
  take the largest polygon of that set lying in a box around them.
"""

import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile

import pycountry

PACKAGE = "world-atlas@2.0.2"
# As printed by `npm pack world-atlas@2.0.2` ("shasum").
PACKAGE_SHA1 = "4bca4a578f3a413bd409c3f07f2054fe7375824f"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "countries_110m.csv")

# Natural Earth features with no ISO 3166-1 numeric id.
NO_ID = {"Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM"}
LEFT_OUT = {"ATA"}
# (alpha-3, taken from, lon min, lat min, lon max, lat max): polygons of
# a 1:110m shape whose centre lies in the box become a territory of their own.
SPLIT = [
    ("GUF", "FRA", -55.0, 1.0, -51.0, 6.5),
    ("SJM", "NOR", 0.0, 74.0, 40.0, 82.0),
]
# Points of territories with no shape of their own in any set: the largest
# polygon whose centre lies in the box (lon min, lat min, lon max, lat max).
POINT_BOXES = {
    "BES": (-68.6, 11.9, -68.1, 12.4),  # Bonaire, in the Netherlands' shape
    "BVT": (3.0, -54.7, 3.7, -54.2),  # Bouvet Island, in Norway's
    "CCK": (96.7, -12.3, 97.0, -11.8),  # Cocos (Keeling), Indian Ocean Ter.
    "CXR": (105.5, -10.7, 105.8, -10.3),  # Christmas Island, Indian Ocean Ter.
    "GLP": (-61.9, 15.8, -61.0, 16.6),  # Guadeloupe, in France's
    "MTQ": (-61.3, 14.3, -60.7, 15.0),  # Martinique, in France's
    "MYT": (44.9, -13.1, 45.4, -12.5),  # Mayotte, in France's
    "REU": (55.1, -21.5, 55.9, -20.8),  # Réunion, in France's
    "SJM": (10.0, 76.0, 35.0, 81.0),  # Svalbard (not split at 1:10m)
    "TKL": (-172.6, -9.5, -171.0, -8.4),  # Tokelau, in New Zealand's
}


def fetch():
    scratch = tempfile.mkdtemp(prefix="world-atlas-")
    subprocess.run(["npm", "pack", PACKAGE], cwd=scratch, check=True)
    tarball = os.path.join(scratch, "world-atlas-2.0.2.tgz")
    with open(tarball, "rb") as f:
        sha1 = hashlib.sha1(f.read()).hexdigest()
    if sha1 != PACKAGE_SHA1:
        sys.exit(f"{tarball}: SHA-1 {sha1}, expected {PACKAGE_SHA1}")
    with tarfile.open(tarball) as tar:
        tar.extractall(scratch, filter="data")
    return os.path.join(scratch, "package")


def decode_arcs(topology):
    """The arcs as lists of (lon, lat), undoing quantisation and deltas."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indices):
    points = []
    for i in indices:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc if not points else arc[1:])
    return points


def polygons(arcs, geometry):
    """Each polygon as (outer ring, holes)."""
    if geometry["type"] == "Polygon":
        parts = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        parts = geometry["arcs"]
    else:
        return []
    return [(ring(arcs, p[0]), [ring(arcs, h) for h in p[1:]]) for p in parts]


def area_and_centre(points):
    """Planar area (degrees²) and centroid of a ring."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        xs, ys = zip(*points)
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return abs(a) / 2, (cx / (3 * a), cy / (3 * a))


def clip(points, keep, cut):
    """Sutherland–Hodgman: the part of a ring on one side of a meridian.
    `keep(p)` says whether p is on that side; `cut(p, q)` is where p–q
    crosses it."""
    out = []
    for p, q in zip(points, points[1:] + points[:1]):
        if keep(p):
            out.append(p)
            if not keep(q):
                out.append(cut(p, q))
        elif keep(q):
            out.append(cut(p, q))
    return out


def at_lon(lon):
    def cut(p, q):
        t = (lon - p[0]) / (q[0] - p[0])
        return (lon, p[1] + t * (q[1] - p[1]))

    return cut


def split_antimeridian(points):
    """A ring as pieces within -180..180 longitude."""
    unwrapped = [points[0]]
    shift = 0.0
    for (x0, _), (x1, y1) in zip(points, points[1:]):
        if x1 - x0 > 180:
            shift -= 360
        elif x1 - x0 < -180:
            shift += 360
        unwrapped.append((x1 + shift, y1))
    if shift != 0:
        sys.exit("a ring goes round a pole (only Antarctica's does)")
    if len(unwrapped) == len(points) and all(-180 <= x <= 180 for x, _ in unwrapped):
        return [points]
    pieces = []
    for offset in (-360, 0, 360):
        lo, hi = -180 - offset, 180 - offset
        piece = clip(unwrapped, lambda p: p[0] <= hi, at_lon(hi))
        piece = clip(piece, lambda p: p[0] >= lo, at_lon(lo))
        piece = [(x + offset, y) for x, y in piece]
        if len(piece) >= 3 and area_and_centre(piece)[0] > 0:
            pieces.append(piece)
    return pieces


def in_box(point, box):
    (x, y), (x0, y0, x1, y1) = point, box
    return x0 <= x <= x1 and y0 <= y <= y1


def alpha3_of(feature):
    if "id" not in feature:
        return NO_ID.get(feature["properties"]["name"])
    country = pycountry.countries.get(numeric=feature["id"])
    return country.alpha_3 if country else None


def load(package, scale):
    with open(os.path.join(package, f"countries-{scale}.json")) as f:
        topology = json.load(f)
    arcs = decode_arcs(topology)
    return [
        (alpha3_of(feature), feature["properties"]["name"], polygons(arcs, feature))
        for feature in topology["objects"]["countries"]["geometries"]
    ]


def rounded(points):
    out = []
    for x, y in points:
        p = (round(x, 2), round(y, 2))
        if not out or out[-1] != p:
            out.append(p)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def fmt(v):
    text = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def main():
    package = sys.argv[1] if len(sys.argv) > 1 else fetch()
    # alpha-3 → outer rings
    shapes = {}
    for alpha3, name, polys in load(package, "110m"):
        if alpha3 is None:
            sys.exit(f"no ISO code for {name!r}")
        if alpha3 in LEFT_OUT:
            continue
        shapes.setdefault(alpha3, []).extend(
            piece for outer, _holes in polys for piece in split_antimeridian(outer)
        )
    for alpha3, source, *box in SPLIT:
        moved = [r for r in shapes[source] if in_box(area_and_centre(r)[1], box)]
        if not moved:
            sys.exit(f"no polygon of {source} in the box of {alpha3}")
        shapes[source] = [r for r in shapes[source] if r not in moved]
        shapes[alpha3] = moved

    points = {}
    for alpha3, rings in shapes.items():
        largest = max(rings, key=lambda r: area_and_centre(r)[0])
        points[alpha3] = area_and_centre(largest)[1]

    finer = [load(package, "10m"), load(package, "50m")]
    every = sorted(c.alpha_3 for c in pycountry.countries)
    for alpha3 in every:
        if alpha3 in points or alpha3 in LEFT_OUT:
            continue
        box = POINT_BOXES.get(alpha3)
        for features in finer:
            if box:
                candidates = [
                    outer
                    for _, _, polys in features
                    for outer, _ in polys
                    if in_box(area_and_centre(outer)[1], box)
                ]
            else:
                candidates = [
                    outer for code, _, polys in features if code == alpha3 for outer, _ in polys
                ]
            if candidates:
                largest = max(candidates, key=lambda r: area_and_centre(r)[0])
                points[alpha3] = area_and_centre(largest)[1]
                break
        else:
            sys.exit(f"no shape for {alpha3} in any set")

    lines = [
        "# Territories of the map chart, keyed by ISO 3166-1 alpha-3 (XKX: Kosovo).",
        "# Source: Natural Earth 1:110m Admin 0 countries, v4.1.0 (public domain; naturalearthdata.com),",
        "# as packaged in the npm package world-atlas 2.0.2 (countries-110m.json; points of territories",
        "# 1:110m lacks from its countries-10m.json and countries-50m.json); packaging ISC, (c) Michael Bostock.",
        "# Made by data/reference/world/convert.py (rerun: python3 data/reference/world/convert.py).",
        "# kind ring: a polygon's outer ring, lon lat pairs in degrees; kind point: where a dot goes",
        "# when the territory is too small to see (every territory has one).",
        "alpha3,kind,coordinates",
    ]
    for alpha3 in sorted(set(shapes) | set(points)):
        for r in shapes.get(alpha3, []):
            r = rounded(r)
            if len(r) >= 3:
                lines.append(f"{alpha3},ring," + " ".join(f"{fmt(x)} {fmt(y)}" for x, y in r))
        x, y = points[alpha3]
        lines.append(f"{alpha3},point,{fmt(x)} {fmt(y)}")
    with open(OUT, "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{OUT}: {len(shapes)} shapes, {len(points)} territories", file=sys.stderr)


if __name__ == "__main__":
    main()
