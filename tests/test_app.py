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


def test_wording_tab_marks_changes_and_exports(page, tmp_path):
    page.get_by_role("tab", name="措辞比对").click()
    page.fill("#draft textarea", "到2028年，全区国家级创新平台总量突破12家。全面推进人工智能与低空经济深度融合发展。")
    page.click("#wording-run")
    page.wait_for_selector("#wording-report .wd-card", timeout=20_000)
    report = page.inner_text("#wording-report")
    assert "改写 1" in report and "新增 1" in report and "数字/年份变化" in report
    assert page.query_selector("#wording-report ins.num") is not None
    with page.expect_download(timeout=20_000) as download:
        page.get_by_role("button", name="导出报告").click()
        page.wait_for_selector("a[download]", timeout=20_000).click()
    path = tmp_path / "report.docx"
    download.value.save_as(path)
    import docx

    assert docx.Document(str(path)).tables[0].rows[1].cells[2].text == "改写"
    page.fill("#draft textarea", "   ")
    page.click("#wording-run")
    page.wait_for_function("document.querySelector('#wording-report').innerText.includes('草稿内容为空')", timeout=15_000)


def test_terms_tab_counts_and_context(page):
    page.get_by_role("tab", name="提法检索").click()
    page.fill("#phrase textarea", "“三城一区”")
    page.click("#terms-run")
    page.wait_for_selector("#terms-report .kwic mark", timeout=20_000)
    assert "三城一区" in page.inner_text("#terms-report .kwic mark") and "共出现" in page.inner_text("#terms-report")
    page.fill("#phrase textarea", "，")
    page.click("#terms-run")
    page.wait_for_function("document.querySelector('#terms-report').innerText.includes('只有标点')", timeout=15_000)


def test_targets_tab_compares_one_indicator(page):
    page.get_by_role("tab", name="指标对比").click()
    page.wait_for_selector("#targets-table", timeout=10_000)
    page.fill("#indicator textarea", "PCT国际专利申请量")
    page.click("#targets-run")
    page.wait_for_function("document.querySelector('#targets-comparison').innerText.includes('15000')", timeout=20_000)
    assert "朝阳区" in page.inner_text("#targets-comparison")
    page.fill("#indicator textarea", "火星殖民地数量")
    page.click("#targets-run")
    page.wait_for_function("document.querySelector('#targets-comparison').innerText.includes('没有找到')", timeout=15_000)
    page.get_by_role("tab", name="问答").click()
