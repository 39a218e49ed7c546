"""The records that flow through the pipeline: document → chunk → hit → answer.

Offsets (``start``/``end``) always index the *cleaned* text of a document, so that
``document.text[start:end]`` is exactly what a citation quotes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class DocMeta:
    """What the manifest says about one document (or what was inferred when it is silent)."""

    file: str
    title: str
    short_name: str = ""
    issuer: str = ""
    period: str = ""  # e.g. "2021-2025"
    date: str = ""  # issue date if known, ISO
    region: str = ""  # 北京市 / 朝阳区 / 北京城市副中心（通州区）
    kind: str = ""  # 规划 / 行动计划 / 解读 / 起草说明
    aliases: tuple[str, ...] = ()  # names users type for the region or plan
    inferred: bool = False  # True when no manifest entry existed

    def to_dict(self) -> dict:
        d = asdict(self)
        d["aliases"] = list(self.aliases)
        return d


@dataclass(frozen=True)
class Section:
    """A heading and the span of text it governs. ``path`` is the headings from the top down."""

    path: tuple[str, ...]
    level: int
    start: int  # offset of the heading line
    end: int  # end of the section's last line

    @property
    def label(self) -> str:
        return " > ".join(self.path)


@dataclass(frozen=True)
class Block:
    """One unit of layout in the cleaned text: a heading, a paragraph or a table row."""

    kind: str  # "heading" | "paragraph" | "table_row" | "table_caption"
    start: int
    end: int
    section: int  # index into Document.sections, -1 for text before the first heading


@dataclass
class Document:
    """A cleaned, structured document."""

    doc_id: str  # corpus file name; evaluation keys on it
    meta: DocMeta
    text: str  # the cleaned text every offset points into
    sections: list[Section] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    page_starts: list[int] | None = None  # offset where page i+1 starts (PDF only)
    sha256: str = ""
    cleaning: dict = field(default_factory=dict)  # what cleaning removed or repaired

    def page_at(self, offset: int) -> int | None:
        """1-based page number of a text offset, or None when the source has no pages."""
        if not self.page_starts:
            return None
        page = 0
        for i, start in enumerate(self.page_starts):
            if start <= offset:
                page = i
            else:
                break
        return page + 1

    def section_label(self, index: int) -> str:
        return self.sections[index].label if 0 <= index < len(self.sections) else ""


@dataclass(frozen=True)
class Chunk:
    """A retrievable unit: whole sentences from one section of one document."""

    id: str
    doc_id: str
    start: int
    end: int
    text: str  # == document.text[start:end]
    section: str  # "一、… > （一）… > 1. …"
    page: int | None
    kind: str = "text"  # "text" | "table_row"
    context: str = ""  # extra retrieval text (table caption and header) not part of the quote

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Hit:
    """A chunk found for a query with its scores (``score`` is what the ranking used)."""

    chunk: Chunk
    score: float
    rank: int = 0
    scores: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Citation:
    n: int
    doc: str
    title: str
    section: str
    page: int | None
    start: int
    end: int
    quote: str
    chunk_id: str = ""
    # the cited chunk's span, so a UI can show the passage around the quote
    passage_start: int = 0
    passage_end: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class SkippedFile:
    """A corpus file that was not indexed, and why (Chinese)."""

    file: str
    reason: str


@dataclass
class Answer:
    question: str
    text: str
    refused: bool
    citations: list[Citation] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    qtype: str = "fact"
    rewritten: str = ""  # the question as searched (after follow-up rewriting)
    nearest: list[Citation] = field(default_factory=list)  # shown with a refusal, not evidence
    error: dict | None = None  # {"code", "message"} when the question was rejected

    def to_dict(self) -> dict:
        """The CLI JSON contract (fields may be added, never changed or removed)."""
        return {
            "question": self.question,
            "answer": self.text,
            "refused": self.refused,
            "citations": [c.to_dict() for c in self.citations],
            "hits": [
                {"rank": h.rank, "doc": h.chunk.doc_id, "section": h.chunk.section, "text": h.chunk.text,
                 "score": round(h.score, 6), "chunk_id": h.chunk.id, "start": h.chunk.start, "end": h.chunk.end,
                 "page": h.chunk.page, "scores": {k: round(v, 6) for k, v in h.scores.items()}}
                for h in self.hits
            ],
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
            "type": self.qtype,
            "rewritten_question": self.rewritten,
            "nearest": [c.to_dict() for c in self.nearest],
            "error": self.error,
        }
