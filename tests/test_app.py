"""The Gradio app in a real browser (Debian chromium driven by Playwright) on loopback."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(real_engine, real_base):
    port = free_port()
    env = {**os.environ, "PLANQA_CORPUS_DIR": str(real_base / "corpus"), "PLANQA_INDEX_DIR": str(real_base / "index"),
           "GRADIO_ANALYTICS_ENABLED": "False"}
    proc = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(proc.stdout.read())
            time.sleep(0.5)
    else:
        proc.kill()
        raise RuntimeError("app did not start within 90 s")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def page(app_url):
    if not shutil.which("chromium") and not os.path.exists(CHROMIUM):
        pytest.fail("浏览器测试需要 Debian 的 chromium：运行 `make chromium`（make test 会自动安装）")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 900})
        pg.goto(app_url)
        pg.wait_for_selector("#question textarea", timeout=30_000)
        yield pg
        browser.close()


def ask(page, question: str):
    page.fill("#question textarea", question)
    page.click("#send")


def test_chat_answers_with_clickable_citations(page):
    ask(page, "副中心到2026年国家级创新平台要达到多少家？")
    link = page.wait_for_selector('a.cite[href="#src-1-1"]', timeout=30_000)
    assert "10家" in page.inner_text("#chat")
    link.click()
    card = page.wait_for_selector("#src-1-1.flash", timeout=5_000)
    assert "国家级创新平台总量突破10家" in card.query_selector("mark").inner_text()
    assert "加大高水平创新平台落地建设" in card.inner_text()


def test_follow_up_in_the_same_session_keeps_the_topic(page):
    ask(page, "朝阳区到2025年国家级高新技术企业要达到多少家？")
    page.wait_for_selector('a.cite[href="#src-2-1"]', timeout=30_000)
    ask(page, "那独角兽企业呢？")
    page.wait_for_selector('a.cite[href="#src-3-1"]', timeout=30_000)
    assert "40左右" in page.inner_text("#src-3-1")


def test_empty_question_gets_a_chinese_message(page):
    page.fill("#question textarea", "   ")
    page.click("#send")
    page.wait_for_function("document.querySelector('#chat').innerText.includes('问题不能为空')", timeout=15_000)


def test_documents_tab_lists_the_corpus(page):
    page.get_by_role("tab", name="文档").click()
    page.wait_for_selector(".doc-table", timeout=10_000)
    table = page.inner_text(".doc-table")
    assert "朝阳区“十四五”时期科技创新发展规划" in table and "003_18b8db5b112a67a5.txt" in table
    page.get_by_role("tab", name="问答").click()
