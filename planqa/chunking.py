"""Cut a document into chunks: whole sentences, one section each, sized in characters.

Paragraphs of one section are packed together up to ``target_chars``; a paragraph longer
than ``max_chars`` is split between sentences (。！？； and line ends), never inside one.
A heading line travels with the text that follows it; table rows are chunks of their own
with the table's caption and header as extra retrieval context.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .config import ChunkConfig
from .schema import Block, Chunk, Document
from .textutil import sentence_spans


def chunk_document(doc: Document, cfg: ChunkConfig) -> list[Chunk]:
    chunks: list[Chunk] = []
    ids: set[str] = set()
    pending_heading: int | None = None  # start offset of heading lines waiting for their body
    group: list[Block] = []

    def emit(start: int, end: int, section_index: int, kind: str = "text", context: str = "") -> None:
        text = doc.text[start:end]
        if not text.strip():
            return
        chunks.append(
            Chunk(
                id=_stable_id(doc.doc_id, doc.section_label(section_index), text, ids),
                doc_id=doc.doc_id,
                start=start,
                end=end,
                text=text,
                section=doc.section_label(section_index),
                page=doc.page_at(start),
                kind=kind,
                context=context,
            )
        )

    def flush() -> None:
        nonlocal pending_heading
        if not group:
            return
        section = group[0].section
        pieces = _pack(doc, group, cfg)
        for k, (start, end) in enumerate(pieces):
            if k == 0 and pending_heading is not None:
                start = pending_heading
            emit(start, end, section)
        pending_heading = None
        group.clear()

    table_header = ""
    caption = ""
    for block in doc.blocks:
        if block.kind in ("heading", "title", "table_caption", "table_header"):
            flush()
            if block.kind == "heading":
                pending_heading = block.start if pending_heading is None else pending_heading
            elif block.kind == "table_caption":
                caption = doc.text[block.start : block.end]
            elif block.kind == "table_header":
                table_header = doc.text[block.start : block.end]
            continue
        if block.kind == "table_row":
            flush()
            pending_heading = None
            emit(block.start, block.end, block.section, "table_row", _row_context(caption, table_header))
            continue
        if group and (block.section != group[0].section):
            flush()
        group.append(block)
    flush()
    return chunks


def _pack(doc: Document, blocks: list[Block], cfg: ChunkConfig) -> list[tuple[int, int]]:
    """Spans covering ``blocks``: paragraphs packed to ``target_chars``, long ones split."""
    units: list[tuple[int, int]] = []
    for block in blocks:
        if block.end - block.start <= cfg.max_chars:
            units.append((block.start, block.end))
        else:
            units.extend(_split_long(doc.text, block.start, block.end, cfg))
    pieces: list[tuple[int, int]] = []
    for start, end in units:
        if pieces and end - pieces[-1][0] <= cfg.target_chars:
            pieces[-1] = (pieces[-1][0], end)
        else:
            pieces.append((start, end))
    return pieces


def _split_long(text: str, start: int, end: int, cfg: ChunkConfig) -> list[tuple[int, int]]:
    """Split one paragraph between sentences into pieces of roughly equal size."""
    sentences = sentence_spans(text, start, end)
    total = end - start
    n = max(2, -(-total // cfg.target_chars))
    goal = total / n
    pieces: list[tuple[int, int]] = []
    for s, e in sentences:
        if pieces and e - pieces[-1][0] <= goal * 1.2:
            pieces[-1] = (pieces[-1][0], e)
        else:
            pieces.append((s, e))
    return pieces


def _row_context(caption: str, header: str) -> str:
    return f"{caption}\n{header}".strip()


def _stable_id(doc_id: str, section: str, text: str, taken: set[str]) -> str:
    """Same document, section and text → same id, across rebuilds and other documents' changes."""
    stem = Path(doc_id).stem.split("_")[0]
    digest = hashlib.sha1(f"{section}\n{text}".encode()).hexdigest()[:10]
    cid = f"{stem}-{digest}"
    k = 2
    while cid in taken:
        cid = f"{stem}-{digest}-{k}"
        k += 1
    taken.add(cid)
    return cid
