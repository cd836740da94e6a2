"""The search page in a real browser: headless Chromium renders the Chinese results, checked in the DOM, in the
fonts Chromium used, and in the pixels of the results table."""

from __future__ import annotations

import base64
import subprocess

import pytest

from .chromium import Chromium, Image
from .server import running_server
from .test_datasette import build_glossary

# What Chromium rendered: the search box, the description of the filter, and the rows of the results table.
PAGE_STATE = """
document.fonts.ready.then(() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; };
  const table = document.querySelector("table.rows-and-columns");
  return {
    search: document.querySelector("input[name=_search]").value,
    described: document.querySelector("h3").textContent.replace(/\\s+/g, " ").trim(),
    table: table && box(table),
    cells: [...document.querySelectorAll("table.rows-and-columns td.col-zh")].map(td => ({
      text: td.textContent.trim(),
      box: box(td),
      glyphs: (() => { const r = document.createRange(); r.selectNodeContents(td); return box(r); })(),
    })),
  };
})
"""


@pytest.fixture
def browser(tmp_path):
    with Chromium(tmp_path / "chromium-profile") as chromium:
        yield chromium


def chinese_fonts() -> set[str]:
    """Font families fontconfig says can write Chinese."""
    out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=True).stdout
    return {name.strip() for line in out.splitlines() for name in line.split(",")}


def test_search_page_renders_chinese_results(tmp_path, browser):
    db = tmp_path / "glossary.db"
    build_glossary(db)
    with running_server(db) as server:
        session = browser.open_page(server.url + "/terms?_search=%E6%A8%A1%E5%9E%8B&_sort=zh", 1400, 1600)
        state = browser.evaluate(session, PAGE_STATE)

        # The DOM Chromium built: our query in the box, Datasette's description, one row per matching term.
        assert state["search"] == "模型"
        assert state["described"] == '4 rows where search matches "模型" sorted by zh'
        texts = [c["text"] for c in state["cells"]]
        assert sorted(texts) == sorted(["大语言模型", "奖励模型", "奖赏模型", "模型"])

        # The fonts Chromium drew those cells with can write Chinese, and drew every character.
        document = browser.send("DOM.getDocument", session)["root"]["nodeId"]
        browser.send("CSS.enable", session)
        cell = browser.send("DOM.querySelector", session, nodeId=document, selector="td.col-zh")["nodeId"]
        fonts = browser.send("CSS.getPlatformFontsForNode", session, nodeId=cell)["fonts"]
        assert {f["familyName"] for f in fonts} <= chinese_fonts(), fonts
        assert sum(f["glyphCount"] for f in fonts) == len(texts[0])

        # The pixels of the results table: a screenshot of just that region.
        x, y, width, height = state["table"]
        clip = {"x": x, "y": y, "width": width, "height": height, "scale": 1}
        png = base64.b64decode(
            browser.send("Page.captureScreenshot", session, format="png", clip=clip, captureBeyondViewport=True)["data"]
        )
        (tmp_path / "search.png").write_bytes(png)
        image = Image(png)
        assert abs(image.width - width) <= 1 and abs(image.height - height) <= 1
        ink = {}
        for c in state["cells"]:
            gx, gy, gw, gh = c["glyphs"]
            mask = image.ink(gx - x, gy - y, gw, gh)
            ink[c["text"]] = mask
            dark = sum(map(sum, mask)) / max(1, sum(map(len, mask)))
            assert 0.05 < dark < 0.6, (c["text"], dark)  # text is drawn: neither blank nor a filled block
        # 奖励模型 and 奖赏模型 differ in one character: real glyphs differ where missing-glyph boxes would not.
        looks_the_same = ink["奖励模型"] == ink["奖赏模型"]
        assert not looks_the_same, "奖励模型 and 奖赏模型 drew the same pixels: missing-glyph boxes, no Chinese font"
