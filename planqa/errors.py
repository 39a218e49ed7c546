"""Typed errors. Each carries a Chinese message meant for the user at the edge (UI, CLI)."""

from __future__ import annotations


class PlanQAError(Exception):
    """Base class. ``code`` is stable (machine-readable); ``message`` is Chinese, for people."""

    code = "error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InvalidQuestion(PlanQAError):
    """The question cannot be answered as typed (empty, too long, no Chinese, …)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class DocumentError(PlanQAError):
    """A document could not be read; ``reason`` says why, in Chinese."""

    code = "document_unreadable"

    def __init__(self, path: str, reason: str):
        super().__init__(f"无法读取文件 {path}：{reason}")
        self.path = path
        self.reason = reason


class ModelNotFound(PlanQAError):
    """A configured model path does not exist or is not a model directory."""

    code = "model_not_found"

    def __init__(self, what: str, path: str, detail: str = ""):
        extra = f"（{detail}）" if detail else ""
        super().__init__(
            f"找不到{what}：{path}{extra}。请确认该路径下是已下载好的模型目录；本程序不会联网下载模型。"
        )
        self.path = path


class IndexError_(PlanQAError):
    """The on-disk index is missing, corrupt or from an incompatible build."""

    code = "index_invalid"


class CorpusEmpty(PlanQAError):
    code = "corpus_empty"

    def __init__(self, folder: str):
        super().__init__(f"语料目录 {folder} 中没有可读取的文件，无法建立索引。")


class InputTooLarge(PlanQAError):
    code = "input_too_large"


class ConfigError(PlanQAError):
    code = "config_invalid"


class LLMError(PlanQAError):
    code = "llm_failed"
