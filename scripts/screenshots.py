"""Take the README screenshots: ``python scripts/screenshots.py`` (needs Debian chromium).

Starts the app on a free port against the repo's corpus and index, drives it in headless
chromium and writes PNGs to docs/img/.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def main() -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=ROOT)
    try:
        url = f"http://127.0.0.1:{port}/"
        for _ in range(600):
            try:
                urllib.request.urlopen(url, timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 960})
            page.goto(url)
            page.wait_for_selector("#question textarea")
            for q in ["副中心到2026年国家级创新平台要达到多少家？", "十三五和十四五时期北京分别提出建设什么科技创新中心？"]:
                page.fill("#question textarea", q)
                page.click("#send")
                page.wait_for_function(
                    f"document.querySelectorAll('details.src-turn').length >= {1 if '副中心' in q else 2}", timeout=30000)
            page.click('a.cite[href="#src-2-2"]')
            time.sleep(0.8)
            page.screenshot(path=str(OUT / "chat.png"))
            for tab, name, box, text, button, ready in TABS:
                page.get_by_role("tab", name=tab).click()
                time.sleep(0.5)
                if box:
                    page.fill(f"{box} textarea", text)
                    page.click(button)
                    page.wait_for_selector(ready, timeout=30000)
                time.sleep(1.0)
                page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    print("screenshots written to", OUT)


DRAFT = ("到2030年，副中心国家级创新平台总量突破20家，国家高新技术企业数量达到2000家。"
         "以“三城一区”为主平台，加快建设国际科技创新中心。"
         "大力发展低空经济和具身智能产业，培育耐心资本。")
# (tab, image name, input, text typed, button, selector that appears when done)
TABS = [
    ("措辞比对", "wording", "#draft", DRAFT, "#wording-run", "#wording-report .wd-card"),
    ("提法检索", "terms", "#phrase", "国际科技创新中心", "#terms-run", "#terms-report .kwic"),
    ("指标对比", "targets", "#indicator", "研发投入强度", "#targets-run", "#targets-comparison h4"),
    ("文档", "documents", None, "", "", ""),
]

if __name__ == "__main__":
    main()
