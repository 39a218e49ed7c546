"""Follow-ups keep the topic of the previous question."""

from planqa.conversation import rewrite_follow_up

PREV = "副中心到2026年国家级创新平台要达到多少家？"


def test_place_follow_up_replaces_the_place():
    assert rewrite_follow_up("那朝阳区呢？", [PREV]) == "朝阳区到2026年国家级创新平台要达到多少家？"


def test_year_follow_up_replaces_the_year():
    assert rewrite_follow_up("2025年呢", [PREV]) == "副中心到2025年国家级创新平台要达到多少家？"


def test_topic_follow_up_keeps_place_year_and_the_ask():
    assert rewrite_follow_up("市级创新平台呢？", [PREV]) == "副中心2026年市级创新平台要达到多少家？"
    assert rewrite_follow_up("那独角兽企业呢？", ["朝阳区到2025年国家级高新技术企业要达到多少家？"]) == "朝阳区2025年独角兽企业要达到多少家？"


def test_full_questions_are_left_alone():
    q = "朝阳区十四五期间PCT国际专利申请量的目标是多少？"
    assert rewrite_follow_up(q, [PREV]) == q
    assert rewrite_follow_up("那朝阳区呢？", []) == "那朝阳区呢？"
