"""Draws the application's icon: a white letter page with the emblem and lines of text, on blue.

    .venv/bin/python scripts/make_icon.py

Writes resources/icons/circular-editor.png (256 px: the window, the Linux desktop entry)
and resources/icons/circular-editor.ico (16-256 px: the Windows executable).
"""
from pathlib import Path

from PIL import Image, ImageDraw

SIZE, SCALE = 256, 4
BLUE = (0, 92, 169, 255)
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def main() -> None:
    n = SIZE * SCALE
    image = Image.new("RGBA", (n, n), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((8 * SCALE, 8 * SCALE, n - 8 * SCALE, n - 8 * SCALE), radius=44 * SCALE, fill=BLUE)
    page = (58 * SCALE, 30 * SCALE, n - 58 * SCALE, n - 30 * SCALE)
    draw.rounded_rectangle(page, radius=8 * SCALE, fill=(255, 255, 255, 255))
    emblem = Image.open(RESOURCES / "emblem.png").convert("RGBA").resize((62 * SCALE, 62 * SCALE), Image.LANCZOS)
    image.alpha_composite(emblem, (page[2] - 74 * SCALE, page[1] + 14 * SCALE))
    # lines of text, ragged at the left as Arabic lines end there
    right = page[2] - 16 * SCALE
    y = page[1] + 96 * SCALE
    for k, width in enumerate((108, 92, 108, 70, 108, 84)):
        draw.rounded_rectangle((right - width * SCALE, y, right, y + 7 * SCALE), radius=3 * SCALE, fill=BLUE)
        y += (18 if k % 2 else 16) * SCALE
    icon = image.resize((SIZE, SIZE), Image.LANCZOS)
    (RESOURCES / "icons").mkdir(exist_ok=True)
    icon.save(RESOURCES / "icons" / "circular-editor.png")
    icon.save(RESOURCES / "icons" / "circular-editor.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    print(RESOURCES / "icons")


if __name__ == "__main__":
    main()
