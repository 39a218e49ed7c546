"""Read corpus files (.txt/.md, .pdf, .docx) into lines with their page, or say why not.

Every failure is a :class:`DocumentError` with a Chinese reason; the index builder turns
those into the ingest report, so no file is ever dropped silently.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DocumentError

TEXT_SUFFIXES = {".txt", ".md"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {".pdf", ".docx"}


@dataclass(frozen=True)
class SourceLine:
    """One line of a source file. ``hint`` carries layout the format knows for sure:
    ``"heading:N"`` for a styled docx heading of level N, ``"table_row"``/``"table_header"``."""

    text: str
    page: int | None = None
    hint: str = ""


@dataclass
class LoadedFile:
    name: str
    kind: str  # "text" | "pdf" | "docx"
    lines: list[SourceLine] = field(default_factory=list)
    encoding: str = ""
    sha256: str = ""


def load_file(path: Path, max_mb: float = 50.0, pdf_timeout_s: float = 30.0) -> LoadedFile:
    """Read one file. Raises :class:`DocumentError` with the reason when it cannot be used."""
    import hashlib

    name = path.name
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise DocumentError(name, "不支持旧版 Word .doc 格式，请另存为 .docx 后再放入语料目录")
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(name, f"不支持的文件类型 {suffix or '（无扩展名）'}，支持 .txt .md .pdf .docx")
    try:
        size = path.stat().st_size
    except OSError as e:
        raise DocumentError(name, f"无法访问文件：{e.strerror}") from e
    if size == 0:
        raise DocumentError(name, "文件为空（0 字节）")
    if size > max_mb * 1024 * 1024:
        raise DocumentError(name, f"文件过大（{size / 1024 / 1024:.1f} MB，上限 {max_mb:g} MB）")
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    if suffix in TEXT_SUFFIXES:
        text, encoding = decode_text(data, name)
        if suffix == ".md":
            text = strip_markdown(text)
        lines = [SourceLine(line) for line in text.split("\n")]
        loaded = LoadedFile(name, "text", lines, encoding, sha)
    elif suffix == ".pdf":
        loaded = LoadedFile(name, "pdf", _load_pdf(path, pdf_timeout_s), "", sha)
    else:
        loaded = LoadedFile(name, "docx", _load_docx(path), "", sha)
    if not any(line.text.strip() for line in loaded.lines):
        raise DocumentError(name, "文件中没有可用的文字内容")
    return loaded


# ---------------------------------------------------------------------------- text
def decode_text(data: bytes, name: str = "") -> tuple[str, str]:
    """Strict decoding: UTF-8 (BOM stripped) first, then UTF-16 with BOM, then GB18030.

    The order matters: UTF-8 bytes can decode as GB18030 mojibake, never the other way
    round for real Chinese text. Nothing is decoded with ``errors="ignore"``.
    """
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(name, "文件含有二进制内容，不是文本文件")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise DocumentError(name, f"文件带 UTF-8 BOM 但内容不是合法 UTF-8（第 {e.start} 字节）") from e
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise DocumentError(name, "文件带 UTF-16 BOM 但内容无法解码") from e
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as e:
        raise DocumentError(name, "无法识别文本编码（既不是 UTF-8 也不是 GB18030/GBK），请转存为 UTF-8") from e


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def strip_markdown(text: str) -> str:
    """Drop Markdown heading markers and bold markers; keep the words."""
    out = []
    for line in text.split("\n"):
        line = _MD_HEADING.sub("", line)
        out.append(_MD_EMPHASIS.sub(r"\2", line))
    return "\n".join(out)


# ---------------------------------------------------------------------------- pdf
def _load_pdf(path: Path, timeout_s: float) -> list[SourceLine]:
    """Extract text page by page in a child process, so a hostile file cannot hang us."""
    cmd = [sys.executable, "-m", "planqa.pdftext", str(path)]
    try:
        proc = subprocess.run(
            cmd, capture_output=True, timeout=timeout_s, cwd=str(Path(__file__).resolve().parent.parent)
        )
    except subprocess.TimeoutExpired as e:
        raise DocumentError(path.name, f"PDF 解析超时（超过 {timeout_s:g} 秒），文件可能已损坏或结构异常") from e
    try:
        result = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["未知错误"]
        raise DocumentError(path.name, f"PDF 解析失败：{err[0]}") from e
    if result.get("error"):
        raise DocumentError(path.name, result["error"])
    pages: list[str] = result["pages"]
    chars = sum(len(p.strip()) for p in pages)
    if chars < 20 * max(1, len(pages)) // 4:
        raise DocumentError(
            path.name, f"PDF 共 {len(pages)} 页但几乎没有可提取的文字（可能是扫描件或图片），需要先做 OCR"
        )
    lines = []
    for number, page_text in enumerate(pages, 1):
        for line in page_text.split("\n"):
            lines.append(SourceLine(line, page=number))
        lines.append(SourceLine("", page=number))
    return lines


# ---------------------------------------------------------------------------- docx
_HEADING_STYLE = re.compile(r"^(?:Heading|标题)\s*(\d)$", re.I)


def _load_docx(path: Path) -> list[SourceLine]:
    """Paragraphs and tables in body order; styled headings and table rows carry a hint."""
    if not zipfile.is_zipfile(path):
        raise DocumentError(path.name, "不是有效的 .docx 文件（不是 zip 格式，可能是改了扩展名的其他文件）")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(str(path))
    except Exception as e:  # python-docx raises several unrelated types on bad packages
        raise DocumentError(path.name, f"不是有效的 .docx 文件：{type(e).__name__}") from e
    lines: list[SourceLine] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = item.text
            style = item.style.name if item.style is not None else ""
            m = _HEADING_STYLE.match(style or "")
            if style == "Title":
                lines.append(SourceLine(text, hint="heading:0"))
            elif m and text.strip():
                lines.append(SourceLine(text, hint=f"heading:{m.group(1)}"))
            else:
                lines.append(SourceLine(text))
        elif isinstance(item, Table):
            for i, row in enumerate(item.rows):
                cells = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if not cells or value != cells[-1]:  # merged cells repeat their text
                        cells.append(value)
                lines.append(SourceLine(" | ".join(cells), hint="table_header" if i == 0 else "table_row"))
            lines.append(SourceLine(""))
    return lines
