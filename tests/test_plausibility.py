"""The plausibility models: which of two readings of the same damaged bytes reads better.

The pairs come from the pinyin benchmark's twins (a wrong reading the bytes allow as well as the
original): the word model alone prefers the wrong one, the context model tips it back.
"""

import pytest

from cleaner import plausibility

CONTEXT_DECIDES = [
    ("天日十八幅插圖蔚", "天日十克服插圖蔚"),
    ("練場，站在隊伍", "練場，＞在隊伍"),
    ("位幾乎全由我國自", "位幾乎三股我國自"),
    ("爲中國人而感到", "爲中國了而感到"),
    ("七部———《金眼", "七部—，，《金眼"),
    ("合作，要大力鼓勵，它將成爲", "合作，，大力鼓勵，｜將成爲"),
]


@pytest.fixture
def word_model_only(monkeypatch):
    monkeypatch.setattr(plausibility, "CONTEXT_WEIGHT", 0.0)
    monkeypatch.setattr(plausibility, "_pair_memo", {})


@pytest.mark.parametrize(("original", "twin"), CONTEXT_DECIDES)
def test_context_model_prefers_the_original(original, twin):
    assert plausibility.segment_cost(original) < plausibility.segment_cost(twin)


@pytest.mark.parametrize(("original", "twin"), CONTEXT_DECIDES)
def test_the_word_model_alone_would_not(word_model_only, original, twin):
    # Keeps the table honest: these are cases the context model is needed for.
    assert plausibility.segment_cost(original) > plausibility.segment_cost(twin)


def test_pair_bits_reward_usual_neighbours_and_charge_unheard_of_ones():
    assert plausibility.pair_bits("在", "美") < 0
    assert plausibility.pair_bits("炮", "美") > 0
    assert plausibility.pair_bits("，", "，") > 0


# Twins decided by words the dictionary counts only 2 to 4 times (直露, 麟儿 from the Sina
# benchmark; 同等條件, 曾多次 from the pinyin one once needed the context model).
RARE_WORDS_DECIDE = [
    ("关的较直露的性描写", "关的较直堵的性描写"),
    ("赐我麟儿”的镜头", "赐我梅毛儿”的镜头"),
    ("堅持同等條件下", "堅持同比條件下"),
    ("，他們曾多次在", "，他們元多次在"),
]


@pytest.mark.parametrize(("original", "twin"), RARE_WORDS_DECIDE)
def test_the_rare_words_of_the_dictionary_count(original, twin):
    assert plausibility.segment_cost(original) < plausibility.segment_cost(twin)


def test_a_dictionary_word_is_no_unheard_of_pair():
    # The training text never has 直露; the dictionary does: no penalty, and no bonus either.
    assert plausibility.pair_bits("直", "露") == 0.0
    assert plausibility.pair_bits("炮", "美") > 0


def test_a_name_does_not_claim_the_bonus_its_pairs_earn_inside_longer_words():
    # 鲁吉 is usual only inside 格鲁吉亚: the name 鲁吉元 costs the name model's bits and the
    # context model's penalty for 吉元, with no bonus for 鲁吉 (which let 鲁 beat 陈 in the Sina
    # twin 陈吉元).
    assert plausibility.pair_bits("鲁", "吉") < 0
    expected = plausibility.name_cost("鲁吉元") + plausibility.pair_bits("吉", "元")
    assert plausibility.segment_cost("鲁吉元") == pytest.approx(expected)


def test_a_name_keeps_the_bonus_it_earns_as_a_name():
    # 龚雯 signs news reports in the training text: the pair is usual as a name, and counts.
    assert plausibility.pair_bits("龚", "雯") < 0
    expected = plausibility.name_cost("龚雯") + plausibility.pair_bits("龚", "雯")
    assert plausibility.segment_cost("龚雯") == pytest.approx(expected)


def test_pair_bits_know_where_paragraphs_end_and_spaces_fall():
    # A legacy decoder can swallow a line break with a lost byte; the repair must prefer the
    # break after 。 to a digit, and a break to a space between Chinese characters.
    assert plausibility.pair_bits("。", "\n") < 0 < plausibility.pair_bits("3", "\n")
    assert plausibility.pair_bits("者", "\n") < plausibility.pair_bits("者", " ")


def test_pair_bits_read_traditional_text_through_simplified_forms():
    assert plausibility.pair_bits("國", "家") == plausibility.pair_bits("国", "家")


def test_context_is_carried_by_the_word_tail():
    tail = plausibility.start_tail("火箭")
    assert tail.last == "箭"
    assert tail.context == 0.0
    after, bits = plausibility.extend(tail, "在")
    assert after.total == pytest.approx(bits)


def test_the_page_model_prefers_what_the_page_says_where_it_is_intact():
    page = plausibility.PageModel(["館裏展出十八幅插圖", "都是名家手筆"])
    assert plausibility.segment_cost("１８幅插圖", "的", page) < plausibility.segment_cost("１８俘插圖", "的", page)
    # the page only adds what it has seen: an empty page, or one without these pairs, is no page
    for other in (plausibility.PageModel([]), plausibility.PageModel(["今天天氣很好"])):
        assert plausibility.segment_cost("１８俘插圖", "的", other) == plausibility.segment_cost("１８俘插圖", "的")


def test_the_page_model_counts_the_marks_beside_characters():
    # Where the bytes leave 、 or 。 open, a page that writes the phrase with 、 elsewhere settles
    # it: the models alone find 。 commoner there.
    page = plausibility.PageModel(["我們堅持解放思想、實事求是的路線", "只有解放思想、實事求是，才能前進"])
    original, twin = "認真學習，解放思想、實事求是，我們", "認真學習，解放思想。實事求是，我們"
    assert plausibility.segment_cost(original) > plausibility.segment_cost(twin)
    assert plausibility.segment_cost(original, page=page) < plausibility.segment_cost(twin, page=page)


def test_the_page_model_counts_quotes_as_it_counts_marks():
    # Counting only some marks would favour them: where a lost byte left 。 or ” open after 猴拉车,
    # a page that writes both must weigh both.
    page = plausibility.PageModel(["孩子们都爱坐猴拉车。", "这种“猴拉车”很便宜"])
    for mark in "。”":
        assert page.bits("车", mark, 10.0) < 10.0
    assert page.bits("“", "猴", 10.0) < 10.0 and page.bits("”", "“", 10.0) == 10.0


def test_the_page_model_prefers_the_form_the_page_writes():
    # 爲 and 為 are one character to the models (both read as 为); the page settles the form.
    assert plausibility.segment_cost("爲了") == plausibility.segment_cost("為了")
    page = plausibility.PageModel(["他們爲此工作"])
    assert plausibility.segment_cost("爲了", page=page) < plausibility.segment_cost("為了", page=page)


@pytest.mark.parametrize(("texts", "simplified"), [
    (["这个问题已经引起关注"], True),
    (["這個問題已經引起關注"], False),
    (["乾隆年间的这个问题"], True),   # a traditional-only name on a simplified page
    (["今天天气"], False),          # too little to tell
    ([], False),
])
def test_the_page_model_knows_a_simplified_page(texts, simplified):
    assert plausibility.PageModel(texts).simplified is simplified


def test_a_simplified_page_charges_the_traditional_characters_it_does_not_write():
    page = plausibility.PageModel(["这个问题已经引起关注，乾隆年间"])
    charge = plausibility.TRADITIONAL_ON_SIMPLIFIED_PAGE_BITS
    assert page.bits("技", "朮", 10.0) == 10.0 + charge
    assert page.bits("技", "术", 10.0) == 10.0
    assert page.bits("年", "乾", 10.0) < 10.0 + charge  # the page writes 乾 itself
    assert plausibility.PageModel(["這個問題已經引起關注"]).bits("技", "朮", 10.0) == 10.0


@pytest.mark.parametrize(("regional", "standard"), [("為", "爲"), ("裡", "裏"), ("眾", "衆"), ("啟", "啓"), ("衞", "衛")])
def test_taiwan_and_hong_kong_forms_cost_what_opencc_standard_forms_cost(regional, standard):
    # Pages from Taiwan and Hong Kong write 為 裡 眾; OpenCC's standard writes 爲 裏 衆. Priced by
    # OpenCC's form alone, 為 cost 20 bits and 眾 was unseen, as if such pages were mojibake.
    assert plausibility.char_cost(regional) == pytest.approx(plausibility.char_cost(standard), abs=1.0)


def test_written_cantonese_characters_are_not_unseen():
    # 佢 哋 喺 嘅 咗 㗎 are everyday words in Hong Kong writing, and all but unknown to mainland text.
    for ch in "佢哋喺嘅咗啲嚟冇嘢㗎":
        assert plausibility.char_cost(ch) < 16, ch
    assert plausibility.cost_per_char("佢哋喺度食緊嘢") < plausibility.cost_per_char("곙냀녦똑稼푥놱")


# Twins that differ only in a mark: characters say little, the mark before says much.
MARK_DECIDES = [
    ("統一領導、分級負責、條塊結合", "統一領導、分級負責。條塊結合"),
    ("解放思想、實事求是、與時俱進", "解放思想、實事求是。與時俱進"),
    ("包括書法、繪畫、攝影等", "包括書法、繪畫，攝影等"),
    ("山清水秀、風景優美、氣候宜人", "山清水秀、風景優美，氣候宜人"),
]


@pytest.fixture
def no_mark_model(monkeypatch):
    monkeypatch.setattr(plausibility, "MAX_MARK_BITS", 0.0)
    plausibility._mark_table.cache_clear()
    yield
    plausibility._mark_table.cache_clear()


@pytest.mark.parametrize(("original", "twin"), MARK_DECIDES)
def test_the_mark_model_prefers_the_original(original, twin):
    assert plausibility.segment_cost(original) < plausibility.segment_cost(twin)


@pytest.mark.parametrize(("original", "twin"), MARK_DECIDES)
def test_without_the_mark_model_the_twin_would_win(no_mark_model, original, twin):
    assert plausibility.segment_cost(original) >= plausibility.segment_cost(twin)


def test_the_mark_before_the_context_counts_too():
    # the 、 that opens the list stands in the context, before the span that is compared
    left = "統一領導、分級負責"
    assert plausibility.segment_cost("、條塊", left) < plausibility.segment_cost("。條塊", left)
    assert plausibility.start_tail("統一領導、分級負責").mark == "、"
    assert plausibility.start_tail("統一領導、分級負責").since_mark == 4


def test_marks_the_model_does_not_know_reset_nothing():
    assert plausibility.last_mark("《紅樓夢》、“西遊記”") == ("、", 3)  # quotes do not count
    assert plausibility.last_mark("沒有標點") == ("", 0)


def test_a_line_break_forgets_the_mark_before_it():
    assert plausibility.last_mark("甲、乙\n丙丁") == ("", 0)
    tail = plausibility.start_tail("甲、乙\n丙丁")
    assert tail.mark == ""
    assert plausibility.extend(plausibility.start_tail("甲、乙"), "\n")[0].mark == ""


def test_a_mark_counts_only_once_the_paragraph_goes_on(monkeypatch):
    # 、 or 。 at the end of a line: the table knows nothing of marks that end a paragraph
    costs = [plausibility.segment_cost(text) for text in ("做好事、办实事。", "做好事、办实事、", "做好事、办实事、多")]
    monkeypatch.setattr(plausibility, "MAX_MARK_BITS", 0.0)
    plausibility._mark_table.cache_clear()
    try:
        without = [plausibility.segment_cost(text) for text in ("做好事、办实事。", "做好事、办实事、", "做好事、办实事、多")]
    finally:
        plausibility._mark_table.cache_clear()
    assert costs[:2] == pytest.approx(without[:2])
    assert costs[2] < without[2]
