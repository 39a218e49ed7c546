"""PlanQA retrieval inside llama-index: a BaseRetriever returning TextNodes with exact offsets."""

from planqa.llamaindex_adapter import PlanQARetriever, passage_text


def test_retriever_returns_nodes_pointing_into_the_cleaned_text(tiny_engine):
    nodes = PlanQARetriever(tiny_engine, top_k=3).retrieve("乙区到2026年技术合同成交额目标")
    assert len(nodes) == 3
    top = nodes[0].node
    doc = tiny_engine.index.documents[top.metadata["doc"]]
    assert doc.text[top.start_char_idx : top.end_char_idx] == top.text and "80亿元" in top.text
    rendered = passage_text(top)
    assert rendered.startswith("文件：乙区科技创新行动计划") and "章节：一、总体要求" in rendered and "doc" not in rendered
