#!/usr/bin/python3
"""Writes Fashion-MNIST test images under shifts that are NOT in the product's shift library, as IDX files.

Used to check that LeanTTA's gains carry over to shifts it was never tuned on. Also writes two streams of them:
stream-persistent (blocks of 1000 images changing shift without notice) and stream-mixed (a random shift per
image), for the stateful hybrid, which goes through a file in order:
  /usr/bin/python3 tools/heldout_shifts.py OUTDIR
  ./leantta evaluate --images OUTDIR/rotate-images-idx3-ubyte.gz --labels OUTDIR/labels-idx1-ubyte.gz --shifts none
Needs only numpy (Debian python3-numpy) and the shipped test split.
"""
import gzip
import os
import struct
import sys

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
TEST = os.path.join(ROOT, "models", "fashion-mnist")


def read_idx(path, offset):
    with gzip.open(path) as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def write_idx(path, header, data):
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as g:
        g.write(header + data.astype(np.uint8).tobytes())


def sample(img, ys, xs):
    """Bilinear sampling with zero outside the image."""
    h, w = img.shape
    y0, x0 = np.floor(ys).astype(int), np.floor(xs).astype(int)
    out = np.zeros_like(ys)
    for dy in (0, 1):
        for dx in (0, 1):
            yy, xx = y0 + dy, x0 + dx
            wgt = (1 - abs(ys - yy)) * (1 - abs(xs - xx))
            ok = (yy >= 0) & (yy < h) & (xx >= 0) & (xx < w)
            out += np.where(ok, img[np.clip(yy, 0, h - 1), np.clip(xx, 0, w - 1)] * wgt, 0)
    return out


def affine(img, angle_deg, scale):
    h, w = img.shape
    c = (h - 1) / 2
    yy, xx = np.mgrid[0:h, 0:w].astype(float)
    a = np.deg2rad(angle_deg)
    ys = ((yy - c) * np.cos(a) - (xx - c) * np.sin(a)) / scale + c
    xs = ((yy - c) * np.sin(a) + (xx - c) * np.cos(a)) / scale + c
    return sample(img, ys, xs)


def shifts(rng):
    return {
        "rotate": lambda x: affine(x, rng.uniform(-25, 25), 1.0),
        "zoom-out": lambda x: affine(x, 0, 0.7),
        "occlusion": lambda x: occlude(x, rng),
        "gamma": lambda x: 255 * (x / 255) ** 2.5,
        "vignette-noise": lambda x: vignette(x, rng),
    }


def occlude(x, rng):
    y, z = rng.integers(0, 18, size=2)
    out = x.copy()
    out[y:y + 10, z:z + 10] = 128
    return out


def vignette(x, rng):
    h, w = x.shape
    yy, xx = np.mgrid[0:h, 0:w]
    r = np.hypot(yy - h / 2, xx - w / 2) / (h / 2)
    return x * np.clip(1.2 - 0.6 * r, 0, 1) + rng.normal(0, 12, x.shape)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "heldout"
    os.makedirs(out, exist_ok=True)
    images = read_idx(os.path.join(TEST, "t10k-images-idx3-ubyte.gz"), 16).reshape(-1, 28, 28).astype(float)
    labels = read_idx(os.path.join(TEST, "t10k-labels-idx1-ubyte.gz"), 8)
    write_idx(os.path.join(out, "labels-idx1-ubyte.gz"), struct.pack(">II", 0x801, len(labels)), labels)
    header = struct.pack(">IIII", 0x803, len(images), 28, 28)
    shifted = {"clean": images}
    for name, f in shifts(np.random.default_rng(1234)).items():
        shifted[name] = np.stack([np.clip(np.rint(f(img)), 0, 255) for img in images])
        write_idx(os.path.join(out, name + "-images-idx3-ubyte.gz"), header, shifted[name])
        print("wrote", name)
    # streams over the same images (image i keeps its label): blocks of 1000 that change shift without notice,
    # and every image under a random one of the shifts or clean
    blocks = ["clean", "rotate", "zoom-out", "occlusion", "gamma", "vignette-noise", "zoom-out", "clean", "gamma",
              "rotate"]
    persistent = np.stack([shifted[blocks[i // 1000]][i] for i in range(len(images))])
    write_idx(os.path.join(out, "stream-persistent-images-idx3-ubyte.gz"), header, persistent)
    names = list(shifted)
    pick = np.random.default_rng(99).integers(0, len(names), len(images))
    mixed = np.stack([shifted[names[pick[i]]][i] for i in range(len(images))])
    write_idx(os.path.join(out, "stream-mixed-images-idx3-ubyte.gz"), header, mixed)
    print("wrote stream-persistent, stream-mixed")


if __name__ == "__main__":
    main()
