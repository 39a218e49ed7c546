"""Follow-up questions in a chat: 「那朝阳区呢？」 after a question about 副中心 keeps the topic."""

from __future__ import annotations

import re

from .query import PERIODS

_FOLLOW_UP = re.compile(r"^(那|那么|还有|另外|再问|同样|那如果)|(呢|吗)[？?。！!]*$")
_PLACE = re.compile(r"朝阳区?|海淀区?|东城区?|西城区?|丰台区?|通州区?|顺义区?|昌平区?|大兴区?|房山区?|怀柔区?|平谷区?|密云区?|延庆区?|城市副中心|副中心|北京市|全市")
_PERIOD = re.compile("|".join(PERIODS))
_YEAR = re.compile(r"20\d\d年?")
_FILLER = re.compile(r"^(那|那么|还有|另外|再问|同样|那如果)|[呢吗吧？?。！!，,\s]+")


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
    for pattern in (_PLACE, _PERIOD, _YEAR):
        new = pattern.findall(core)
        old = pattern.findall(previous)
        if new and old:
            rewritten = rewritten.replace(old[0], new[0], 1)
            for extra in old[1:]:
                rewritten = rewritten.replace(extra, "", 1)
            replaced = True
        elif new:
            rewritten = new[0] + rewritten
            replaced = True
    if not replaced:
        rewritten = f"{previous.rstrip('？?。')}，{core}"
    return rewritten
