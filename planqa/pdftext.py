"""Child process for PDF text extraction: ``python -m planqa.pdftext FILE`` prints JSON.

Runs apart from the app with a memory cap so that a crafted PDF can only kill this child;
the parent enforces a timeout (see :func:`planqa.loaders._load_pdf`).
"""

from __future__ import annotations

import json
import sys


def extract(path: str) -> dict:
    try:
        import resource

        cap = 2 * 1024**3
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ImportError, ValueError, OSError):
        pass
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                return {"error": "PDF 已加密，需要密码才能读取，已跳过"}
        pages = [page.extract_text() or "" for page in reader.pages]
    except PdfReadError as e:
        return {"error": f"PDF 文件已损坏或格式无法解析：{e}"}
    except MemoryError:
        return {"error": "PDF 解析占用内存过多，已中止"}
    except Exception as e:  # pypdf raises many types on malformed input
        return {"error": f"PDF 解析失败：{type(e).__name__}: {e}"}
    return {"pages": pages, "error": None}


if __name__ == "__main__":
    sys.stdout.write(json.dumps(extract(sys.argv[1]), ensure_ascii=False))
