"""Whose move is it: the subject of a move word, by name, by reference or by listing.

The subject of a move is the nearest noun phrase before its word that can move: a linked
security ("Shares of Alibaba Group rose"), a reference ("the stock", "its shares", "the index",
"it", "all three stocks") resolved to the nearest fitting antecedent, or nothing when the
nearest noun is something else that rises and falls ("exports rose 8.6%", "Alibaba's revenue
rose"). Relative clauses and appositions between subject and verb are skipped ("AMD, Nvidia's
rival, fell"). A place of listing ("shares in Hong Kong", "its dual listing on the New York
Stock Exchange") picks that listing of the company (9988.HK, BABA).
"""

from __future__ import annotations

import re

from whymove.extract.moves_discourse import Discourse, Subject
from whymove.extract.moves_lexicon import AFTER, AS
from whymove.extract.moves_listing import place_mics
from whymove.model import Mention

_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10}  # fmt: skip

_STOCK_NOUN = re.compile(
    r"\b(?:shares|share price|stock price|share prices|stocks?|ADRs?|ADSs?|American depositary "
    r"(?:receipts|shares)|equity|(?:dual )?listing)\b(?!\s+(?:market|exchange|index|indices|"
    r"indexes|split|options?|buyback|award|compensation|picks?|pickers?|offering|sale|sales|"
    r"purchase|count|register|capital|holdings?|stake|based|grant|plan|program))",
    re.I,
)
_OWNER_GAP = re.compile(
    r"^[\s)]*(?:\([^)]{0,40}\))?\s*(?:,?\s*(?:Inc|Corp|Co|Ltd|plc|PLC|AG|SA|NV|SE|Limited|"
    r"Holdings?|Group|Company|Incorporated|Corporation)\b\.?)*\s*(?:['’]s?)?\s*(?:(?:(?:[\w.]+[\s-]){0,3}(?:listed|traded)|class\s+[a-c]|"
    r"common|ordinary|hong kong|u\.s\.|us|new york|[a-h]|dual)\s*)*$",
    re.I,
)
_POSSESSIVE_REF = re.compile(
    r"(?:\b(?:its|their)|\bthe\s+(?:[\w-]+\s+){0,2}?(?:company|firm|group|stock|retailer|"
    r"chipmaker|chip maker|carmaker|automaker|lender|bank|giant|insurer|drugmaker|miner|"
    r"airline|maker|operator|conglomerate|developer|producer|manufacturer|provider|platform|"
    r"startup|brand|index|fund|etf)(?:'s|’s))\s+(?:[\w.-]+[- ](?:listed|traded)\s+|"
    r"class [a-c]\s+|dual\s+|hong kong\s+|u\.s\.\s+|new york\s+)*$",
    re.I,
)
_BARE_REF = re.compile(
    r"(?:^|\b(?:[Tt]he|sent|sending|pushed|pushing|lifted|lifting|drove|driving|dragged|dragging|"
    r"knocked|knocking|left|leaving|took|taking|put|putting|saw|seeing|kept|keeping|with)\s+)\s*$"
)
_INDEX_REF = re.compile(
    r"\bthe\s+(?:(?:benchmark|broader|broad|blue-chip|tech-heavy|tech|main|key|wider|"
    r"flagship|headline|large-cap|small-cap|mainland|onshore|offshore)\s+){0,2}"
    r"(?:index|gauge|benchmark|average|composite)\b",
    re.I,
)
_ETF_REF = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:ETF|exchange-traded fund|fund)\b", re.I)
_COMPANY_REF = re.compile(
    r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:company|firm|group|retailer|chipmaker|chip maker|carmaker|"
    r"automaker|lender|giant|insurer|drugmaker|miner|airline|conglomerate|e-commerce giant|"
    r"tech giant|startup)\b(?!['’]s)",
    re.I,
)
_PRONOUN = re.compile(
    r"^\W*(?:and\s+|but\s+|while\s+|so\s+)?(it|they|them)(?:['’]s)?\s*(?:(?:is|are|was|were|has|have|had|"
    r"been|also|still|now|already|again|only|about|around|nearly|almost|roughly|some|more than|"
    r"over|\d[\d.,]*\s?(?:%|percent|per cent))\s*)*$|\b(?:leaving|putting|sending|taking|"
    r"bringing|pushing|lifting|keeping|left|put|sent|took|brought|pushed|lifted|kept)\s+(it|them)\s*$",
    re.I,
)
_GROUP = re.compile(
    r"\b(?:(?:all|the)\s+(two|three|four|five|six|seven|eight|nine|ten|\d)\s+(?:stocks|"
    r"companies|names|firms|shares|of them)|both\s+(?:stocks|companies|names|firms)|both)\b",
    re.I,
)
BLOCKERS = re.compile(
    r"\b(?:revenues?|sales|profits?|earnings|income|EPS|margins?|exports?|imports?|surplus|"
    r"deficit|output|production|deliveries|shipments|orders|bookings|volumes?|users|"
    r"subscribers|customers|traffic|GMV|prices|price target|targets?|rates?|yields?|inflation|"
    r"GDP|unemployment|payrolls|stakes?|holdings|ownership|position|dividends?|spending|capex|"
    r"costs|expenses|debt|cash|valuation|market value|market cap(?:italization)?|demand|"
    r"supply|sentiment|confidence|jobs|wages|headcount|employees|ratings?|scores?|ranking|"
    r"market share|growth|forecasts?|guidance|estimates?|expectations|consensus|outlook|"
    r"inventor(?:y|ies)|assets|loans|deposits|premiums|bonds?|oil|crude|gold|silver|copper|"
    r"bitcoin|ether|dollar|yuan|renminbi|rupee|yen|euro|sterling|pound|currency|treasuries|"
    r"futures|options|contracts|tariffs?|taxes|fees|rents?|downloads|installs|visits|views|"
    r"short interest|open interest|net worth|fortune|wealth|IPO|offering|funds? flows?|"
    r"inflows|outflows|bets|index futures|PMI|CPI|sales growth|number|Treasury|notes?|bills?|"
    r"bunds?|gilts?|shoppers|consumers|investors|analysts|traders|economists|buyers|sellers|"
    r"e-minis?|minis|weights?|weighting|allocations?|exposure|portfolios?|Wall Street|markets?|"
    r"business|businesses|segments?|units?|divisions?|arm|operations|subsidiary|discounts?|"
    r"premiums?|funds|NAV|net asset value|"
    r"equities|indexes|indices|sectors?|industry|economy|unemployment rate)\b",
    re.I,
)


_CANDIDATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("stock", _STOCK_NOUN),
    ("index", _INDEX_REF),
    ("etf", _ETF_REF),
    ("company", _COMPANY_REF),
    ("group", _GROUP),
    ("block", BLOCKERS),
)


def masked_spans(text: str, base: int) -> list[tuple[int, int]]:
    """Asides inside a subject phrase (paired dashes, relative clauses, long parentheses)."""
    spans = []
    for match in re.finditer(r"\s[—–-]{1,2}\s[^—–]*?\s[—–-]{1,2}\s", text):
        spans.append((base + match.start(), base + match.end()))
    for match in re.finditer(r",\s+(?:which|who|whose|where|whom)\b[^,]*,", text):
        spans.append((base + match.start(), base + match.end()))
    opener = re.search(
        r",\s+(?:comprising|including|which|who|whose|such as|like|led by|known as|excluding|"
        r"home to|owner of|parent of|maker of)\b.*,",
        text,
    )
    if opener and len(text[opener.end() :].split()) <= 4:
        spans.append((base + opener.start(), base + opener.end()))
    for match in re.finditer(r"\((?:[^()]*\s){4,}[^()]*\)", text):
        spans.append((base + match.start(), base + match.end()))
    commas = [m.start() for m in re.finditer(",", text)]
    if len(commas) >= 2:
        prev, last = commas[-2], commas[-1]
        tail = text[last + 1 :]
        if (
            len(tail.split()) <= 4
            and not re.match(r"\s*(?:and|or|&)\b", tail)
            and not re.search(r"\b(?:and|or|&)\s", text[prev:last])
        ):
            spans.append((base + prev, base + last + 1))
    return spans


_COORDINATION = re.compile(
    r"^[\s).]*(?:\([^)]{0,30}\))?(?:,?\s*(?:Inc|Corp|Co|Ltd|plc|AG|SA|NV|SE|Limited|Holdings?|"
    r"Group)\b\.?)*[\s).]*(?:,\s*(?:and\s+|&\s+)?|and|&|as well as|along with|together with|"
    r"plus|or)\s*(?:the\s+)?(?:(?!(?:in|on|at|of|for|with|to|from|by|today|trading|and|or|"
    r"the|is|are|was|were|has|have)\b)[a-z][\w-]*\s+){0,3}$",
    re.I,
)
_ANOTHER_CLAUSE = re.compile(
    r"\b(?:said|says|say|reported|reports|announced|noted|told|expects?|expected|warned|"
    rf"thinks?|believes?|estimated|that|because|if|when|{AFTER}|{AS}|"
    r"following|amid|despite|while|whereas|but)\b",
    re.I,
)
_OBJECT_OF = re.compile(
    r"\b(?:for|to|with|from|than|against|by|at|like|toward|towards|versus|vs\.?|about|over|"
    r"into|on|onto|among|between|beat|beats|outpaced|outperformed|underperformed|past|in|of)\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:[A-Z]{2,6}:\s?)?$",
    re.I,
)
_GAP_WORD = re.compile(r"(?<![\d.])[A-Za-z][\w'’-]*")
_CAPITAL = re.compile(r"(?<![\w.’'-])[A-Z][\w&.-]*")
_CAPITALS_OK = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep
    Sept Oct Nov Dec Inc Inc. Corp Corp. Co Co. Ltd Ltd. Group Holdings Holding Limited PLC plc
    ADR ADRs ADS ADSs Class A B C I US U.S. Shares Stock Stocks ET EST EDT GMT Hong Kong New
    York Shanghai Shenzhen London Tokyo Frankfurt Paris Taipei Seoul Mumbai Toronto Sydney
    Zurich Singapore Amsterdam Wall Street NYSE Nasdaq Asia Asian Europe European American
    China Chinese Japan Japanese U.K. UK Britain British Germany German India Indian Korea
    Korean Taiwan Taiwanese Canada Canadian Australia Australian Swiss Dutch French""".split()
)
_RELATIVE_TAIL = re.compile(
    r",?\s+(?:which|that|who)\s+(?:(?:is|are|was|were|has|have|had|been|also|still|is now)\s+)*"
    r"(?:(?:trading|about|around|nearly|roughly|\d[\d.,]*\s?%)\s*)*$",
    re.I,
)
_DESCRIBED_REF = re.compile(r"^(?:[Tt]he|[Ii]ts)\s+(?:[a-z][\w-]*\s+){1,2}$")
_COMPLEMENT = re.compile(r"\b(?:of|in)\s+(?:[\w&-]+\s+){1,4}$")
_NOUN_PP = re.compile(r"\s+(?:in|of|for)\s+(?:(?:the\s+)?(?:shares|stock)\s+of\s+)?", re.I)


def _named(disc: Discourse, text: str, last: Mention, candidates: list[Mention]) -> Subject:
    """The subject named by ``last`` and the names coordinated with it."""
    tickers, start = _coordinated(disc, text, last, candidates)
    return Subject(tickers, start, "name")


def _coordinated(
    disc: Discourse, text: str, last: Mention, candidates: list[Mention]
) -> tuple[tuple[str, ...], int]:
    """``last`` and the mentions joined to it by "and", commas, "as well as" before it, and
    where the first of them starts."""
    tickers = [last.ticker]
    current = last
    for mention in reversed(candidates):
        if mention.end > current.start:
            continue
        gap = text[mention.end : current.start]
        if mention.ticker == current.ticker and re.fullmatch(r"\s*\(?[\w\s]*:?\s*", gap):
            current = mention
            continue
        if not _COORDINATION.match(gap):
            break
        tickers.insert(0, mention.ticker)
        current = mention
    return tuple(dict.fromkeys(tickers)), current.start


def _subject_position(text: str, start: int, end: int, mention: Mention) -> bool:
    """A name after a preposition is not a subject ("the same for Alphabet were up"), except in
    the absolute "with the Russell 2000 up 1.7%"."""
    head = text[max(start, mention.start - 30) : mention.start]
    before = _OBJECT_OF.search(head)
    if before is None:
        return True
    if before.group(0).lower().startswith(("in", "of")):
        return bool(
            re.search(r"\b(?:shares|stock|stocks|ADRs?|ADSs?|stake)\s+(?:in|of)\s+\S*$", head, re.I)
        )
    return (
        before.group(0).lower().startswith("with")
        and len(_GAP_WORD.findall(text[mention.end : end])) <= 2
    )


def find_subject(
    text: str, start: int, end: int, disc: Discourse, sentence: int
) -> tuple[Subject | None, bool]:
    """The subject of a move word at ``end`` within the phrase ``text[start:end]``.

    Returns ``(subject, rejected)``: ``rejected`` when the nearest noun is something that is
    not a price (revenue, exports) or a generic group ("Chinese stocks"), so the caller must
    not fall back to an earlier subject; ``(None, False)`` when the phrase names nothing.
    """
    region = text[start:end]
    relative = _RELATIVE_TAIL.search(region)
    if relative:
        head = start + relative.start()
        named = [m for m in disc.mentions if start <= m.start and head - 16 <= m.end <= head]
        if named and re.fullmatch(
            r"[\s)]*(?:index|stock|shares|ETF|fund)?[\s)]*", text[named[-1].end : head], re.I
        ):
            return Subject((named[-1].ticker,), named[-1].start, "name"), False
    masks = masked_spans(region, start)
    _, place_spans = place_mics(region, start, [])
    blocked = masks

    def free(a: int, b: int) -> bool:
        return not any(x <= a and b <= y for x, y in blocked)

    mentions = [
        m for m in disc.mentions
        if start <= m.start and m.end <= end and free(m.start, m.end)
        and not any(x <= m.start and m.end <= y for x, y in place_spans)
    ]  # fmt: skip
    subjects = [m for m in mentions if _subject_position(text, start, end, m)]
    spans = [(m.start, m.end) for m in mentions]

    def clear(a: int, b: int) -> bool:
        return free(a, b) and not any(x < b and a < y for x, y in spans)

    candidates: list[tuple[int, int, str, object]] = [
        (m.end, m.start, "mention", m) for m in subjects
    ]
    for kind, pattern in _CANDIDATE_PATTERNS:
        for match in pattern.finditer(region):
            a, b = start + match.start(), start + match.end()
            if not clear(a, b):
                continue
            if kind in ("index", "etf", "company") and _OBJECT_OF.search(
                text[max(start, a - 12) : a]
            ):
                continue
            if kind == "stock" and _COMPLEMENT.search(text[max(start, a - 40) : a]):
                continue  # "the CSI 300 Index of Shanghai and Shenzhen shares": not the subject
            candidates.append((b, a, kind, match))
    pronoun = _PRONOUN.search(region)
    if pronoun and clear(start + pronoun.start(), start + pronoun.end()):
        candidates.append((start + pronoun.end(), start + pronoun.start(), "pronoun", pronoun))
    if not candidates:
        return None, False
    candidates.sort(key=lambda c: (c[0], c[2] == "mention"))
    b, a, kind, payload = candidates[-1]
    gap = list(text[b:end])
    for x, y in masks + place_spans + spans:
        for i in range(max(x, b), min(y, end)):
            gap[i - b] = " "
    gap_text = "".join(gap)
    if _ANOTHER_CLAUSE.search(gap_text) or len(_GAP_WORD.findall(gap_text)) > 8:
        return None, True
    if any(w not in _CAPITALS_OK for w in _CAPITAL.findall(gap_text)):
        return None, True  # an unknown name stands between: it is the subject
    if kind == "mention":
        assert isinstance(payload, Mention)
        return _named(disc, text, payload, mentions), False
    if kind == "stock":
        return _stock_subject(text, a, b, start, disc, sentence, mentions)
    if kind in ("index", "etf", "company", "pronoun"):
        want = {"index": "index", "etf": "etf", "company": "stock", "pronoun": "any"}[kind]
        found = disc.antecedent(want, a, sentence)
        return (Subject((found,), a, "reference"), False) if found else (None, True)
    if kind == "group":
        assert isinstance(payload, re.Match)
        word = (payload.group(1) or "two").lower()
        count = int(word) if word.isdigit() else _NUMBERS.get(word, 2)
        tickers = disc.group(count, a, sentence)
        return (Subject(tickers, a, "group"), False) if tickers else (None, True)
    return None, True


def _stock_subject(
    text: str, a: int, b: int, start: int, disc: Discourse, sentence: int, mentions: list[Mention]
) -> tuple[Subject | None, bool]:
    """The owner of "shares", "stock", "ADRs" at ``a``..``b``: an adjacent name, a possessive
    reference, or the antecedent of a bare "the stock" / "Shares"; a modified plural with no
    owner ("Chinese tech stocks") is generic."""
    before = [m for m in mentions if m.end <= a]
    if before:
        owner = before[-1]
        if _OWNER_GAP.match(text[owner.end : a]):
            return _named(disc, text, owner, mentions), False
    head = text[start:a]
    clause_head = re.split(r"[,;:—–]", head)[-1].lstrip()
    if re.search(r"\bwhose\s+$", head) and before:
        owner = before[-1]
        return Subject((owner.ticker,), owner.start, "name"), False
    if _POSSESSIVE_REF.search(head):
        if _unknown_subject(text, disc, sentence, a):
            return None, True
        found = disc.antecedent("stock", a, sentence, possessive=True)
        return (Subject((found,), a, "reference"), False) if found else (None, True)
    described = _DESCRIBED_REF.search(clause_head) and text[a:b].lower() == "stock"
    if (_BARE_REF.search(clause_head) or described) and not text[a:b].lower().endswith("stocks"):
        found = disc.antecedent("stock", a, sentence)
        return (Subject((found,), a, "reference"), False) if found else (None, True)
    return None, True


_STARTERS = frozenset(
    """The A An It Its This That These Those Shares Stock Stocks In On At After Before While As
    But And Meanwhile However Also Since For With Investors Analysts Traders Some Other Despite
    Even Still Over During Last Year So Yet Their His Her We They He She I Why What How Here
    There Is Are Was Should Could Will Price Market Markets Earlier Later Today Separately
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December By From To Of""".split()
)


def _unknown_subject(text: str, disc: Discourse, sentence: int, pos: int) -> bool:
    """The sentence opens with a capitalised name the master does not know ("Target, which
    reports on Wednesday, saw its stock slip"): its "its" is that company, not ours."""
    if sentence >= len(disc.sentences):
        return False
    start = disc.sentences[sentence][0]
    first = re.match(r"\W*([A-Z][\w&.'’-]*)", text[start:pos])
    if first is None or first.group(1) in _STARTERS:
        return False
    word_start = start + first.start(1)
    return not any(m.start <= word_start < m.end for m in disc.mentions)


def noun_object(text: str, end: int, disc: Discourse) -> tuple[Subject | None, bool]:
    """The security after a noun of movement ("a 3% drop in Alibaba shares"), or a rejection
    when the noun is about something else ("a surprise drop in imports")."""
    match = _NOUN_PP.match(text, end)
    if not match:
        return None, False
    after = match.end()
    for mention in disc.mentions:
        if after <= mention.start <= after + 25 and not re.search(
            r"[,;.]", text[after : mention.start]
        ):
            return Subject((mention.ticker,), mention.start, "name", mention.end), False
    if re.match(r"\s*(?:the\s+)?(?:shares|stock)\b", text[after:]):
        return None, False
    if re.match(r"\s*[\d$]", text[after:]):
        return None, False
    return None, True
