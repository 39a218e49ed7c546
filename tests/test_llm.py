"""Optional LLM mode against a local OpenAI-compatible test server (chat and streaming)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from planqa.engine import Engine
from planqa.errors import LLMError

REPLY = "乙区到2026年技术合同成交额突破80亿元。[2]"


class FakeOpenAI(BaseHTTPRequestHandler):
    requests: list[dict] = []

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeOpenAI.requests.append(body)
        base = {"id": "x", "created": int(time.time()), "model": body["model"]}
        if body.get("stream"):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for piece in (REPLY[:10], REPLY[10:]):
                chunk = {**base, "object": "chat.completion.chunk",
                         "choices": [{"index": 0, "delta": {"role": "assistant", "content": piece}, "finish_reason": None}]}
                self.wfile.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
            self.wfile.write(b"data: [DONE]\n\n")
            return
        payload = {**base, "object": "chat.completion",
                   "choices": [{"index": 0, "message": {"role": "assistant", "content": REPLY}, "finish_reason": "stop"}],
                   "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        data = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenAI)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/v1"
    httpd.shutdown()


def llm_engine(tiny_engine, base_url):
    cfg = tiny_engine.cfg.merged({"answer.mode": "llm", "llm.base_url": base_url, "llm.model": "test-model"})
    return Engine(tiny_engine.index, cfg)


def test_llm_answer_keeps_only_cited_passages_renumbered(tiny_engine, server):
    engine = llm_engine(tiny_engine, server)
    a = engine.ask("乙区到2026年技术合同成交额要突破多少？")
    assert not a.refused and a.text == "乙区到2026年技术合同成交额突破80亿元。[1]"
    assert len(a.citations) == 1 and a.citations[0].n == 1
    c = a.citations[0]
    assert tiny_engine.index.documents[c.doc].text[c.start : c.end] == c.quote
    sent = FakeOpenAI.requests[-1]["messages"]
    assert sent[0]["role"] == "system" and "[1]" in sent[1]["content"] and "乙区" in sent[1]["content"]


def test_llm_streaming_yields_partial_text_then_the_answer(tiny_engine, server):
    engine = llm_engine(tiny_engine, server)
    events = list(engine.ask_stream("乙区到2026年技术合同成交额要突破多少？"))
    partial = [text for text, answer in events if answer is None]
    final = events[-1][1]
    assert partial and partial[0] == REPLY[:10]
    assert final is not None and final.citations and "[1]" in final.text


def test_unreachable_endpoint_falls_back_to_extractive(tiny_engine):
    engine = llm_engine(tiny_engine, "http://127.0.0.1:9/v1")
    engine.cfg = engine.cfg.merged({"llm.timeout_s": "2"})
    a = engine.ask("乙区到2026年技术合同成交额要突破多少？")
    assert a.text.startswith("（大模型服务暂不可用") and "80亿元" in a.text and a.citations


def test_llm_mode_without_endpoint_is_a_clear_error(tiny_engine):
    cfg = tiny_engine.cfg.merged({"answer.mode": "llm"})
    with pytest.raises(LLMError, match="llm.base_url"):
        Engine(tiny_engine.index, cfg).ask("乙区成交额目标是多少？")
