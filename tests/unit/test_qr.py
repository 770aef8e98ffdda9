"""The certificate's QR code: the SVG draws exactly the modules the qrcode package encoded
for the verification address, on a white quiet zone."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import qrcode
import qrcode.constants
from portal_certification.generator import qr_matrix_svg, qr_svg

SVG = "{http://www.w3.org/2000/svg}"


def drawn_modules(svg: str) -> tuple[int, set[tuple[int, int]]]:
    root = ET.fromstring(svg)
    size = int(root.get("viewBox").split()[2])
    (rect,) = root.iter(f"{SVG}rect")
    assert (rect.get("width"), rect.get("height"), rect.get("fill")) == (str(size), str(size), "#fff")
    (path,) = root.iter(f"{SVG}path")
    dark = set()
    for x, y, width, back in re.findall(r"M(\d+) (\d+)h(\d+)v1h-(\d+)z", path.get("d")):
        assert width == back
        dark |= {(int(x) + i, int(y)) for i in range(int(width))}
    assert re.sub(r"M\d+ \d+h\d+v1h-\d+z", "", path.get("d")) == ""  # nothing else in the path
    return size, dark


def test_the_svg_draws_every_module_of_the_code_and_nothing_else(tmp_path):
    url = "https://wielkopolskaes.pl/zakup-prospoleczny/certyfikat/ZP-2025-07/"
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(url)
    code.make(fit=True)
    matrix = code.get_matrix()
    expected = {(x, y) for y, row in enumerate(matrix) for x, on in enumerate(row) if on}

    svg = qr_svg(url, {"IMAGES_CACHE_PATH": str(tmp_path / "images")}).decode()
    size, dark = drawn_modules(svg)
    assert size == len(matrix) == code.modules_count + 8  # the standard's four light modules on each side
    assert dark == expected
    assert not any(x < 4 or y < 4 or x >= size - 4 or y >= size - 4 for x, y in dark)
    # kept beside the image cache: the second call reads the same bytes
    assert (
        list((tmp_path / "qr").glob("*.svg"))
        and qr_svg(url, {"IMAGES_CACHE_PATH": str(tmp_path / "images")}).decode() == svg
    )


def test_runs_end_at_the_edge_of_a_row():
    size, dark = drawn_modules(
        qr_matrix_svg([[True, True, False], [False, True, True], [False, False, False]])
    )
    assert size == 3 and dark == {(0, 0), (1, 0), (1, 1), (2, 1)}
