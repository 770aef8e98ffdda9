"""Make the sample film of the sign-language section: content/filmy/pliki/portal-w-pjm.webm,
its captions (.pl.vtt) and its poster (content/images/filmy/pjm-kadr.jpg).

SAMPLE DATA: the film is drawn, not filmed: a schematic signer whose hands move, with the
words of each part on a board beside them; it is not Polish Sign Language. It stands in
for the recording ROPS will commission from a Deaf signer (the section says so), so that
the player, the captions and the transcript can be built and tested now.

Drawn on a canvas in Debian's Chromium (through Playwright) and recorded by the browser's
own MediaRecorder (WebM, VP8): no video tool beyond what the browser tests need.

    .venv/bin/python tools/sample_pjm_film.py
"""

from __future__ import annotations

import base64
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VIDEO = ROOT / "content" / "filmy" / "pliki" / "portal-w-pjm.webm"
CAPTIONS = ROOT / "content" / "filmy" / "pliki" / "portal-w-pjm.pl.vtt"
POSTER = ROOT / "content" / "images" / "filmy" / "pjm-kadr.jpg"
SECONDS_PER_PART = 4
# What is said in each part: the captions, and the words on the board.
PARTS = [
    "Dzień dobry. To jest portal o ekonomii społecznej w Wielkopolsce.",
    "Portal prowadzi Regionalny Ośrodek Polityki Społecznej w Poznaniu.",
    "Znajdziesz tu firmy społeczne, ośrodki wsparcia i pamiątki z regionu.",
    "Masz pytanie? Napisz do nas: es@rops.poznan.pl.",
]

DRAW = """
window.drawFrame = (ctx, t, parts, seconds) => {
  const w = ctx.canvas.width, h = ctx.canvas.height, s = w / 640;
  ctx.fillStyle = "#0b4a6f"; ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = "#f3f5f7"; ctx.fillRect(330 * s, 40 * s, 280 * s, 230 * s);
  const part = Math.min(parts.length - 1, Math.floor(t / seconds));
  ctx.fillStyle = "#1b1b1b"; ctx.font = `${18 * s}px DejaVu Sans, sans-serif`;
  let line = "", y = 80 * s;
  for (const word of parts[part].split(" ")) {
    if (ctx.measureText(line + word).width > 250 * s) { ctx.fillText(line, 345 * s, y); line = ""; y += 28 * s; }
    line += word + " ";
  }
  ctx.fillText(line, 345 * s, y);
  ctx.fillStyle = "#ffffff"; ctx.font = `bold ${14 * s}px DejaVu Sans, sans-serif`;
  ctx.fillText("PRZYKŁAD – film rysowany, nie język migowy", 20 * s, 335 * s);
  // the signer: head, body, two arms whose hands move
  ctx.fillStyle = "#ffd7b0"; ctx.beginPath(); ctx.arc(170 * s, 95 * s, 38 * s, 0, 7); ctx.fill();
  ctx.fillStyle = "#1d6b3a"; ctx.fillRect(120 * s, 140 * s, 100 * s, 150 * s);
  ctx.strokeStyle = "#ffd7b0"; ctx.lineWidth = 16 * s; ctx.lineCap = "round";
  const arm = (x, phase) => {
    const hx = x + 45 * Math.sin(t * 3 + phase) * s, hy = (170 + 40 * Math.cos(t * 2.3 + phase)) * s;
    ctx.beginPath(); ctx.moveTo(x, 160 * s); ctx.lineTo((x + hx) / 2, 210 * s); ctx.lineTo(hx, hy); ctx.stroke();
    ctx.fillStyle = "#ffd7b0"; ctx.beginPath(); ctx.arc(hx, hy, 14 * s, 0, 7); ctx.fill();
  };
  arm(125 * s, 0); arm(215 * s, 1.7);
};
window.record = async (parts, seconds) => {
  const canvas = document.createElement("canvas"); canvas.width = 640; canvas.height = 360;
  const ctx = canvas.getContext("2d");
  const stream = canvas.captureStream(25);
  const recorder = new MediaRecorder(stream, {mimeType: "video/webm;codecs=vp8", videoBitsPerSecond: 250000});
  const chunks = [];
  recorder.ondataavailable = (e) => chunks.push(e.data);
  const done = new Promise((resolve) => { recorder.onstop = resolve; });
  const total = parts.length * seconds, start = performance.now();
  recorder.start();
  await new Promise((resolve) => {
    const tick = () => {
      const t = (performance.now() - start) / 1000;
      drawFrame(ctx, Math.min(t, total), parts, seconds);
      if (t < total) requestAnimationFrame(tick); else resolve();
    };
    tick();
  });
  recorder.stop(); await done;
  const buffer = await new Blob(chunks, {type: "video/webm"}).arrayBuffer();
  let binary = ""; const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary);
};
window.poster = (parts, seconds) => {
  const canvas = document.createElement("canvas"); canvas.width = 1920; canvas.height = 1080;
  drawFrame(canvas.getContext("2d"), 1.2, parts, seconds);
  return canvas.toDataURL("image/jpeg", 0.88).split(",")[1];
};
0;  // (the script's value: not a function, which Playwright would call)
"""


def captions() -> str:
    cues = ["WEBVTT", ""]
    for index, text in enumerate(PARTS):
        start, end = index * SECONDS_PER_PART, (index + 1) * SECONDS_PER_PART
        cues += [f"00:{start:02d}.000 --> 00:{end:02d}.000", text, ""]
    return "\n".join(cues)


def main() -> int:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.set_content("<!doctype html><title>PJM</title>")
        page.evaluate(DRAW)
        video = page.evaluate("([p, s]) => record(p, s)", [PARTS, SECONDS_PER_PART])
        poster = page.evaluate("([p, s]) => poster(p, s)", [PARTS, SECONDS_PER_PART])
        browser.close()
    VIDEO.write_bytes(base64.b64decode(video))
    POSTER.write_bytes(base64.b64decode(poster))
    CAPTIONS.write_text(captions(), encoding="utf-8")
    for path in (VIDEO, CAPTIONS, POSTER):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
