"""Regenerate ``fixtures/`` from our own clean texts in ``tests/data/originals/``.

Each fixture applies one kind of damage the seed pages show (see ``benchmarks/damage.py``
for the simulators), so the tests can compare the cleaned fixture with its original.

    python scripts/make_fixtures.py
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import damage  # noqa: E402

ORIGINALS = ROOT / "tests" / "data" / "originals"
FIXTURES = ROOT / "fixtures"

# The annotating site's character list, in the order it ran its replacements. 請 is on it
# although the text never uses it: its GBK code D5 88 straddles 日|報 and makes 日?qǐng)?bào).
ANNOTATED = ["報", "請", "當", "發", "質", "長", "會", "國", "調", "問", "題"]

BANNER = "918bet体育_918体育投注-在线APP官网@"
PAGE_CHROME_TOP = ["图片", "无障碍浏览 长者模式", "工作动态", ""]
SOURCE_LINE = "来源: 河湾日报   2024-10-12 09:15   字号: [        ]"


def original(name: str) -> str:
    return (ORIGINALS / name).read_text(encoding="utf-8")


def asciify_prose(line: str) -> str:
    """The seed's damage: ASCII punctuation typed inside Chinese prose."""
    return line.replace("，", ",").replace("；", ";").replace("：", ":").replace("（", "(").replace("）", ")")


def betting_page() -> str:
    lines = original("grain_purchase.txt").rstrip("\n").split("\n")
    title, blank, subtitle, *body = lines
    body = [asciify_prose(line) for line in body]
    body[-1] = body[-1].rstrip(")")  # the last line lost its closing parenthesis
    return "\n".join([BANNER, "", *PAGE_CHROME_TOP, title, blank, subtitle, "", SOURCE_LINE, "", *body]) + "\n"


def write(name: str, data: bytes) -> None:
    (FIXTURES / name).write_bytes(data)
    print(f"wrote fixtures/{name} ({len(data)} bytes)")


def main() -> None:
    FIXTURES.mkdir(exist_ok=True)
    write("clean_news.txt", original("library_opening.txt").encode("utf-8"))
    write("betting_banner_page.txt", betting_page().encode("utf-8"))
    write("pinyin_annotated_trad.txt",
          damage.gbk_byte_annotate(original("grain_purchase_trad.txt"), ANNOTATED).encode("utf-8"))
    # The second byte-level variant: 。 lost its trail byte's alignment (one decidable spot).
    write("pinyin_stray_lead_trad.txt",
          damage.gbk_stray_lead(original("grain_purchase_trad.txt"), 1, random.Random(1))[0].encode("utf-8"))
    write("gbk_news.txt", original("grain_purchase.txt").encode("gbk"))
    write("big5_news.txt", original("grain_purchase_trad.txt").encode("big5"))
    write("utf8_read_as_gbk.txt",
          damage.utf8_read_as_gbk(original("library_opening.txt"), "gb18030").encode("utf-8"))
    write("gbk_read_as_latin1.txt",
          damage.gbk_read_as_latin1(original("grain_purchase.txt")).encode("utf-8"))
    write("mixed_script.txt", original("tea_festival_mixed.txt").encode("utf-8"))


if __name__ == "__main__":
    main()
