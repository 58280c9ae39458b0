#!/usr/bin/env python3
"""Draws the face-comparison Sandbox's test images and writes their manifest (docs/FACE-COMPARISON.md).

The Sandbox recognises an image by the SHA-256 of its exact bytes and answers from the manifest
written here, so the geometry drawn and the geometry answered come from the same numbers. The
output is deterministic (no randomness, fixed zlib level): running it again gives the same files.

    python3 scripts/generate-face-sandbox.py
"""
import json
import math
import os
import struct
import zlib

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "Raytio.Server", "Providers", "Rekognition", "Sandbox", "Images")

# Each identity is a unit vector; the Sandbox's similarity of two faces starts from their cosine.
IDENTITIES = {
    "aroha": {"vector": [1.0, 0.0, 0.0, 0.0], "skin": (201, 150, 118), "hair": (40, 28, 22)},
    "ben": {"vector": [0.0, 1.0, 0.0, 0.0], "skin": (234, 196, 170), "hair": (150, 98, 45)},
    # Ben's lookalike: close to Ben (cosine 0.88), so a threshold of 80 matches them and 90 does not.
    "rawiri": {"vector": [0.0, 0.88, 0.475, 0.0], "skin": (226, 188, 160), "hair": (120, 80, 40)},
    "chen": {"vector": [0.1, 0.15, 0.0, math.sqrt(1 - 0.1 ** 2 - 0.15 ** 2)], "skin": (240, 210, 180), "hair": (20, 20, 20)},
}

# name, size, background, faces (identity, centre, face size, pose yaw/pitch/roll, brightness, sharpness, confidence)
IMAGES = [
    ("aroha-front.png", (240, 300), (96, 140, 180), [("aroha", (120, 150), (130, 165), (0.0, 0.0, 0.0), 78.4, 92.1, 99.9987)]),
    ("aroha-turned.png", (320, 240), (180, 170, 120), [("aroha", (200, 125), (100, 128), (18.0, -5.0, 0.0), 70.2, 86.5, 99.9712)]),
    ("ben-front.png", (240, 300), (120, 160, 110), [("ben", (118, 152), (126, 160), (-4.0, 3.0, 0.0), 74.8, 90.3, 99.9954)]),
    ("rawiri-front.png", (240, 300), (160, 120, 150), [("rawiri", (122, 148), (124, 158), (2.0, 0.0, 0.0), 72.6, 89.7, 99.9931)]),
    ("group.png", (480, 300), (110, 130, 150), [
        ("aroha", (140, 150), (110, 140), (-6.0, 2.0, 0.0), 68.9, 84.2, 99.9903),
        ("ben", (330, 140), (90, 115), (8.0, -2.0, 0.0), 66.1, 80.7, 99.9821),
        ("chen", (432, 232), (56, 72), (-15.0, 10.0, 0.0), 41.5, 25.0, 97.4316),
    ]),
    ("landscape.png", (320, 200), (150, 200, 235), []),
]


def png(width, height, pixels):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(pixels[y * width * 3:(y + 1) * width * 3]) for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


class Canvas:
    def __init__(self, width, height, background):
        self.width, self.height = width, height
        self.pixels = bytearray(background * (width * height))

    def fill(self, inside, colour, bounds):
        left, top, right, bottom = (max(0, int(bounds[0])), max(0, int(bounds[1])), min(self.width, int(bounds[2]) + 1), min(self.height, int(bounds[3]) + 1))
        for y in range(top, bottom):
            for x in range(left, right):
                if inside(x + 0.5, y + 0.5):
                    i = (y * self.width + x) * 3
                    self.pixels[i:i + 3] = bytes(colour)

    def ellipse(self, cx, cy, rx, ry, colour):
        self.fill(lambda x, y: ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1, colour, (cx - rx, cy - ry, cx + rx, cy + ry))

    def rect(self, left, top, right, bottom, colour):
        self.fill(lambda x, y: True, colour, (left, top, right - 1, bottom - 1))


def soften(colour, towards, share):
    return tuple(round(c * (1 - share) + t * share) for c, t in zip(colour, towards))


def draw_face(canvas, identity, centre, size, pose, sharpness, background):
    cx, cy = centre
    w, h = size
    yaw, pitch, _ = pose
    # A blurry face is drawn with its features washed out towards the skin.
    wash = 0.55 if sharpness < 50 else 0.0
    skin, hair = IDENTITIES[identity]["skin"], IDENTITIES[identity]["hair"]
    shift = yaw / 90 * 0.25 * w
    lift = pitch / 90 * 0.25 * h
    canvas.ellipse(cx, cy - 0.38 * h, 0.52 * w, 0.22 * h, soften(hair, background, wash * 0.5))
    canvas.ellipse(cx, cy, w / 2, h / 2, skin)
    eye = soften((30, 30, 40), skin, wash)
    canvas.ellipse(cx - 0.2 * w + shift, cy - 0.1 * h + lift, 0.07 * w, 0.045 * h, eye)
    canvas.ellipse(cx + 0.2 * w + shift, cy - 0.1 * h + lift, 0.07 * w, 0.045 * h, eye)
    canvas.rect(cx - 0.03 * w + shift, cy - 0.02 * h + lift, cx + 0.03 * w + shift, cy + 0.1 * h + lift, soften(soften(skin, (90, 50, 40), 0.35), skin, wash))
    canvas.rect(cx - 0.15 * w + shift, cy + 0.22 * h + lift, cx + 0.15 * w + shift, cy + 0.27 * h + lift, soften((150, 60, 60), skin, wash))
    landmarks = [
        ("eyeLeft", cx - 0.2 * w + shift, cy - 0.1 * h + lift),
        ("eyeRight", cx + 0.2 * w + shift, cy - 0.1 * h + lift),
        ("nose", cx + shift, cy + 0.08 * h + lift),
        ("mouthLeft", cx - 0.15 * w + shift, cy + 0.245 * h + lift),
        ("mouthRight", cx + 0.15 * w + shift, cy + 0.245 * h + lift),
    ]
    return landmarks


def draw_landscape(canvas):
    canvas.ellipse(250, 50, 26, 26, (250, 220, 90))
    canvas.ellipse(90, 230, 170, 90, (90, 150, 80))
    canvas.ellipse(260, 240, 150, 80, (70, 130, 70))


def main():
    os.makedirs(OUT, exist_ok=True)
    manifest = {"identities": {name: identity["vector"] for name, identity in IDENTITIES.items()}, "images": []}
    for name, (width, height), background, faces in IMAGES:
        canvas = Canvas(width, height, background)
        if not faces:
            draw_landscape(canvas)
        described = []
        for identity, centre, size, pose, brightness, sharpness, confidence in faces:
            landmarks = draw_face(canvas, identity, centre, size, pose, sharpness, background)
            described.append({
                "identity": identity,
                "bounding_box": [round((centre[0] - size[0] / 2) / width, 6), round((centre[1] - size[1] / 2) / height, 6), round(size[0] / width, 6), round(size[1] / height, 6)],
                "confidence": confidence,
                "landmarks": [{"type": kind, "x": round(x / width, 6), "y": round(y / height, 6)} for kind, x, y in landmarks],
                "pose": list(pose),
                "brightness": brightness,
                "sharpness": sharpness,
            })
        with open(os.path.join(OUT, name), "wb") as file:
            file.write(png(width, height, canvas.pixels))
        manifest["images"].append({"file": name, "faces": described})
    with open(os.path.join(OUT, "faces.json"), "w", encoding="utf-8") as file:
        json.dump(manifest, file, indent=2)
        file.write("\n")


if __name__ == "__main__":
    main()
