"""Follow-up questions in a chat: 「那朝阳区呢？」 after a question about 副中心 keeps the topic."""

from __future__ import annotations

import re

from .query import PERIODS, find_places

_FOLLOW_UP = re.compile(r"^(那|那么|还有|另外|再问|同样|那如果)|(呢|吗)[？?。！!]*$")
_PERIOD = re.compile("|".join(PERIODS))
_YEAR = re.compile(r"20\d\d年?")
_FILLER = re.compile(r"^(那|那么|还有|另外|再问|同样|那如果)|[呢吗吧？?。！!，,\s]+")
# the interrogative end of a question: 「要达到多少家」「有哪些」「是什么」
_ASKING = re.compile(r"(?:要|将|应|须)?(?:达到|突破|提升到|是|有|为|包括)?(?:多少|几[个家项年所倍]?|哪些|哪几|什么|如何|怎样|何时)[^，。？?！!]*")


def rewrite_follow_up(question: str, history: list[str]) -> str:
    """Resolve a short follow-up against the previous question; other questions pass unchanged."""
    question = question.strip()
    if not history:
        return question
    previous = history[-1]
    core = _FILLER.sub("", question)
    if len(core) > 14 or not (_FOLLOW_UP.search(question) or len(core) <= 6):
        return question
    rewritten = previous
    replaced = False
    for find in (find_places, _PERIOD.findall, _YEAR.findall):
        new = find(core)
        old = find(previous)
        if new and old:
            rewritten = rewritten.replace(old[0], new[0], 1)
            for extra in old[1:]:
                rewritten = rewritten.replace(extra, "", 1)
            replaced = True
        elif new:
            rewritten = new[0] + rewritten
            replaced = True
    if not replaced:
        # a new topic in the same frame: keep the previous question's place, period, year and its ask
        context = find_places(previous) + _PERIOD.findall(previous) + _YEAR.findall(previous)
        asking = _ASKING.search(previous)
        rewritten = "".join(context) + core + (asking.group(0) if asking else "") + "？"
    return rewritten
