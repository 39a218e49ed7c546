"""The project's Chinese tokenizer, built from the corpus.

A `tokenizers` Unigram model (Viterbi segmentation over word log-probabilities) whose
vocabulary is what jieba finds in the corpus plus the domain terms the plans declare:
quoted terms (“三城一区”), abbreviations after 以下简称/简称, short 《》 titles, and the
aliases users type. jieba runs only at build time; at query time the Rust tokenizer loads
in milliseconds. The same ``tokenizer.json`` is the tokenizer of the project-built
sentence-transformers model, so keyword search and the embedding model segment alike.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .textutil import is_cjk

UNK = "<unk>"
# Words users type that the plans may not contain; question words segment cleanly.
QUERY_WORDS = [
    "多少", "几个", "几家", "几项", "几", "哪些", "哪几", "哪个", "哪里", "什么", "怎么", "怎样", "如何", "是否",
    "有没有", "请问", "分别", "目标", "目标值", "指标", "提到", "提出", "规划", "计划", "要求", "达到", "多大",
    "期间", "时期", "年底", "以来", "比重", "占比", "强度", "研发", "高企", "副中心", "科创", "科创中心", "十三五",
    "十四五", "十五五", "十二五", "通州", "朝阳", "海淀", "北京市", "全市", "区里", "市里", "对比", "变化", "区别",
    "相比", "含义", "意思", "是指", "指的是", "简称", "全称", "定位", "期限", "年限", "一共", "总共", "打算", "准备",
    "安排", "按照", "根据", "提前", "具体", "主要", "规定", "明确", "重点", "方面", "领域", "方向", "数量", "什么样",
    "哪方面", "作用", "属于", "叫做", "名称", "全区", "到底", "究竟", "专门", "那边", "当时", "目前", "现在",
    "反复", "常说", "所谓", "回顾", "对外", "带来", "成绩", "加起来", "gdp",
]
STOPWORDS = set(
    "的 了 和 与 及 或 是 在 对 为 有 中 等 把 被 将 要 会 能 这 那 其 之 于 以 并 也 就 都 又 而 从 到 由 向 "
    "吗 呢 吧 啊 呀 么 嘛 请问 请 一下 多少 几 几个 几家 几项 哪些 哪几 哪个 哪里 什么 怎么 怎样 如何 是否 "
    "有没有 有无 分别 提到 提出 里 里面 上 下 方面 相关 关于 一个 一些 主要 具体 是指 指的是 含义 意思 何谓 "
    "理解 定义 怎么样 情况 一共 总共 打算 准备 按 按照 根据 到底 究竟 那边 这边 说 讲 叫 叫做 名称 以及 还 还有 "
    "哪方面 什么样 当中 各自 各 分别 又 那么 这个 那个 这些 那些 反复 常说 所谓 提的 说的 讲的 到底 "
    "回顾 期间 时候 对外 已经 带来 成绩 加起来 一共 总共 里面 方面的 情况下 打算 计划要 准备要 "
    "包括 包含 涵盖 主要包括 具体包括 另外 此外 同时 另 这一 该 此 来着 "
    "提法 说法 表述 叫法 异同 差异 不同 一样 有何 多大 多高 "
    "对比 比较 对照 区别 定 给 样子 最终 最后 块 一块 这块".split()
)
# Words that frame a question rather than name its topic (「……的数量/目标是多少」): they count little.
FRAME_WORDS = set(
    "数量 目标 目标值 指标 情况 水平 方面 工作 内容 方向 领域 措施 举措 任务 重点 规模 总量 问题 作用 要求 计划 "
    "规划 方案 建设 发展 提出 部署 安排 推动 推进 加强 实施 开展 达到 实现 相关 有关 主要 具体 提前 专门 "
    "布局 聚焦 瞄准 围绕 打造 构建 培育 支持 鼓励 促进 提升 强化 完善 健全 重点 加快 深化 优化 "
    "超过 突破 不少于 不低于 至少 左右 以上 要求 水平 部分 章节 板块 关系 文件 口径".split()
)
_PRETOKEN = r"[a-z0-9][a-z0-9&.%+]*|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\sa-z0-9\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_QUOTED = re.compile(r"[“\"]([^“”\"\n]{2,12})[”\"]")
_ABBREV = re.compile(r"简称[“\"《]*([^”\"》，。；）)]{1,16})")
_BOOK = re.compile(r"《([^》\n]{2,16})》")


def domain_terms(texts: Iterable[str]) -> Counter:
    """Terms the documents mark themselves: quoted terms, 简称 abbreviations, short titles."""
    terms: Counter = Counter()
    for text in texts:
        for pattern in (_QUOTED, _ABBREV, _BOOK):
            for m in pattern.finditer(text):
                term = m.group(1).strip("《》“”\" ")
                if len(term) >= 2 and any(is_cjk(c) for c in term) and not re.search(r"[，。；、：\s]", term):
                    terms[term] += 1
    return terms


def build_tokenizer(texts: list[str], extra_terms: Iterable[str] = ()):
    """Build the Unigram tokenizer from the corpus texts (jieba is used here only)."""
    import jieba
    from tokenizers import Regex, Tokenizer, models, normalizers, pre_tokenizers

    normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Lowercase()])
    texts = [normalizer.normalize_str(t) for t in texts]
    seg = jieba.Tokenizer()
    seg.initialize()
    special = Counter(domain_terms(texts))
    for term in list(extra_terms) + QUERY_WORDS:
        special[normalizer.normalize_str(term)] += 1
    for term in special:
        seg.add_word(term, freq=2000)

    counts: Counter = Counter()
    chars: Counter = Counter()
    for text in texts:
        for word in seg.lcut(text, HMM=True):
            word = word.strip()
            if word:
                counts[word] += 1
        for word in seg.lcut_for_search(text, HMM=False):
            word = word.strip()
            if len(word) > 1:
                counts[word] += 0.25  # sub-words of long words, so partial queries segment well
        chars.update(c for c in text if not c.isspace())
        counts.update(m.group(0) for m in re.finditer(r"[a-z0-9][a-z0-9&.%+]*", text))
    for term, n in special.items():
        counts[term] += 3 + n

    total = sum(counts.values()) + sum(chars.values())
    vocab: dict[str, float] = {}
    for word, n in counts.items():
        if re.fullmatch(_PRETOKEN, word) or all(is_cjk(c) for c in word):
            vocab[word] = math.log((n + 0.5) / total)
    floor = math.log(0.5 / total) - 2.0
    for ch, n in chars.items():
        vocab[ch] = max(vocab.get(ch, floor), math.log((n * 0.05 + 0.01) / total) - 2.0)
    for ch in "0123456789abcdefghijklmnopqrstuvwxyz":
        vocab.setdefault(ch, floor)
    pieces = [(UNK, 0.0)] + sorted(vocab.items(), key=lambda kv: (-kv[1], kv[0]))
    tok = Tokenizer(models.Unigram(pieces, unk_id=0, byte_fallback=False))
    tok.normalizer = normalizer
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Split(Regex(_PRETOKEN), behavior="isolated")]
    )
    return tok


class TextTokenizer:
    """Segmentation for keyword search and the static embedding model."""

    def __init__(self, tok):
        self.tok = tok
        self.tok.no_padding()
        self.tok.no_truncation()

    @classmethod
    def load(cls, path: str | Path) -> TextTokenizer:
        from tokenizers import Tokenizer

        return cls(Tokenizer.from_file(str(path)))

    def save(self, path: str | Path) -> None:
        self.tok.save(str(path))

    def normalize(self, text: str) -> str:
        return self.tok.normalizer.normalize_str(text)

    def words(self, text: str) -> list[str]:
        """All pieces, punctuation included (what the embedding model sees)."""
        return [t for t in self.tok.encode(text, add_special_tokens=False).tokens if t != UNK]

    def ids(self, texts: list[str]) -> list[list[int]]:
        return [e.ids for e in self.tok.encode_batch(texts, add_special_tokens=False)]

    def content_words(self, text: str) -> list[str]:
        """Words that carry meaning: no punctuation, no stopwords, no single function characters."""
        out = []
        for t in self.words(text):
            if t in STOPWORDS or not any(c.isalnum() for c in t):
                continue
            out.append(t)
        return out

    def keyword_tokens(self, text: str, bigrams: bool = True) -> list[str]:
        """Tokens for BM25: content words, plus CJK character bigrams for robustness to
        segmentation differences between a question and the plan's wording."""
        tokens = self.content_words(text)
        if bigrams:
            for run in re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}", self.normalize(text)):
                tokens.extend("§" + run[i : i + 2] for i in range(len(run) - 1))
        return tokens

    @property
    def vocab_size(self) -> int:
        return self.tok.get_vocab_size()

