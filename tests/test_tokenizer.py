"""The corpus-built tokenizer: domain terms stay whole, questions segment like the plans."""

from __future__ import annotations

from planqa.tokenizer import TextTokenizer, build_tokenizer, domain_terms

TEXTS = [
    "加快建设“三城一区”主平台，推动“三城一区”协同联动。",
    "北京城市副中心（通州区）（以下简称“城市副中心”）锚定主导功能定位。",
    "全区R&D相比2023年力争实现倍增，强度达到4%。国家级高新技术企业数量达5200家。",
    "《北京市“十四五”时期国际科技创新中心建设规划》（以下简称“《规划》”）。",
]


def test_domain_terms_are_found_in_quotes_abbreviations_and_titles():
    terms = domain_terms(TEXTS)
    assert terms["三城一区"] == 2
    assert "城市副中心" in terms and "十四五" in terms


def test_segmentation_keeps_terms_numbers_and_latin_whole(tmp_path):
    tok = TextTokenizer(build_tokenizer(TEXTS, ["副中心"]))
    assert "三城一区" in tok.words("三城一区是指什么？")
    words = tok.words("副中心R&D强度达到4%，高新技术企业5200家")
    assert {"副中心", "r&d", "4%", "5200"} <= set(words)
    assert tok.content_words("三城一区是指什么？") == ["三城一区"]
    assert "多大" not in tok.content_words("技术合同成交额占全国多大比重")  # an asking word, not a topic
    # 「对比」「给通州定的」「最终要建成什么样子」 frame the question; a sentence need not repeat them
    assert tok.content_words("高企数量目标对比，给通州定的研发投入强度") == tok.content_words("高企数量目标，通州研发投入强度")
    assert "最终" not in tok.content_words("怀柔科学城最终要建成什么样子")
    tok.save(tmp_path / "tokenizer.json")
    again = TextTokenizer.load(tmp_path / "tokenizer.json")
    assert again.words("城市副中心强度达到4%") == tok.words("城市副中心强度达到4%")


def test_keyword_tokens_add_bigrams_in_their_own_namespace():
    tok = TextTokenizer(build_tokenizer(TEXTS))
    tokens = tok.keyword_tokens("国家级高新技术企业")
    assert "§高新" in tokens and "§企业" in tokens
    assert all(not t.startswith("§") for t in tok.keyword_tokens("国家级高新技术企业", bigrams=False))
