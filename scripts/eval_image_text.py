"""Detection and false alarms of the images-of-text OCR on generated images.

Text images: German and English phrases in several Debian fonts, sizes, colours and backgrounds;
images without text: shapes, gradients and noise. Every image goes through the same OCR and word
rule as the page audit (``checkers.page.rendered.images``). Seeded, so runs repeat. The images
are generated here, never third-party; the thresholds were set before this script existed.

    python scripts/eval_image_text.py [--count 40]
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from checkers.page.rendered.images import MIN_WORDS, read_text, tesseract_ready, words

FONT_DIR = Path("/usr/share/fonts/truetype")
PHRASES = [
    "Bürgerbüro heute geschlossen", "Jetzt online Termin buchen", "Sommerfest im Rathauspark",
    "Wahlbekanntmachung der Gemeinde", "Sprechstunde des Bürgermeisters",
    "Register for the open day", "Free parking on Saturdays", "Abfallkalender zum Download",
    "Stellenangebote der Stadtverwaltung", "Öffnungszeiten während der Feiertage",
]


def fonts() -> list[Path]:
    return sorted(p for p in FONT_DIR.rglob("*.ttf") if "Mono" not in p.name or "Bold" in p.name)


def text_image(rng: random.Random, phrase: str, font: Path) -> Image.Image:
    size = rng.choice([16, 20, 26, 34])
    bg = tuple(rng.randint(180, 255) for _ in range(3)) if rng.random() < 0.7 else (20, 40, 90)
    fg = (0, 0, 0) if sum(bg) > 300 else (255, 255, 255)
    image = Image.new("RGB", (int(size * len(phrase) * 0.62) + 40, size * 3), bg)
    draw = ImageDraw.Draw(image)
    if rng.random() < 0.5:  # a banner-like background with shapes behind the text
        for _ in range(4):
            x = rng.randint(0, image.width)
            c = tuple(min(255, v + rng.randint(-30, 30)) for v in bg)
            draw.ellipse((x - 40, -20, x + 40, image.height + 20), fill=c)
    draw.text((20, size), phrase, fill=fg, font=ImageFont.truetype(str(font), size))
    return image


def picture(rng: random.Random) -> Image.Image:
    image = Image.new("RGB", (rng.randint(200, 500), rng.randint(80, 300)), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    kind = rng.choice(["shapes", "gradient", "noise", "lines"])
    for i in range(image.width if kind == "gradient" else 30):
        c = tuple(rng.randint(0, 255) for _ in range(3))
        if kind == "gradient":
            draw.line((i, 0, i, image.height), fill=(i % 256, 100, 255 - i % 256))
        elif kind == "shapes":
            x, y = rng.randint(0, image.width), rng.randint(0, image.height)
            draw.rectangle((x, y, x + rng.randint(10, 80), y + rng.randint(10, 80)), fill=c)
        elif kind == "lines":
            ends = [(rng.randint(0, image.width), rng.randint(0, image.height)) for _ in range(2)]
            draw.line(ends, fill=c, width=rng.randint(1, 6))
        else:
            for _ in range(200):
                draw.point((rng.randint(0, image.width), rng.randint(0, image.height)), fill=c)
    return image.filter(ImageFilter.GaussianBlur(1)) if kind == "noise" else image


def png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not tesseract_ready():
        print("tesseract fehlt / missing")
        return 2
    rng = random.Random(args.seed)
    all_fonts = fonts()
    hits = misses = alarms = 0
    overlap_ok = 0
    started = time.perf_counter()
    for i in range(args.count):
        phrase = PHRASES[i % len(PHRASES)]
        image = text_image(rng, phrase, rng.choice(all_fonts))
        read = words(read_text(png(image)))
        if len(read) >= MIN_WORDS:
            hits += 1
            wanted = set(words(phrase))
            overlap_ok += len(wanted & set(read)) / len(wanted) >= 0.5
        else:
            misses += 1
            print(f"missed: {phrase!r} read as {read}")
        if len(words(read_text(png(picture(rng))))) >= MIN_WORDS:
            alarms += 1
    seconds = time.perf_counter() - started
    n = args.count
    print(f"images with text:    {hits}/{n} detected ({hits / n:.0%}), "
          f"OCR words match the true text for {overlap_ok}/{hits}")
    print(f"images without text: {alarms}/{n} false alarms ({alarms / n:.0%})")
    print(f"OCR time: {seconds / (2 * n) * 1000:.0f} ms per image")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
