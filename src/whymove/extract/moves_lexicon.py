"""Words of market-news grammar: which verbs, nouns and adjectives state a direction, which
words may follow them, and which words make a clause a forecast or a condition.

Plain frozensets, built at import; :mod:`whymove.extract.moves_triggers` reads them.
"""

from __future__ import annotations

AS = (
    r"(?<!much )(?<!high )(?<!low )(?<!many )(?<!far )(?<!long )(?<!soon )(?<!such )as"
    r"(?! much| high| low| well| of| many| far| long| soon| little| such| follows| part| expected)"
)
"""The conjunction "as" (a cause or a time), not "as much as" or "as of"."""
AFTER = r"after(?![- ]hours|-market| the bell| the close)"
"""The conjunction "after", not the session words "after-hours" or "after the bell"."""

# --- direction words --------------------------------------------------------------------
UP_VERBS = frozenset(
    """rose rise rises rising risen gained gain gains gaining jumped jump jumps jumping soared
    soar soars soaring surged surge surges surging climbed climb climbs climbing rallied rally
    rallies rallying advanced advance advancing added adds adding spiked spike spikes
    spiking popped pop pops popping rebounded rebound rebounds rebounding recovered recovers
    bounced bounce bounces bouncing leapt leaped leaping skyrocketed skyrocket
    skyrockets skyrocketing rocketed rockets rocketing firmed increased increases
    appreciated zoomed zooms vaulted vaults catapulted catapulting catapults increasing leap
    leaps recover recovering""".split()
)
DOWN_VERBS = frozenset(
    """fell fall falls falling fallen dropped drop drops dropping sank sink sinks sinking sunk
    tumbled tumble tumbles tumbling plunged plunge plunges plunging slid slide slides sliding
    declined decline declines declining lost lose loses losing shed sheds shedding slipped slip
    slips slipping slumped slump slumps slumping retreated retreat retreats retreating dipped dip
    dips dipping eased eases easing weakened weakens plummeted plummet plummets plummeting
    crashed crash crashes cratered craters tanked tank tanks tanking nosedived nosedives dived
    dove dives sagged sags skidded skids decreased decreases depreciated decreasing sagging
    skidding cratering swooned swoons swoon swooning""".split()
)
MULTIPLY_VERBS: dict[str, tuple[str, float]] = {
    "doubled": ("up", 100.0), "doubles": ("up", 100.0), "doubling": ("up", 100.0),
    "tripled": ("up", 200.0), "triples": ("up", 200.0), "tripling": ("up", 200.0),
    "quadrupled": ("up", 300.0), "halved": ("down", 50.0), "halves": ("down", 50.0),
}  # fmt: skip
UP_NOUNS = frozenset(
    "gain gains rise rises jump jumps surge surges rally rallies climb advance advances "
    "increase increases rebound spike pop uptick run-up upswing".split()
)
DOWN_NOUNS = frozenset(
    "drop drops fall falls decline declines loss losses slide slides plunge tumble slump "
    "sell-off selloff dip dips retreat decrease pullback drawdown".split()
)
# a word that is both a verb and a noun is a noun after these
NOUN_BEFORE = frozenset(
    """a an the its their his her our this that these those another further biggest big
    bigger largest large sharp sharper sharpest steep steeper steepest modest slight small
    strong solid healthy hefty huge massive dramatic significant brief sudden early late
    initial recent weekly monthly daily annual one-day two-day single-day intraday
    double-digit triple-digit single-digit premarket session""".split()
)
GOVERNING_VERBS = frozenset(
    """post posts posted posting notch notches notched notching record records recorded
    recording log logs logged logging book books booked booking see sees saw seeing seen
    suffer suffers suffered suffering extend extends extended extending register registers
    registered registering add adds added adding build builds built building clock clocks
    clocked clocking show shows showed showing deliver delivers delivered delivering""".split()
)

# words that move a price with "higher", "lower", "up", "down", "flat"
MOTION = frozenset(
    """trade trades traded trading close closes closed closing end ends ended ending finish
    finishes finished finishing open opens opened opening move moves moved moving edge edges
    edged edging inch inches inched inching tick ticks ticked ticking head heads headed heading
    shoot shoots shot shooting creep creeps crept creeping drift drifts drifted drifting push
    pushes pushed pushing send sends sent sending drive drives drove driven driving lift lifts
    lifted lifting turn turns turned turning point points pointed pointing trend trends trended
    trending settle settles settled settling is are was were be been being 's remain remains
    remained remaining stay stays stayed staying go goes went gone going swing swings swung
    climb climbs climbed fall falls fell rise rises rose jump jumps jumped stood stand stands
    quoted changing hands bid marked beaten knocked dragged pulled pulling knocking beating
    hold holds held holding leave leaves left leaving put puts putting take takes took taking
    bring brings brought bringing keep keeps kept indicated seen last looked roaring""".split()
)
_PHRASAL_BASES = """step shut crack cut slow turn break back pay wind write set pick sign show team
    ramp line speed open build come shore scale follow catch keep beef hand play bring clamp
    crack sum mark tone water narrow hold look call end wrap tie take shake lock play buy make
    boil add mix gear shut sell give""".split()
PHRASAL = frozenset(
    [w + suffix for w in _PHRASAL_BASES for suffix in ("", "s", "ed", "ing")]
    + [w + w[-1] + suffix for w in _PHRASAL_BASES for suffix in ("ed", "ing")]
    + "broke written wrote sped built came caught kept paid held took shook tied bought".split()
    + ["made", "sold", "gave", "given"]
) - {"marked", "turned", "turning", "held"}

MODAL = frozenset(
    """could would may might will should can cannot won't wouldn't couldn't if unless not
    n't never expected likely poised forecast forecasts projected predicted predicts predict
    implies imply implying potential hopes hope needs need aims aim wants want seeks fail
    fails failed see sees expect expects""".split()
)

ADVERB_SKIP = frozenset(
    """about around approximately roughly nearly almost over some just more than as much high
    low an additional further another a whopping staggering solid hefty only still even also
    again further slightly sharply significantly modestly steadily strongly substantially
    marginally briefly fractionally considerably dramatically markedly mostly largely
    essentially virtually broadly little all far much by""".split()
)
FOLLOW_OK = frozenset(
    """by about around approximately roughly nearly almost over more as some just up down
    higher lower further again another in on at after following amid during for from since
    this last through into before ahead early late intraday premarket today yesterday
    overnight while and but so then when within across despite thanks due because toward
    towards past less much back ground value hard steeply or than when compared versus vs
    against respectively alongside along with sharply with into tonight afterward afterwards
    twofold threefold fourfold fivefold tenfold half nearly sevenfold
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec""".split()
)
SUBJECT_NOUNS = frozenset(
    "stock stocks shares share it they index price prices adrs ads etf fund company".split()
)
TIME_WORDS = frozenset(
    """year-to-date ytd apiece midday week month year day session sessions premarket
    pre-market after-hours intraday overall""".split()
)
NOT_ADVERBS = frozenset(
    "quarterly monthly weekly daily yearly early only family supply likely apply rely italy "
    "july holy ugly fly ally assembly anomaly monopoly".split()
)
CONTINUE_VERBS = frozenset(
    "continued continue continues began begin begins started start starts".split()
)
