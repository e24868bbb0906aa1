"""Draw the placeholder staff photos used by ../demo.yaml (demonstration content).

Each picture is a plain illustrated silhouette on a soft coloured background: no real person,
no face. Run it from anywhere; it writes the PNG files next to itself:

    .venv/bin/python assets/content/photos/make_photos.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 300, 400
SCALE = 4  # draw large, then scale down for smooth edges

# file name -> (background top colour, background bottom colour, silhouette colour, hair style)
PHOTOS = {
    "hj0101.png": ((214, 232, 222), (186, 214, 199), (92, 110, 120), "short"),
    "hj0501.png": ((219, 228, 241), (190, 205, 228), (96, 104, 124), "long"),
    "hj0801.png": ((243, 229, 214), (228, 206, 186), (104, 100, 108), "short"),
}


def _gradient(top: tuple[int, int, int], bottom: tuple[int, int, int], size: tuple[int, int]) -> Image.Image:
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / max(1, height - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    return image


def _silhouette(size: tuple[int, int], colour: tuple[int, int, int], hair: str) -> Image.Image:
    """A head-and-shoulders outline as an RGBA layer."""
    width, height = size
    s = SCALE
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    fill = (*colour, 255)
    cx = width // 2

    # shoulders and upper body: a wide rounded shape running off the bottom edge
    draw.rounded_rectangle([cx - 128 * s, 258 * s, cx + 128 * s, height + 60 * s], radius=70 * s, fill=fill)
    # neck
    draw.rounded_rectangle([cx - 26 * s, 200 * s, cx + 26 * s, 285 * s], radius=12 * s, fill=fill)
    # head
    draw.ellipse([cx - 62 * s, 92 * s, cx + 62 * s, 236 * s], fill=fill)
    if hair == "long":
        # hair falling to the shoulders on both sides
        draw.rounded_rectangle([cx - 72 * s, 110 * s, cx + 72 * s, 292 * s], radius=48 * s, fill=fill)
    else:
        # a slightly fuller crown
        draw.ellipse([cx - 61 * s, 84 * s, cx + 61 * s, 196 * s], fill=fill)

    # a lighter collar line suggests a shirt without drawing any features
    collar = tuple(min(255, c + 38) for c in colour)
    draw.polygon([(cx - 34 * s, 266 * s), (cx, 308 * s), (cx + 34 * s, 266 * s)], fill=(*collar, 255))
    return layer


def draw_photo(target: Path, top: tuple[int, int, int], bottom: tuple[int, int, int],
               colour: tuple[int, int, int], hair: str) -> None:
    size = (WIDTH * SCALE, HEIGHT * SCALE)
    background = _gradient(top, bottom, size).convert("RGBA")
    figure = _silhouette(size, colour, hair)
    # a soft shadow behind the figure
    shadow = Image.new("RGBA", size, (0, 0, 0, 0))
    shadow.paste((40, 40, 50, 60), mask=figure.getchannel("A"))
    shadow = shadow.filter(ImageFilter.GaussianBlur(6 * SCALE))
    background.alpha_composite(shadow, dest=(3 * SCALE, 5 * SCALE))
    background.alpha_composite(figure)
    picture = background.convert("RGB").resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    picture.save(target, format="PNG", optimize=True)


def main() -> None:
    here = Path(__file__).resolve().parent
    for name, (top, bottom, colour, hair) in PHOTOS.items():
        draw_photo(here / name, top, bottom, colour, hair)
        print(f"wrote {here / name}")


if __name__ == "__main__":
    main()
