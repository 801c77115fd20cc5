"""Draws resources/emblem.png, the application's own letterhead emblem.

Not the ITU emblem (a trademark): a globe of meridians and parallels inside a
ring, in one blue. A bureau may name its own image in its template instead.

    .venv/bin/python scripts/make_emblem.py
"""
import math
from pathlib import Path

from PIL import Image, ImageDraw

SIZE, SCALE = 240, 4  # drawn 4x larger, then reduced for smooth edges
BLUE = (0, 92, 169, 255)
OUT = Path(__file__).resolve().parent.parent / "resources" / "emblem.png"


def main() -> None:
    n = SIZE * SCALE
    image = Image.new("RGBA", (n, n), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    c, w = n / 2, 7 * SCALE
    draw.ellipse((w, w, n - w, n - w), outline=BLUE, width=w)  # the ring
    r = n * 0.36
    draw.ellipse((c - r, c - r, c + r, c + r), outline=BLUE, width=w)  # the globe
    for k in (0.35, 0.72):  # meridians
        draw.ellipse((c - r * k, c - r, c + r * k, c + r), outline=BLUE, width=w // 2)
    draw.line((c, c - r, c, c + r), fill=BLUE, width=w // 2)
    for y in (-0.5, 0.0, 0.5):  # parallels
        half = r * (1 - y * y) ** 0.5
        draw.line((c - half, c + y * r, c + half, c + y * r), fill=BLUE, width=w // 2)
    for angle in range(0, 360, 30):  # twelve dots on the ring, like a dial
        radius = n / 2 - 3.5 * w
        x, y = c + radius * math.cos(math.radians(angle)), c + radius * math.sin(math.radians(angle))
        draw.ellipse((x - w * 0.9, y - w * 0.9, x + w * 0.9, y + w * 0.9), fill=BLUE)
    image.resize((SIZE, SIZE), Image.LANCZOS).save(OUT, optimize=True)
    print(OUT)


if __name__ == "__main__":
    main()
