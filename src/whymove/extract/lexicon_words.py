"""The finance word lists behind :mod:`whymove.extract.lexicon`, written by hand.

Words are grouped by the role they play for a shareholder, not by their everyday tone (the
idea of the Loughran-McDonald categories, with lists of our own):

- ``val``: words that are good or bad news by themselves ("beat", "downgrade", "lawsuit");
- ``up`` / ``down``: directions of change ("rose", "cut", "narrowed"); their effect depends on
  what changes, so they pair with a ``good`` or ``bad`` noun ("loss narrowed" is good news,
  "costs rose" bad); unpaired they carry a default weight (a stock that "rose");
- ``upt`` / ``downt``: transitive directions ("raised its guidance", "eased restrictions"),
  which look for their object after them first;
- ``good`` / ``bad``: quantities whose rise helps or hurts shareholders; unpaired, bad nouns
  carry their own (usually negative) weight, good nouns none ("net sales of EUR 5 mn" is neutral);
- ``neg``, ``hedge``, ``intens``, ``dimin``, ``contrast``, ``concede``: modifiers.

Multi-word terms join their words with ``_``. The weight of a direction or noun is what it
contributes when it stands alone; a pair contributes ``PAIR_WEIGHT`` with the sign of the pair.
"""

from __future__ import annotations

import functools

Entry = tuple[str, float]

PAIR_WEIGHT = 1.2

# (class, weight, terms). Later groups do not override earlier ones; see build_table().
_GROUPS: tuple[tuple[str, float, str], ...] = (
    # --- good news by itself ---------------------------------------------------------------
    (
        "val",
        1.3,
        """beat beats beating outperformed outperforms outperforming outperformance upgrade
        upgraded upgrades upgrading breakthrough blockbuster bumper skyrocketed skyrocketing
        better_than_expected above_expectations above_estimates above_forecasts topped_estimates
        ahead_of_expectations ahead_of_estimates exceeded_expectations beat_expectations
        record_high all-time_high record_profit record_sales record_revenue record_earnings
        turned_to_a_profit turned_to_profit swung_to_a_profit swung_to_profit
        returned_to_profit returned_to_profitability back_in_the_black moved_to_a_profit
        strong_buy rated_buy buy_rating raised_to_buy upgraded_to_buy outperform_rating
        top_pick top_picks top_bet good_bet buy_call buy_calls buy_ideas buy_idea go_long
        trade_long long_on upper_circuit new_high new_highs <period>_high fresh_high
        lifetime_highs at_record at_records record_close record_closing all-time_highs
        oversubscribed over-subscribed dream_run bull_run bull_market is_a_buy a_buy""",
    ),
    (
        "val",
        0.9,
        """strong stronger strongest robust solid upbeat bullish optimistic optimism boom booming
        rebound rebounded rebounds rebounding recovery recovered recovers recovering improve
        improved improves improving improvement improvements profitable upturn momentum
        rally rallied rallies rallying favourable favorable tailwind tailwinds success successful
        successfully exceeded exceeds exceed surpassed surpasses outpaced outpacing accretive
        overweight outperform accumulate win wins winning won awarded bagged bags bag clinched
        secures secured bullish_on upside_potential new_high 52-week_high lifetime_high
        resume resumed resumes resuming restart restarted reopen reopened reopens unlock
        unlocks unlocking thrive thrived thriving buoyant buoyed cheered cheers positive
        expansion_plans order_win new_orders new_order revival revive revived reviving
        good better best betting_on bet_on prefer prefers preferred_pick bullish_on nod
        green_signal green_light go-ahead cleared upgrade_to highest excellent phenomenal
        phenomenally done_well doing_well fared_well fare_well pay_off pays_off paid_off
        succeed succeeds succeeded bonus_issue upward outshine outshines outshone
        turnaround game_changer game-changer stole_the_show steal_the_show sweeter
        bucks_trend bucked_the_trend on_track stabilise stabilised stabilize stabilized
        stabilises stabilizes attract attracts attracted buy_on_dips invest_in
        higher_exposure <period>_highs fresh_highs recommend recommends recommended recover
        uptrend shines shine shone glitters glitter sparkles spurts spurt reclaims reclaimed
        reclaim toast_of hot_stocks top_stocks top_gainers top_gainer wealth_creators
        wealth_creator go_for get_into break_above breaks_above broke_above gains_momentum
        gaining_momentum gained_momentum hidden_gem hidden_gems rerating re-rating upmove
        outperformers opportunity opportunities prop_up props_up propped_up stand_tall
        winning_streak snaps_<period>_losing_streak extends_gains extended_gains
        extend_gains bounce_back bounces_back bounced_back see_potential sees_potential
        saw_potential has_potential potential_upside lit_a_spark cleared_of_wrongdoing can_touch
        could_touch may_touch to_touch on_a_roll closing_high cheer cheering fully_subscribed
        arrests_fall rate-cut rate-cuts rate_cut
        rate_cuts rate-cut_hopes rate_cut_hopes hopes upper_end high_end top_end""",
    ),
    (
        "val",
        0.6,
        """benefit benefits benefited benefiting benefitted gainer gainers attractive
        upside upgrade_cycle approval approvals approved approves
        savings synergies cost_savings efficiencies breakout partnership partnerships
        partnered collaboration alliance welcome welcomed welcomes boost_to
        promising encouraging healthy firmer firmly premium outperformer
        recommended rewarding rewarded reward tops topped topping leadership""",
    ),
    (
        "val",
        0.3,
        """hype agreement deal deals contract contracts launch launched
        launches launching unveil unveiled unveils introduces introduced""",
    ),
    # --- bad news by itself ----------------------------------------------------------------
    (
        "val",
        -1.3,
        """miss missed misses missing_estimates downgrade downgraded downgrades downgrading
        plunge plunged plunges plunging plummet plummeted plummets plummeting crash crashed
        crashes crashing tank tanked tanks tanking slump slumped slumps slumping collapse
        collapsed collapses bankrupt bankruptcy insolvency insolvent default defaulted
        defaults fraud fraudulent scandal profit_warning profit_warnings issued_a_warning
        layoffs lay_off lays_off laid_off shutdown shut_down shuts_down selloff sell-off
        rout routed turmoil worse_than_expected below_expectations below_estimates
        below_forecasts missed_estimates short_of_expectations fell_short falls_short
        swung_to_a_loss swung_to_loss turned_to_a_loss turned_to_loss slipped_into_the_red
        into_the_red in_the_red sell_rating rated_sell strong_sell underperform_rating
        downgraded_to_sell cut_to_sell going_concern chapter_11 wiped_out wipes_out
        <period>_low record_low record_lows fresh_low new_low new_lows lifetime_low
        all-time_low multi-year_low nosedive nosedives nosedived bear_market is_a_sell
        a_sell hit_by hit_hard hits_hard took_a_hit failed_to_meet wrongdoing fails_to_meet
        fail_to_meet failing_to_meet failed_to_impress fails_to_impress did_not_meet""",
    ),
    (
        "val",
        -0.9,
        """weak weaker weakest weakness weaknesses sluggish disappointing disappoint disappoints
        disappointed disappointment bearish pessimistic pessimism gloomy worried worries
        worry worrying fear fears feared hurt hurts hurting halt halted halts halting
        suspend suspended suspends suspension shortage shortages slowdown downturn recession
        recessionary slump struggle struggled struggles struggling difficulties troubled
        trouble troubles dogged underweight underperform underperformed underperforms
        underperformer warn warned warns warning warnings sued sues suing lawsuit lawsuits
        probe probes indicted indictment charged accused alleged allegations violation
        violations fined penalty penalties recall recalled recalls delist delisted delisting
        dilution dilutive jeopardy threat threatens threatened threatening downside
        losers loser on_strike went_on_strike walkout outage outages breach hacked cyberattack
        sanctioned blacklisted blacklist entity_list crackdown cracked_down cracks_down
        setback setbacks derail derailed headwind headwinds woes woe pain painful
        bleak grim slash slashed slashes slashing evaporated tumbling scrutiny backlash
        exodus flee fled panic distress distressed jitters jittery nervous unrest""",
    ),
    (
        "val",
        -0.6,
        """concern concerns concerned uncertain uncertainty uncertainties volatile volatility
        risk risks risky pressure pressures pressured delay delayed delays delaying dispute
        disputes challenging difficult problem problems hurdle hurdles obstacle obstacles
        negative negatively unfavourable unfavorable adverse adversely caution cautious
        cautioned tension tensions deflation deflationary losing_streak costly
        damaged damage damages disruption disruptions disrupted cancel cancelled
        canceled cancels cancellation terminated termination lost_out curtailed inflationary
        burden squeeze squeezed erosion downbeat lackluster lacklustre muted tepid soft
        softer softness closure closures shutting impaired expensive overvalued bubble
        vulnerable exposed_to short-term_pressure trade_barriers barrier barriers bad worse
        worst correction correcting corrective drag dragged drags stretched short_sale
        go_short short_on in_red lower_circuit sell_call sell_calls cautiously
        underweight_on negative_on bearish_on cut_to_hold downgrade_to lowest falters
        <period>_lows fresh_lows downtrend dead glut crack cracks cracked loses_momentum
        lost_momentum losing_momentum top_losers top_loser break_below breaks_below
        broke_below snub under_pressure haunt haunts haunted bitter spook spooks spooked
        tizzy depressed subdued oversupply weigh_on weighs_on weighed_on weighing_on
        snaps_<period>_winning_streak pares_gains pared_gains gives_up_gains gave_up_gains
        scam de-rating derating rejects rejected stall stalls stalled choppy rate_hike
        rate_hikes rate-hike rate-hikes low_end lower_end bottom_end took_a_beating
        hammered battered pummeled pummelled sold_off skidded sagged lagged lags
        faltered falter saps sapped spiral downward dull on_hold cash_out cashes_out
        cashed_out offloads offloaded dumps dumped stake_sale dimmed_hopes dashed_hopes
        doused_hopes crushed_hopes""",
    ),
    # --- phrases that only look like cues ("up to EUR 5 mn", "set up a unit") -------------
    (
        "none",
        0.0,
        """up_to set_up sets_up setting_up make_up made_up makes_up take_up takes_up end_up
        in_line_with line_up lined_up follow_up follow-up top_up backed_up ups_and_downs
        cut-off down_payment break_down broken_down breakdown higher_education
        declined_to_comment declined_to declines_to decline_to_comment did_not_respond
        did_not_immediately_respond not_immediately_available exit_poll exit_polls
        shut_up top_ten top_10 top_five top_5 up_front sign_up signed_up
        no_change not_changed unchanged steady flat held_steady hit hits on_dips""",
    ),
    ("up", 0.0, "renewed renew renews revived revive revives rekindled"),
    ("up", 0.8, "leap leaps leapt leaped bounce bounces bounced scales scaled"),
    ("down", -0.8, "plumbs plumbed plumb"),
    ("upt", 0.4, "buy buys buying bought"),
    (
        "down",
        -1.0,
        """plunge plunged plunges plunging plummet plummeted plummets plummeting slumped slumps
        slumping tumbled tumbles tumbling crashed crashes crashing tanked tanks tanking
        collapsed collapses nosedived nosedives""",
    ),
    (
        "downt",
        0.0,
        """end ends ended ending terminate terminated terminates terminating cancel cancelled
        canceled cancels cancelling scrapped""",
    ),
    ("good", 0.4, "partnership partnerships contract contracts deal deals agreement alliance"),
    ("val", 0.3, "signed inks inked"),
    ("upt", 0.6, "push_up pushes_up pushed_up pushing_up"),
    (
        "downt",
        -0.6,
        """push_down pushes_down pushed_down drag_down drags_down dragged_down pull_down
        pulls_down pulled_down pushes_lower pushed_lower drags_lower dragged_lower""",
    ),
    ("downt", -0.4, "sell sells selling sold"),
    ("downt", -0.5, "stop stops stopped stopping"),
    # --- directions of change ----------------------------------------------------------------
    (
        "up",
        0.6,
        """rise rose risen rises rising increase increased increases increasing grow grew grown
        grows growing up higher gain gained gains gaining climb climbed climbs climbing
        advance advanced advances advancing jump jumped jumps jumping surge surged surges
        surging soar soared soars soaring spike spiked spikes rallied_to doubled doubles
        doubling tripled triples quadrupled accelerate accelerated accelerates accelerating
        strengthen strengthened strengthens widen widened widens widening extend_gains
        zoom zoomed zooms gallop galloped galloping jumps_up inch_up inched_up edged_up
        edges_up edge_up ticked_up ticks_up moved_up moves_up shot_up shoots_up went_up
        goes_up picked_up picks_up escalate escalated escalates escalating intensify
        intensified intensifies mount mounted mounting swell swelled ballooned peaked
        outstripped upswing uptick hike hikes jumped_to surged_to higher_than
        gain_of rise_of increase_of growth_of""",
    ),
    (
        "upt",
        0.4,
        """raise raised raises raising hike hiked hiking boost boosted boosts boosting lift
        lifted lifts lifting expand expanded expands expanding add added adds adding
        enhance enhanced enhances bolster bolstered bolsters bolstering impose imposed
        imposes imposing tighten tightened tightens tightening step_up stepped_up steps_up
        ramp_up ramped_up ramps_up beef_up beefed_up increase_in rise_in growth_in jump_in
        surge_in spike_in hike_in gains_in""",
    ),
    (
        "down",
        -0.6,
        """fall fell fallen falls falling decrease decreased decreases decreasing decline
        declined declines declining drop dropped drops dropping down lower shrink shrank
        shrunk shrinks shrinking contracted contraction contracting slip slipped slips
        slipping slide slid slides sliding sink sank sunk sinks sinking tumble tumbled
        tumbles dip dipped dips dipping shed sheds shedding lose lost loses losing weaken
        weakened weakens weakening deteriorate deteriorated deteriorates deteriorating
        deterioration slow slowed slows slowing slower retreat retreated retreats retreating
        fade faded fades fading erode eroded erodes eroding narrow narrowed narrows narrowing
        cool cooled cools cooling cooler ease eased eases easing moderate moderated moderating
        halved dwindle dwindled dwindling decelerate decelerated decelerating downswing
        downtick edged_down edged_lower edges_lower inched_lower ticked_down moved_lower
        went_down fell_to declined_to dropped_to lower_than subsided subsides subside
        stagnate stagnated drop_of fall_of decline_of decrease_of""",
    ),
    (
        "downt",
        -0.4,
        """cut cuts cutting lowered lowers lowering reduce reduced reduces reducing reduction
        trim trimmed trims trimming pare pared pares scale_back scaled_back scales_back
        remove removed removes removing scrap scrapped scraps scrapping withdraw withdrew
        withdrawn withdraws roll_back rolled_back rolls_back relax relaxed relaxes relaxing
        loosen loosened loosens loosening waive waived waives dismiss dismissed dismisses
        overturn overturned overturns resolve resolved resolves settle settled settles
        settling curb curbed curbs_on limits
        end_to ended_its ends_its abandon abandoned abandons halve halves suspends_the
        cut_in decline_in drop_in fall_in decrease_in reduction_in dip_in slump_in
        slowdown_in""",
    ),
    # --- quantities whose rise helps shareholders ---------------------------------------------
    (
        "good",
        0.0,
        """profit profits earnings revenue revenues sales turnover income ebit ebitda eps
        margin margins order_book order_backlog backlog bookings
        dividend dividends payout guidance forecast forecasts outlook target targets
        price_target target_price rating ratings market_share demand cash_flow volumes
        volume deliveries shipments output production subscribers users customers traffic
        occupancy valuation shares stock stocks share_price stock_price price market markets
        market_cap market_value jobs employment payrolls exports gdp confidence sentiment
        spending consumption buyback buybacks stake stakes holdings position efficiency
        profitability
        productivity liquidity cash reserves net_asset_value nav surplus premium premiums
        operating_profit net_profit pre-tax_profit gross_profit net_income operating_income
        net_sales comparable_sales same-store_sales like-for-like_sales net_interest_income
        gross_margin operating_margin topline top-line bottomline bottom-line profitability
        return returns yield_on value index indices benchmark sensex nifty equities bourses
        scrip scrips rupee investment
        investments inflows inflow lending loans deposits capacity net pat exposure""",
    ),
    ("good", 0.5, "growth growth_rate expansion"),
    ("bad", 0.0, "verdict judgment ruling"),
    ("bad", -0.8, "lawsuit suit probes investigation charges complaint complaints"),
    ("good", 0.4, "order orders order_intake"),
    ("good", 0.4, "confidence enthusiasm appetite"),
    # --- quantities whose rise hurts shareholders ---------------------------------------------
    (
        "bad",
        -0.7,
        """loss losses net_loss operating_loss pre-tax_loss pretax_loss net_losses
        operating_losses impairment impairments writedown writedowns write-down write-downs
        write-off write-offs writeoff tariffs tariff sanctions restrictions restriction
        curbs export_controls export_restrictions export_ban ban bans embargo embargoes
        fines probe investigation investigations litigation lawsuits headwinds tensions
        delays defaults bad_loans npa npas non-performing_assets non-performing_loans
        shortage shortages crackdown job_cuts layoffs redundancies concerns worries fears
        outflows dilution scrutiny slump overhang bottleneck bottlenecks congestion""",
    ),
    (
        "bad",
        -0.3,
        """deficit deficits unemployment jobless_claims inflation debt debts borrowing
        borrowings leverage provisions charges risks uncertainty volatility competition
        pressure pressures churn short_interest trade_deficit budget_deficit""",
    ),
    (
        "bad",
        0.0,
        """costs cost expenses expense spending_cuts interest_rates rates rate yields
        bond_yields input_costs raw_material_costs oil_prices fuel_costs duty duties
        import_duty import_duties export_duty levy levies tax taxes tax_rate withholding_tax
        controls capex""",
    ),
    # --- modifiers --------------------------------------------------------------------------
    (
        "neg",
        0.0,
        """not no never without nor neither cannot n't don't doesn't didn't won't isn't wasn't
        aren't weren't hasn't haven't hadn't can't couldn't wouldn't shouldn't no_longer
        failed_to fails_to fail_to unable_to unlikely_to lack lacks lacked hardly barely
        absence_of free_of avoid avoided avoids""",
    ),
    (
        "hedge",
        0.6,
        """may might could possibly potential potentially perhaps if whether would should
        speculation rumours rumors rumoured rumored reportedly considering mulls mulling
        weighs weighing""",
    ),
    (
        "intens",
        1.5,
        """sharply significantly substantially strongly dramatically markedly considerably
        steeply massively hugely greatly sharp steep massive huge big biggest record
        double-digit triple-digit strong_double-digit heavily heavy deeply deep severely
        severe sizeable sizable substantial significant tremendous tremendously rapidly
        rapid remarkable remarkably multi-year""",
    ),
    (
        "dimin",
        0.6,
        """slightly marginally modestly somewhat slight marginal modest little minor small
        mildly mild fractionally partly partially""",
    ),
    ("contrast", 0.0, "but however yet nevertheless nonetheless even_so still whereas"),
    ("concede", 0.3, "despite although though notwithstanding in_spite_of even_though"),
)

# Transitive directions whose object decides their meaning: lifting a ban removes it.
REMOVABLE = frozenset(
    """ban bans restrictions restriction curbs sanctions embargo embargoes tariffs tariff
    controls export_controls export_restrictions export_ban suspension freeze moratorium
    probe investigation lawsuit lawsuits limits cap caps""".split()
)
REMOVAL_VERBS = frozenset("lift lifted lifts lifting end_to ended_its ends_its".split())
# Words that never count as a negator before the next word ("not only ... but also").
NOT_NEGATING = frozenset({("not", "only"), ("no", "doubt"), ("not", "just")})
PRIMARY_RISE_WEIGHT = 0.0


_STRUCTURAL = frozenset({"none", "good", "bad", "up", "upt", "down", "downt"})


@functools.cache
def build_table() -> dict[tuple[str, ...], Entry]:
    """Term (as a tuple of lower-case words) -> (class, weight); the first listing wins.

    Built once per process; the groups above are the only source.
    """
    table: dict[tuple[str, ...], Entry] = {}
    # What a word does to a quantity (a direction, a noun that changes) outranks its tone:
    # "concerns" must pair with "easing" to read "easing concerns" as good news.
    ordered = sorted(_GROUPS, key=lambda group: group[0] not in _STRUCTURAL)
    for cls, weight, terms in ordered:
        for term in terms.split():
            key = tuple(term.split("_"))
            table.setdefault(key, (cls, weight))
    return table


@functools.cache
def max_phrase_length() -> int:
    """The longest term in words (phrase matching looks this far ahead)."""
    return max(len(key) for key in build_table())
