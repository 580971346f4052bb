"""Word lists the linker needs to tell a company from an ordinary word, a person or a source.

These are facts about English and about the news trade, not about any article: which
upper-case strings are ordinary words or acronyms rather than tickers, which company names are
also everyday words or people's names, which names are private companies, media outlets,
research houses or stock exchanges. All entries are lower case unless said otherwise.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    return frozenset(part.strip() for part in text.split(";") if part.strip())


COMMON_WORD_TICKERS = _words(
    """A AI ALL AM AN AND ANY ARE AS AT BE BEST BIG BIO BY CAN CAR CASE CASH CEO COST DAY DO
    EAT EV EVER FAST FLY FOR FREE FUN GAIN GO GOLD GOOD HAS HE HOLD HOME HOPE HUGE IT JOB KEY
    KIDS LIFE LIVE LOVE LOW MAIN MAN MAX ME MIND MORE MOVE NEW NEXT NICE NOW OF OK ON ONE OPEN
    OR OUT PAY PEAK PLAY PLUG POST REAL RENT RUN SAFE SAVE SEE SHIP SITE SO SUN TEAM TECH TRUE
    TWO U UP US USA VERY WAVE WAY WELL WHO WIN WORK YOU ZONE JAN FEB MAR APR JUN JUL AUG SEP
    SEPT OCT NOV DEC MON TUE WED THU FRI SAT"""
)
"""Upper-case tickers that are also English words: linked only with an explicit ticker tag."""

ACRONYMS = _words(
    """AI AGI API APIS AR ASIC ATH AUM AV B2B B2C BBC BIS BOE BOJ CAC CCP CDS CEO CEOS CFO CFPB
    CFTC CIA CIO CLO CNN CNY COO CPI CPU CPUS CSI CSRC CTO DHS DJIA DOJ DRAM EBIT EBITDA ECB EPA
    EPS ESG EST EDT ET ETF ETFS ETN EU EUR EV EVS FAA FBI FCC FDA FDIC FED FINRA FOMC FT FTC
    FX FY GAAP GBP GDP GMT GPU GPUS H1 H2 HBM HK HKD HKEX HR ICE ID IMF INR IOS IOT IP IPO IPOS
    IR IRS IT JPY KRW LBO LCD LED LLM LLMS LSE LTE MBS MIIT MOFCOM NAND NATO NAV NBA NDRC NFL
    NHTSA NPC NSA NYSE NASDAQ OCC OEM OECD OLED OPEC OS OTC PBOC PC PCS PE PM PMI PPI PR PRC QA
    Q1 Q2 Q3 Q4 QOQ R&D REIT REITS RMB ROE ROI SAAS SAMR SDK SEC SPAC SPACS SSD SSE TPU TSX TV
    TWD UAE UI UK UN US USA USD USTR UTC UX VC VR WHO WTO XR YOY YTD BTC ETH SOL XRP DOGE ADA BNB
    USDT USDC LTC DOT AVAX LINK SHIB TRX TON NFT NFTS DEFI DAO RSI MACD EMA SMA ATR ADX VWAP OBV
    WTI LNG LPG NGL BDC BDCS CEF CEFS MLP MLPS PSA SSL TLS VPN RPC TM SM FANG FAANG FAAMG MAMAA
    MAANG ASX SGX JSE NSE BSE"""
)
"""Upper-case abbreviations common in business news that are not meant as tickers."""

ORDINARY_NAMES = _phrases(
    """admiral; affirm; alarm; ally; anywhere; apple; arm; array; ball; bandwidth; banner;
    beyond; block; bloom; booking; box; buckle; cactus; cadence; carnival; carrier; cars; charter;
    circle; citizens; city; coach; coherent; compass; crane; credo; crown; delta; deluxe;
    diodes; discover; dollar; dominion; elastic; employers; enact; energizer; ensign;
    equitable; essent; evolution; exponent; flex; fox; freedom; frontier; gap; general; group;
    guess; harmonic; hello; honor; hub; integer; interface; investor; key; lineage; live;
    marathon; match; meta; microchip; mosaic; news; next; noble; orange; partners; plug; pool;
    popular; post; premier; principal; progressive; prudential; radian; recruit; regions;
    reliance; repay; rocket; root; sage; sea; shell; shift; snap; southern; spire; spirit;
    square; stem; stone; strategy; stride; target; toast; travelers; unity; universal; vertex;
    vertical; viking; visa; waters; whirlpool; wish; zoom"""
)
"""Company names that are also ordinary English words: a capitalised use inside a sentence is
enough, a sentence-initial or headline use needs company context (shares, Inc., a ticker)."""

PROPER_NAMES = _phrases(
    """alaska; alexandria; american; apollo; atlantic; atlas; baba; boston; brady; camden;
    campbell; chase; chen; china; columbia; continental; dana; dave; dover; eagle; eaton; edison;
    emerson; essex; federal; franklin; gallagher; genesis; global; graham; hartford; hawaiian;
    he; huang; huntington; india; international; jackson; japan; jefferson; johnson; kirby;
    korea; kraft; lear; leslie's; leslie s; li; liberty; lin; lincoln; liu; ma; madison; marcus;
    mercer; mercury; morgan; national; noah; norwegian; orion; otis; pacific; parker; patriot;
    phoenix; pioneer; southwest; sterling; summit; sun; titan; united; victoria; wang;
    washington; wells; wiley; williams; wilson; wu; yang; zhang; zhao; zhou; monday; tuesday;
    wednesday; thursday; friday; saturday; sunday; january; february; march; april; may; june;
    july; august; september; october; november; december; celsius; fahrenheit"""
)
"""Company names that are also people's names, places, demonyms or units, capitalised in
ordinary use: they need company context (shares, a ticker tag, Inc., a company verb) or a certain
mention of the same company elsewhere in the article."""

GIVEN_NAMES = _words(
    """aaron adam alan alex alexander ali alice amy andrew andy angela ann anna anne anthony
    arthur barbara ben benjamin bernard betty bill bob brad brian bruce carl carlos carol
    catherine cathie charles charlie chris christine christopher colin craig dan daniel david
    deborah dennis diana donald doug douglas ed edward elizabeth elon emily emma eric frank fred
    gary george gerald gina greg harrison harry helen henry howard ian jack jacob james jamie jane
    janet jason jeff jeffrey jennifer jensen jerome jerry jim joe john jonathan jose joseph josh
    joshua julia julie justin karen kate katherine keith ken kenneth kevin kim larry laura lee
    linda lisa louis margaret maria mark martin mary masayoshi matt matthew michael michelle mike
    nancy nicholas nick pat patricia patrick paul peter philip pony ray raymond richard rick
    robert robin roger ronald ruth ryan sam samuel sandra sarah satya scott sergey sharon steve
    steven sundar susan thomas tim timothy todd tom tony victor walt walter warren william xi
    zhiwei"""
)
"""Given names: a capitalised word right before a name-like alias marks a person (Jack Ma)."""

PRIVATE_NAMES = _phrases(
    """openai; open ai; anthropic; bytedance; byte dance; tiktok; douyin; huawei; huawei ascend;
    honor device; deepseek; deep seek; moonshot; moonshot ai; kunlunxin; kunlun chip; ant group;
    ant financial; alipay; cainiao; spacex; starlink; xai; x.ai; stripe; shein; databricks; zhipu;
    zhipu ai; baichuan; mistral; mistral ai; perplexity; scale ai; epic games; bloomberg;
    bloomberg news; bloomberg lp; benzinga; benzinga pro; business insider; the information;
    financial times; forbes; axios; politico; caixin; scmp; south china morning post; xinhua;
    global times; yonhap; kyodo; nikkei asia; the economist; reuters breakingviews; yahoo finance;
    seeking alpha; motley fool; the motley fool; zacks; thestreet; marketbeat; investopedia;
    investing.com; cls; jiemian; 36kr; lombard odier; pepperstone; appaloosa; appaloosa management;
    bridgewater; citadel; citadel securities; jane street; two sigma; renaissance technologies;
    millennium; point72; elliott; elliott management; tiger global; sequoia; sequoia capital;
    softbank vision fund; vanguard; fidelity; fidelity investments; pimco; wedbush; needham;
    baird; bernstein research; trendforce; counterpoint; counterpoint research; canalys; idc;
    gartner research; omdia; sensor tower; data.ai; hugging face; superclue; live bench;
    lmsys; chatbot arena; white house; pentagon; commerce department; federal reserve;
    securities and exchange commission; people's bank of china; ministry of commerce"""
)
"""Private companies, unlisted units, publishers, funds and public bodies: never a ticker, and
their names stop a shorter listed alias inside them from matching (Moonshot AI is not AI)."""

VENUE_NAMES = _phrases(
    """new york stock exchange; nyse; nasdaq stock market; nasdaq stock exchange; nyse american;
    nyse arca; hong kong stock exchange; hong kong exchange; hkex; stock exchange of hong kong;
    shanghai stock exchange; shenzhen stock exchange; star market; chinext board; beijing stock
    exchange; london stock exchange; tokyo stock exchange; korea exchange; taiwan stock exchange;
    singapore exchange; toronto stock exchange; australian securities exchange; frankfurt stock
    exchange; euronext; six swiss exchange; bombay stock exchange; national stock exchange"""
)
"""Stock exchanges named as places to trade or list: not mentions of their listed operators."""

MEDIA_NAMES = _phrases(
    """reuters; thomson reuters; cnbc; nbc; nbc news; msnbc; wall street journal; the wall street
    journal; wsj; barron's; barrons; marketwatch; dow jones newswires; new york times; the new york
    times; nyt; fox business; fox news; cnn; cnn business; washington post; usa today; gannett;
    nikkei; associated press; ap; afp; bbc; the guardian; daily mail; abc news; cbs news"""
)
"""Media outlets (some are listed companies): cited as the source of a story, not its subject."""

RESEARCH_NAMES = _phrases(
    """jpmorgan; jp morgan; j.p. morgan; jpmorgan chase; goldman; goldman sachs; morgan stanley;
    citi; citigroup; citibank; bank of america; bofa; bofa securities; bank of america securities;
    merrill; merrill lynch; ubs; barclays; hsbc; deutsche bank; credit suisse; nomura; jefferies;
    wells fargo; mizuho; macquarie; bernstein; alliancebernstein; evercore; evercore isi; piper
    sandler; raymond james; stifel; cowen; td cowen; oppenheimer; keybanc; truist; rbc; rbc
    capital; rbc capital markets; bmo; bmo capital; cibc; scotiabank; td securities; societe
    generale; bnp paribas; daiwa; smbc nikko; cicc; citic securities; citic; haitong; huatai;
    morningstar; factset; s&p global; s&p global market intelligence; moody's; moodys; msci;
    lseg; refinitiv; ice data; bloomberg intelligence; kbw; keefe bruyette; loop capital;
    rosenblatt; benchmark; guggenheim; wolfe research; redburn; hsbc global research; investec;
    ing; natixis; commerzbank; berenberg; kepler; exane; jefferies group; lazard; moelis;
    houlihan lokey; baird; needham; wedbush; d.a. davidson; william blair; canaccord; btig;
    cantor fitzgerald; b. riley; ladenburg; maxim; roth; craig-hallum; northland; mkm partners;
    tigress; seaport; atlantic equities; new street research; melius; susquehanna; sig; mufg;
    sumitomo mitsui; ocbc; dbs; standard chartered; china renaissance; clsa; ccb international;
    boc international; everbright; guotai junan; gf securities; cmb international; gartner;
    forrester; nielsen; ihs markit; s&p global ratings; fitch; fitch ratings; moody's investors
    service; moody's analytics; lipper; cfra; argus; jd power; j.d. power; trendforce; idc; cme;
    cme group; msci; ftse russell; lpl; lpl financial; blackrock; blackrock investment institute;
    bmo capital markets; amp capital; seb; schwab; charles schwab; zacks"""
)
"""Banks, brokers and data firms that are usually quoted as the source of a view or a figure."""

SECTOR_WORDS = _words(
    """healthcare health energy technology tech financials financial utilities utility materials
    industrials industrial telecom telecoms semiconductor semiconductors chips biotech biotechnology
    retail retailers banking banks bank insurance insurers consumer media steel mining miners oil
    gas gold silver copper shipping airlines airline autos automakers transport transportation
    pharma pharmaceuticals software internet services service hardware defense aerospace leisure
    travel gaming housing homebuilders construction chemicals lithium uranium solar renewables
    cannabis crypto bancorp bancshares trust capital resources holdings partners properties
    realty"""
)
"""Sector and trade words: a name that is only one of these is never taken as a company."""

COMPANY_SUFFIXES = _words(
    """inc inc. incorporated corp corp. corporation co co. company ltd ltd. limited plc llc l.p.
    lp holdings holding group ag se sa s.a. nv n.v. adr ads spa s.p.a. ab asa oyj kk k.k. bhd
    tbk pte sarl gmbh"""
)
"""Legal-form words: a name followed by one of them is a company, and aliases drop them."""

GENERIC_FIRST_WORDS = _words(
    """american bank first general global international national united china chinese hong
    new north south east west us u.s. great royal pacific atlantic standard federal capital
    central western eastern northern southern asia asian euro european japan japanese korea
    korean india indian canadian canada british texas public advanced applied digital energy
    health financial smart super the ishares spdr vanguard invesco proshares direxion global
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico york
    carolina dakota ohio oklahoma oregon pennsylvania rhode tennessee texas utah vermont virginia
    washington wisconsin wyoming permian appalachian gulf midwest mountain hudson atlantic
    ontario alberta quebec british london paris tokyo shanghai beijing"""
)
"""First words too generic to serve alone as a short alias learned from a full name."""

CRYPTO_WORDS = (
    "crypto",
    "bitcoin",
    "blockchain",
    "ethereum",
    "stablecoin",
    "altcoin",
    "defi",
    "web3",
    " token",
    "nft",
)
"""Words of crypto news (lower case): where they abound, upper-case tokens are coin symbols."""

NAME_PREFIXES = (GENERIC_FIRST_WORDS - {"the"}) | _words(
    """big old little grand saint st mount lake port fort city state bank first second"""
)
"""Words that often begin a longer name (``First Republic``, ``Big Apple``)."""

SENTENCE_OPENERS = _words(
    """the a an but and or so yet in on at for with as when while after before since if then
    now today yesterday also meanwhile however still even only though although because despite
    from to by under over its their his her this that these those our my your many some all each
    every last next both analysts investors traders shares stock stocks rival rivals peer peers
    why how what is are was were will can did does do should could would may might where who
    which like unlike buy sell watch here there than not no more most less such said says
    according elsewhere instead indeed finally overall separately earlier later already
    including unless until whether whereas amid among against during without within about
    above below into onto upon via per ex former"""
)
"""Capitalised words that open a sentence without being part of the name after them."""
