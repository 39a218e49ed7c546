"""Read every file of the corpus folder into a Document, or report why it was skipped."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .cleaning import clean
from .config import Config
from .errors import DocumentError
from .loaders import load_file
from .manifest import load_manifest, meta_for
from .schema import Document, SkippedFile
from .structure import build_document


@dataclass
class IngestResult:
    documents: list[Document] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)

    def report(self) -> dict:
        return {
            "documents": [
                {"file": d.doc_id, "title": d.meta.title, "chars": len(d.text), "sections": len(d.sections),
                 "inferred_title": d.meta.inferred, "cleaning": summarize_cleaning(d.cleaning)}
                for d in self.documents
            ],
            "skipped": [{"file": s.file, "reason": s.reason} for s in self.skipped],
        }


def corpus_files(cfg: Config) -> list[Path]:
    """Candidate documents: every regular file except the manifest and hidden files."""
    folder = Path(cfg.corpus.dir)
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.name != cfg.corpus.manifest
    )


def corpus_fingerprint(cfg: Config) -> dict[str, str]:
    """sha256 of every corpus file and of the manifest: any change means a rebuild."""
    files = corpus_files(cfg)
    manifest = Path(cfg.corpus.dir) / cfg.corpus.manifest
    if manifest.exists():
        files.append(manifest)
    out = {}
    for p in files:
        try:
            out[p.name] = hashlib.sha256(p.read_bytes()).hexdigest()
        except OSError as e:
            out[p.name] = f"unreadable:{e.strerror}"
    return out


def ingest_corpus(cfg: Config) -> IngestResult:
    result = IngestResult()
    manifest = load_manifest(Path(cfg.corpus.dir), cfg.corpus.manifest)
    for path in corpus_files(cfg):
        try:
            result.documents.append(ingest_file(path, manifest.get(path.name), cfg))
        except DocumentError as e:
            result.skipped.append(SkippedFile(path.name, e.reason))
    return result


def ingest_file(path: Path, manifest_entry: dict | None, cfg: Config) -> Document:
    loaded = load_file(path, cfg.corpus.max_file_mb, cfg.corpus.pdf_timeout_s)
    lines, report = clean(loaded)
    if not lines:
        raise DocumentError(path.name, "清洗后没有剩余文字")
    if loaded.encoding:
        report["encoding"] = loaded.encoding
    meta = meta_for(path.name, manifest_entry, lines)
    return build_document(path.name, meta, lines, report, loaded.sha256)


def summarize_cleaning(report: dict) -> dict:
    """Counts instead of lists, for the ingest report."""
    return {k: (len(v) if isinstance(v, list) else v) for k, v in report.items()}
