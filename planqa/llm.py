"""Optional LLM answers through any OpenAI-compatible endpoint (llama-index's OpenAILike client).

Off by default (``answer.mode = "extractive"``). When switched on, the model sees the
retrieved passages numbered [1]…[k] and must cite them; only passages it actually cites
become citations. If the endpoint fails, the extractive answer is returned with a note.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from .answering import Draft, ExtractiveAnswerer
from .config import Config
from .errors import LLMError
from .index_store import Index
from .query import Query
from .schema import Citation, Hit

PROMPTS = Path(__file__).resolve().parent.parent / "prompts"
_MARK = re.compile(r"\[(\d{1,2})\]")
MAX_PASSAGES = 6


class LLMAnswerer:
    def __init__(self, index: Index, cfg: Config, fallback: ExtractiveAnswerer):
        if not cfg.llm.base_url or not cfg.llm.model:
            raise LLMError("已选择大模型回答模式，但未配置 llm.base_url 和 llm.model。")
        self.index = index
        self.cfg = cfg
        self.fallback = fallback
        self.system = (PROMPTS / "answer_system.txt").read_text(encoding="utf-8")
        self.user = (PROMPTS / "answer_user.txt").read_text(encoding="utf-8")
        self._client = None

    @property
    def client(self):
        if self._client is None:
            from llama_index.llms.openai_like import OpenAILike

            c = self.cfg.llm
            self._client = OpenAILike(
                model=c.model,
                api_base=c.base_url,
                api_key=os.environ.get(c.api_key_env, "not-needed"),
                is_chat_model=True,
                timeout=c.timeout_s,
                temperature=c.temperature,
                max_retries=1,
            )
        return self._client

    def messages(self, query: Query, hits: list[Hit]):
        from llama_index.core.llms import ChatMessage

        from .llamaindex_adapter import hits_to_nodes, passage_text

        metas = {d: doc.meta for d, doc in self.index.documents.items()}
        nodes = hits_to_nodes(hits[:MAX_PASSAGES], metas)
        passages = [f"[{n}] {passage_text(node.node)}" for n, node in enumerate(nodes, 1)]
        user = self.user.format(question=query.text, passages="\n\n".join(passages))
        return [ChatMessage(role="system", content=self.system), ChatMessage(role="user", content=user)]

    def answer(self, query: Query, hits: list[Hit]) -> Draft:
        try:
            reply = self.client.chat(self.messages(query, hits))
            text = (reply.message.content or "").strip()
        except Exception as e:  # network errors, HTTP errors, timeouts: all mean "fall back"
            return self.fallback_draft(query, hits, e)
        return self.to_draft(text, hits)

    def stream(self, query: Query, hits: list[Hit]) -> Iterator[str]:
        """Text deltas as the model writes them (the UI shows them live)."""
        for part in self.client.stream_chat(self.messages(query, hits)):
            if part.delta:
                yield part.delta

    def to_draft(self, text: str, hits: list[Hit]) -> Draft:
        """Keep the passages the model cited, renumbered in order of first mention."""
        used: list[int] = []
        for m in _MARK.finditer(text):
            k = int(m.group(1))
            if 1 <= k <= min(len(hits), MAX_PASSAGES) and k not in used:
                used.append(k)
        renumber = {old: new for new, old in enumerate(used, 1)}
        text = _MARK.sub(lambda m: f"[{renumber[int(m.group(1))]}]" if int(m.group(1)) in renumber else "", text)
        citations = []
        for old, new in renumber.items():
            chunk = hits[old - 1].chunk
            doc = self.index.documents[chunk.doc_id]
            citations.append(Citation(new, chunk.doc_id, doc.meta.title, chunk.section, chunk.page, chunk.start,
                                      chunk.end, chunk.text, chunk.id, chunk.start, chunk.end))
        refused = not citations or text.startswith("已收录的规划文件中没有找到")
        return Draft(text, refused, [] if refused else citations)

    def fallback_draft(self, query: Query, hits: list[Hit], error: Exception) -> Draft:
        draft = self.fallback.answer(query, hits)
        draft.text = f"（大模型服务暂不可用：{type(error).__name__}，以下为规划原文摘录。）\n" + draft.text
        return draft
