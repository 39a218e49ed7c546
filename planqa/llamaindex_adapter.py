"""llama-index interop: chunks as ``TextNode`` records and PlanQA's hybrid search as a ``BaseRetriever``.

With this, PlanQA's Chinese-aware retrieval (BM25 over the corpus tokenizer + dense + fusion +
reranking) can be dropped into any llama-index query pipeline; the LLM answer mode renders
its passages from these nodes. Nodes keep ``start_char_idx``/``end_char_idx`` into the cleaned
document text, so citations stay checkable.
"""

from __future__ import annotations

from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import MetadataMode, NodeWithScore, QueryBundle, TextNode

from .schema import Chunk, DocMeta, Hit


def chunk_to_node(chunk: Chunk, meta: DocMeta) -> TextNode:
    return TextNode(
        id_=chunk.id,
        text=chunk.text,
        start_char_idx=chunk.start,
        end_char_idx=chunk.end,
        metadata={"文件": meta.title, "章节": chunk.section, "页码": chunk.page, "doc": chunk.doc_id},
        excluded_llm_metadata_keys=["doc", "页码"] if chunk.page is None else ["doc"],
        excluded_embed_metadata_keys=["doc", "页码"],
        metadata_template="{key}：{value}",
    )


def hits_to_nodes(hits: list[Hit], metas: dict[str, DocMeta]) -> list[NodeWithScore]:
    return [NodeWithScore(node=chunk_to_node(h.chunk, metas[h.chunk.doc_id]), score=h.score) for h in hits]


def passage_text(node: TextNode) -> str:
    """A passage as the LLM sees it: 文件/章节 lines, then the text."""
    return node.get_content(metadata_mode=MetadataMode.LLM)


class PlanQARetriever(BaseRetriever):
    """``engine`` is a :class:`planqa.engine.Engine`; queries go through its analysis and retrieval."""

    def __init__(self, engine, top_k: int = 10):
        super().__init__()
        self.engine = engine
        self.top_k = top_k

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        from .query import analyze

        query = analyze(query_bundle.query_str, self.engine.metas, self.engine.index.keyword,
                        self.engine.cfg.retrieval.expand_aliases)
        hits = self.engine.retriever.retrieve(query, top_k=self.top_k)
        return hits_to_nodes(hits, self.engine.metas)
