"""Dense vectors in FAISS (inner product on L2-normalised vectors = cosine similarity)."""

from __future__ import annotations

from pathlib import Path

import numpy as np


class VectorIndex:
    def __init__(self, index):
        self.index = index

    @property
    def size(self) -> int:
        return int(self.index.ntotal)

    @property
    def dim(self) -> int:
        return int(self.index.d)

    @classmethod
    def build(cls, vectors: np.ndarray) -> VectorIndex:
        import faiss

        index = faiss.IndexFlatIP(int(vectors.shape[1]))
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        return cls(index)

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path) -> VectorIndex:
        """Only call on a file whose checksum the index manifest has verified."""
        import faiss

        return cls(faiss.read_index(str(path)))

    def scores(self, query: np.ndarray) -> np.ndarray:
        """Cosine similarity of the query to every vector, in index order."""
        k = self.size
        sims, ids = self.index.search(np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32), k)
        out = np.full(k, -1.0, dtype=np.float32)
        valid = ids[0] >= 0
        out[ids[0][valid]] = sims[0][valid]
        return out
