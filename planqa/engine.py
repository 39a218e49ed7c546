"""The whole question-answering pipeline, in order.

    question → validate → resolve follow-up → analyse → retrieve → answer (extractive or LLM)

Indexing (ingest → clean → structure → chunk → tokenizer/BM25/embeddings) lives in
:mod:`planqa.index_store`; this file only uses the loaded :class:`~planqa.index_store.Index`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

from .answering import Draft, ExtractiveAnswerer
from .config import Config
from .conversation import rewrite_follow_up
from .errors import InvalidQuestion
from .index_store import Index, IndexStore
from .query import Query, analyze
from .retrieval import HybridRetriever
from .schema import Answer, Citation, Hit
from .textutil import has_cjk


class Engine:
    def __init__(self, index: Index, cfg: Config, status: str = ""):
        self.index = index
        self.cfg = cfg
        self.status = status  # how the index was obtained (loaded / rebuilt and why)
        cross_encoder = None
        if cfg.model.reranker:
            from .embedding import CrossEncoderReranker

            cross_encoder = CrossEncoderReranker(cfg.model.reranker)
        self.retriever = HybridRetriever(index, cfg.retrieval, cross_encoder)
        self.answerer = ExtractiveAnswerer(index, cfg.answer)
        self.metas = {d: doc.meta for d, doc in index.documents.items()}
        self._llm = None

    @classmethod
    def open(cls, cfg: Config | None = None, progress=print) -> Engine:
        """Load the index, building it first if it is missing or out of date."""
        cfg = cfg or Config.load()
        index, status = IndexStore(cfg).load_or_build(progress)
        return cls(index, cfg, status)

    # ------------------------------------------------------------------ the pipeline
    def ask(self, question: str, history: list[str] | None = None) -> Answer:
        """Answer one question. Raises :class:`InvalidQuestion` for input that cannot be asked."""
        t0 = time.perf_counter()
        question, resolved, query, hits, (groups, parts), timings = self._retrieve(question, history)
        t2 = time.perf_counter()
        if self.cfg.answer.mode == "llm":
            draft = self.llm.answer(query, hits)
        else:
            draft = self.answerer.answer(query, hits, groups, parts)
        timings["answer"] = (time.perf_counter() - t2) * 1000
        timings["total"] = (time.perf_counter() - t0) * 1000
        return self._result(question, resolved, query, hits, draft, timings)

    def ask_stream(self, question: str, history: list[str] | None = None) -> Iterator[tuple[str, Answer | None]]:
        """Yield ``(text so far, None)`` while the answer is written, then ``(text, Answer)``.

        Extractive answers arrive line by line as composed; LLM answers token by token."""
        if self.cfg.answer.mode != "llm":
            answer = self.ask(question, history)
            lines = answer.text.split("\n")
            for k in range(1, len(lines)):
                yield "\n".join(lines[:k]), None
            yield answer.text, answer
            return
        t0 = time.perf_counter()
        question, resolved, query, hits, _, timings = self._retrieve(question, history)
        text = ""
        try:
            for delta in self.llm.stream(query, hits):
                text += delta
                yield text, None
            draft = self.llm.to_draft(text, hits)
        except Exception as e:  # the endpoint failed mid-way: fall back to the plans' own words
            draft = self.llm.fallback_draft(query, hits, e)
        timings["total"] = (time.perf_counter() - t0) * 1000
        answer = self._result(question, resolved, query, hits, draft, timings)
        yield answer.text, answer

    def _retrieve(self, question: str, history: list[str] | None):
        t0 = time.perf_counter()
        question = validate_question(question, self.cfg.answer.max_question_chars)
        resolved = rewrite_follow_up(question, history or [])
        expand = self.cfg.retrieval.expand_aliases
        query = analyze(resolved, self.metas, self.index.keyword, expand)
        t1 = time.perf_counter()
        hits = self.retriever.retrieve(query, top_k=max(10, self.cfg.retrieval.top_k))
        groups, parts = [], []
        for text, docs in query.compare_parts:  # one sub-question per compared plan
            sub = analyze(text, self.metas, self.index.keyword, expand)
            groups.append((sub, self.retriever.retrieve(sub, top_k=15, docs=docs)))
        for text in query.ask_parts:  # one sub-question per figure or fact asked
            sub = analyze(text, self.metas, self.index.keyword, expand)
            parts.append((sub, self.retriever.retrieve(sub, top_k=6)))
        t2 = time.perf_counter()
        timings = {"analyze": (t1 - t0) * 1000, "retrieve": (t2 - t1) * 1000}
        return question, resolved, query, hits, (groups, parts), timings

    @staticmethod
    def _result(question: str, resolved: str, query: Query, hits, draft: Draft, timings: dict) -> Answer:
        return Answer(
            question=question,
            text=draft.text,
            refused=draft.refused,
            citations=draft.citations,
            hits=cited_first(hits, draft.citations),
            qtype=query.qtype,
            rewritten=resolved if resolved != question else "",
            nearest=draft.nearest,
            timings_ms=timings,
        )

    @property
    def llm(self):
        if self._llm is None:
            from .llm import LLMAnswerer

            self._llm = LLMAnswerer(self.index, self.cfg, fallback=self.answerer)
        return self._llm


def cited_first(hits: list[Hit], citations: list[Citation]) -> list[Hit]:
    """The final ranking: passages the answer cites first (the answer step is the last reranker)."""
    cited = {c.chunk_id for c in citations}
    ordered = [h for h in hits if h.chunk.id in cited] + [h for h in hits if h.chunk.id not in cited]
    for rank, hit in enumerate(ordered, 1):
        hit.rank = rank
    return ordered


def validate_question(question: str | None, max_chars: int) -> str:
    """The question stripped, or a typed error with a Chinese message saying what to change."""
    text = (question or "").strip()
    if not text:
        raise InvalidQuestion("empty_question", "问题不能为空，请输入您想了解的内容，例如：“朝阳区十四五期间国家级高新技术企业要达到多少家？”")
    if len(text) > max_chars:
        raise InvalidQuestion(
            "question_too_long", f"问题过长（{len(text)} 字），请精简到 {max_chars} 字以内，一次只问一件事。"
        )
    if not has_cjk(text):
        if not re.search(r"[A-Za-z0-9]", text):
            raise InvalidQuestion("no_text", "问题中没有可识别的文字（只有符号或表情），请用中文描述您的问题。")
        raise InvalidQuestion(
            "not_chinese", "目前只支持中文提问，收录的规划文件均为中文。请用中文描述您的问题，例如：“副中心到2026年国家级创新平台要达到多少家？”"
        )
    return text
