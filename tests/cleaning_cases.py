"""Made-up lines and articles shared by the cleaning tests (never the seeds' text).

``HITS`` and ``NEAR_MISSES`` are the line rules' cases, ``COMMENT_BLOCK`` and ``RELATED_BLOCK``
the block rules', ``KIND_BLOCKS`` one block of each kind of boilerplate; the helpers clean a few
lines between made-up paragraphs (``PROSE``) and check what happened to them.
"""

from __future__ import annotations

from analysis.corpus.cleaning import CleanedText, clean_text

# Made-up article paragraphs used around the boilerplate in the tests below.
PROSE = [
    "Harbour officials in Freedonia agreed on Tuesday to pause new port fees for six months.",
    "The pause covers grain, timber and copper shipments, according to a ministry statement.",
    "Traders said prices fell 3% after the announcement, the biggest drop since March.",
    "Critics warned that the deal leaves the dispute over dredging rights unresolved.",
]


def clean_lines(*lines: str, title: str | None = None) -> CleanedText:
    """Clean ``lines`` joined as one article (doc_id ``"t"``)."""
    return clean_text("\n".join(lines), doc_id="t", title=title)


def rules_by_line(cleaned: CleanedText) -> dict[int, set[str]]:
    """The rules that fired on each raw line number."""
    out: dict[int, set[str]] = {}
    for entry in cleaned.audit:
        out.setdefault(entry.line_no, set()).add(entry.rule)
    return out


def assert_removed(line: str, rule: str) -> None:
    """``line`` between two prose paragraphs is removed by ``rule``; the prose stays."""
    cleaned = clean_lines(PROSE[0], line, PROSE[1])
    assert cleaned.text.splitlines() == [PROSE[0], PROSE[1]], line
    removed = [e for e in cleaned.audit if e.line_no == 2 and e.action == "removed"]
    assert [e.rule for e in removed] == [rule], line


def assert_kept(line: str) -> None:
    """``line`` between two prose paragraphs is kept as it is."""
    cleaned = clean_lines(PROSE[0], line, PROSE[1])
    assert cleaned.text.splitlines() == [PROSE[0], line, PROSE[1]], line
    assert not [e for e in cleaned.audit if e.line_no == 2], line


HITS = {
    "site_chrome": [
        "Continue reading the main story",  # the New York Times' in-article furniture
        # an author's contact lines under a saved page (a tester's Houston Chronicle page)
        "paul.takahashi@chron.com",
        "twitter.com/paultakahashi",
        "jane.roe@ledger.example | twitter.com/janeroe",
        "A post shared by Jane Roe (@janeroe) on Aug 8, 2017 at 1:52pm PDT",
        "Interested in Harbour Fees? Add Harbour Fees as an interest to stay up to date on the "
        "latest Harbour Fees news, video, and analysis from ABC News.",
        "CLOSE Trump and Norwegian PM butt heads over Paris climate accord Video provided by AFP "
        "Newslook",
        "Skip in Skip x Embed x Share CLOSE SportsPulse: Jane Roe breaks down the game. USA TODAY "
        "Sports 1 of 3 Skip in Skip x Embed x Share CLOSE SportsPulse: What comes next 1:02",
        "hide caption", "Read Later", "END OF ARTICLE", "News provided by",
        "Support local journalism", "Zur Merkliste hinzufügen", "Link kopieren",
        # AP's and TownNews' share and reprint buttons, TownNews' editing notice
        "Copy", "Copy article link", "SMS", "Buy Now", "Author email",
        "You have permission to edit this article.",
        "Why you can trust SCMP",
        "16:02:11",
        "9:41 am ET",
        "Become an NPR sponsor",
        "Sponsor Message",
        "Loading...",
        "SEE ALL",
        "Menu", "SEARCH", "Share on Facebook", "ADVERTISEMENT", "Skip to main content",
        "© 2024 Harbour Media Group. All rights reserved.", "Facebook | Twitter | Email",
        "- PODCASTS", "Follow us on Instagram", "Story continues below advertisement",
        "Share this article on Facebook Twitter Email", "Share on Facebook, Twitter or Email",
        "Share on Facebook | Share on X | Copy link",
        "Home | News | Sports | Subscribe now! | Sign in", "Politics • Business • Tech • Opinion",
        "Click to share on Facebook (Opens in new window)", "Click to email this to a friend",
        "Click to print", "Next Post: Harbour fees return in spring", "Previous article",
        "Skip to Section Links", "Supported by", "SKIP ADVERTISEMENT", "Share full article",
        "Purchase Licensing Rights",
        "A version of this article appears in print on Oct. 22, 2025, Section B, Page 1 of the "
        "New York edition with the headline: Harbour Fees Return.",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "See more on: Harbour Authority of Freedonia",
        "Save articles to read later and create your own reading list.",
        "CLICK HERE TO GET THE HARBOUR NEWS APP",
    ],
    "cookie_notice": [
        "We use cookies to improve your browsing experience and show personalised content.",
        "By choosing I Accept, you consent to our use of cookies and other tracking technologies.",
        "This website uses cookies. By continuing to use our website without changing the "
        "settings, you are agreeing to our use of cookies.",
        "This website uses cookies to improve your experience. We’ll assume you’re ok with this, "
        "but you can opt-out if you wish. Accept Read More",
        "Harbour Media uses cookies for ads. Learn more or change your cookie settings.",
        "Privacy & Cookies Policy",
        # the IAB framework's consent banner, as pasted
        "Cookies on Daily Kickoff: We and our 247 partners store and access information on your "
        "device. Accept | Reject | Settings",
        "We and our partners store and/or access information on a device, such as cookies and "
        "process personal data, such as unique identifiers and standard information sent by a "
        "device for personalised advertising and content.",
    ],
    "sign_in_prompt": [
        "Sign in with Apple", "Log in", "Continue with Google", "Sign in with 微博",
        "Create a free account to keep reading", "Already a subscriber? Log in here",
    ],
    "subscribe_prompt": [
        "Want more stories like this? Sign up for our Morning Rundown newsletter.",  # NBC News
        "You have read 3 of 5 free articles this month.",
        "Thank you for supporting The Atlantic.",
        "I understand and agree that registration on or use of this site constitutes agreement "
        "to its user agreement and privacy policy.",
        "By subscribing, you agree to our Privacy Policy.",
        "By registering, I agree to the Terms of Use and acknowledge the Privacy Policy.",
        "Thanks for reading The Fare Box! Subscribe for free to receive new posts and support "
        "my work.",
        "Subscribe to The Harbour Ledger for $1 a week",
        "Get unlimited access with a premium subscription today",
        "Get 50% off your first year of digital access",
        "Unlock exclusive savings with a team membership — ideal for newsrooms.",
        "Delivered Straight To Your Inbox",
        "Get Our Free Morning Newsletter",
        "Sign Up for Weekly Market Alerts and Exclusive Analysis From Our Desk",
        "Thank you for signing up!",
        "Great news! You're subscribed and will hear from us soon.",
        # a reader-funded site's appeal
        "Support independent local journalism. We are funded by our readers. Donate from £3 a "
        "month.",
        "Please support our journalism today",
        "Donate now: every $5 keeps our newsroom going.",
    ],
    "audio_prompt": [
        "Reading Time:3 minutes",
        "Listen to this article 0:00 / 1:12 1X",
        "Produced by ElevenLabs and News Over Audio (Noa) using AI narration. Listen to more "
        "stories on the Noa app.",
        "Listen to this article", "Listen to the story · 4 min", "Play audio", "6 min listen",
        "4 min", "NEWYou can now listen to Harbour News articles!",
    ],
    "toc_marker": ["Table of Contents", "In This Article", "Contents:"],
    "platform_disclaimer": [
        "Quayside Voice is a not-for-profit community news service. Registered charity no. "
        "1180000.",
        "Harbour Media Ltd. Registered in England and Wales. Company number 01234567.",
        "The Associated Press receives support from the Walton Family Foundation for coverage "
        "of water policy. The AP is solely responsible for all content.",
        "This article was originally published in German.",
        "Disclaimer: The opinions expressed here are the writer's own.",
        "The views expressed in this column are those of the author alone.",
        "This article is for informational purposes only and does not constitute advice.",
        "Note: This post represents the personal views of the author. Vote with the 【like】 "
        "button below.",
        "If you buy something through this post, Harbour News may get a share of the sale.",
        "We may earn a commission when you buy through links on our site.",
        "This article contains affiliate links.",
        "The Associated Press receives support from the Walton Family Foundation for coverage "
        "of water policy. The AP is solely responsible for all content. For all of AP's "
        "environmental coverage, visit https://apnews.com/hub/climate-and-environment",
        "When you buy a book using a link on this page, we receive a commission. Thank you for "
        "supporting The Atlantic.",
        "This press release contains forward-looking statements within the meaning of the "
        "Private Securities Litigation Reform Act of 1995.",
        "Forward-Looking Statements",
        "We acknowledge Aboriginal and Torres Strait Islander peoples as the First Australians "
        "and Traditional Custodians of the lands where we live, learn, and work.",
        "This service may include material from Agence France-Presse (AFP), APTN, Reuters, AAP, "
        "CNN and the BBC World Service which is copyright and cannot be reproduced.",
        "AEST = Australian Eastern Standard Time which is 10 hours ahead of GMT (Greenwich Mean "
        "Time)",
        "Your information is being handled in accordance with the ABC Privacy Collection "
        "Statement.",
        "Comments have to be in English, and in full sentences. They cannot be abusive or "
        "personal. Please abide by our community guidelines for posting your comments.",
        "Email notifications are only sent once a day, and only if there are new matching items.",
        "Your subscription makes our reporting possible.",
    ],
    "para_marker": ["[para. 7]", "[Paragraph 12]", "¶ 3"],
    "section_label": ["Key Takeaways", "AT A GLANCE:", "- Highlights", "TL;DR"],
    # an opinion page's genre label alone on its line (a tester's editorials and leaders)
    "genre_label": ["Editorial", "Leading Article", "OPINION", "Analysis", "Letters to the Editor"],
    # a letters page's notices, and the Guardian's call for letters under an opinion piece
    "letters_notice": [
        "Letters to the editor may be edited for length.",
        "Email letters@dailycourier.example",
        "Write to us: letters@thetimes.example. Letters may be edited.",
        "Do you have an opinion on the issues raised in this article? If you would like to "
        "submit a response of up to 300 words by email to be considered for publication in our "
        "letters section, please click here.",
    ],
    "cms_debris": [
        "<!-- wp:heading -->", "¤!-- /wp:list -->", '<div class="ad-slot"></div>',
        '[caption id="attachment_9"]', "-->",
    ],
    "comment_section": [
        "Submit a Comment", "Leave a Reply", "12 Comments", "Comments (4)",
        "2 Responses to “Ports Pause Fees”",
        "Your email address will not be published.", "Save my name, email, and website in "
        "this browser for the next time I comment.",
    ],
    "related_list": [
        "Read more: Freedonia Tightens Grip on Copper Exports", "Most Read",
        "Go deeper: Why home insurance costs are soaring", "Read: The great office reckoning",
    ],
    # a news database's fields left in an export's text column (a tester's 1,940 rows)
    "database_field": [
        "Document REUT000020100317e63h000ab", "Document BBC 000001441e61c0006x", "417 words",
        "1,204 words", "Length: 812 words", "Load-Date: March 3, 2012", "LANGUAGE: ENGLISH",
        "PUBLICATION-TYPE: Newspaper", "End of Document", "Byline: Jane Roe",
        "Section: A; Pg. 3", "Subject: POLITICS (91%); ELECTIONS (90%)",
        "Dow Jones Newswires", "Distributed by Tribune Content Agency",
    ],
}  # fmt: skip

NEAR_MISSES = [
    # an address inside a sentence is the article's
    "The mayor wrote to jane@city.example on Monday, asking for the audit.",
    # prose that merely mentions the vocabulary of a rule
    "Amazon may earn a commission on sales made through the scheme, the regulator found.",
    "If you buy a house this year, you may get a tax break worth thousands of pounds.",
    "Share the news with Facebook friends, the campaign urged its supporters.",
    "The vote was 7 | 2 in favour | 1 abstained | 0 absent, the clerk said.",
    "Smith | Jones | Brown | Green said they would appeal the ruling next week.",
    "Search parties worked through the night to find the missing hikers.",
    "Share prices fell 3% on Monday after the report.",
    "Menu prices at the harbour café rose sharply this year.",
    "Sign in with caution, the bank warned customers after the breach.",
    "Log in details of 2 million users were leaked last week.",
    "Continue with the reforms, the minister urged parliament.",
    "Subscriptions to streaming services rose 12% last year, the survey found.",
    "Netflix said subscriber growth slowed in the third quarter.",
    "Readers who subscribe to the print edition received a free map.",
    "Get ready for a long fight, the union leader told members.",
    "The company's newsletter business doubled its revenue in 2023.",
    "“Thank you for subscribing to our vision,” the chief executive told investors.",
    "Listen to the voters, the senator urged her colleagues.",
    "Listen to the full version of the speech, aides told reporters.",
    "The table of contents of the report lists 14 chapters.",
    "Statement: the ministry confirmed the quota will rise next year.",
    "The views expressed by farmers at the meeting were mostly angry.",
    "Article [12] of the treaty applies to both ports.",
    "Highlights of the deal include a tariff cut and a review clause.",
    "Opinion is divided on the offer, and analysis of the figures is still going on.",
    "Comment was sought from the editorial board of the paper, which did not reply.",
    "The council said letters may be edited before they are published, a spokesman added.",
    "Readers wrote to letters@courier.example in their hundreds, the editor said on Monday.",
    "The ratio was 3 < 5 and 7 > 2 in the sample.",
    "The ministry received 300 comments on the draft rule.",
    "300 comments on the draft rule arrived by Friday.",
    "Comments from the minister drew criticism from exporters.",
    "No comment, the spokesman said when asked about the talks.",
    "More talks are planned for next month in the capital.",
    "Read more about the deal on page 4.",
    "Regulators want websites that use cookies to ask for consent before tracking readers.",
    "Browsers will block sites that use cookies to follow you across the web.",
    "You can bake these cookies in twenty minutes and they keep for a week.",
    "The bakery said it would stop using cookies from its old supplier; customers accept that.",
    "Skip to the end of the report and the picture is bleaker, the auditors said.",
    "The next article of the treaty covers dredging rights in the channel.",
    "Supported by a majority of members, the harbour bill passed on Friday.",
    "Our standards of care have slipped, the nurses said in a statement.",
    "See more on page 4 of the ministry's report.",
    "The 4 min walk from the station to the harbour is now closed.",
    "You can now listen to the council's debates online, the clerk said.",
    "Readers can save articles to read later, the publisher said in a statement.",
    "By contrast, exports to Japan rose.",
    "By 2030, output could double, analysts estimate.",
    "Related talks in Geneva ended without agreement.",
    "Copyright disputes slowed the deal, lawyers said.",
    "Contents of the shipment were not disclosed.",
    "Play resumed after a short rain delay.",
    "Sign up rates for the scheme were low, officials said.",
    "Harbour Ledger Summary",
    "Rare Metals Quietly Return to the Table",
    "Investor Outlook: Calm Markets, Lingering Risks",
    "Support for premium brands fell in the survey.",
    "Start-ups are chasing subscribers with cheaper plans.",
    "Access to premium grain markets improved in May.",
    "Keep an Eye on the News From Beijing",
    "Note: The figures do not reflect seasonal adjustments.",
    "Note: The court found no infringement in the case.",
    "Open an account at the central bank, the fund advised.",
    "- 12 responses",
    "- 45 minutes",
    "Live cattle exports resumed in June.",
    "Why you can trust polls less than you think is a question economists keep asking.",
    "The station had to become a sponsor of the festival to keep its licence.",
    "Loading the ships took three days.",
    "By subscribing, readers agree to pay more, the publisher said.",
    "You have read 3 of 5 free articles, and that is the point, said the editor.",
    "Thanks for reading this far. Subscribers will get a discount next year, she wrote.",
    "The minister is solely responsible for the content of the law, the court said.",
    "He said the article was originally published in German before it was translated.",
    "Reading time for pupils rose to 3 hours a week.",
    "Read: the council said it would act.",
    "At 16:02 the last train left the station.",
    "Thank you for supporting us, the mayor told volunteers.",
    "The newsletter landed in my inbox on Tuesday. It was short.",
    "Delegates agree that use of force constitutes a breach of the treaty.",
    "16:02 was when the last train left, the driver said.",
    "When you buy through a broker, the broker receives a commission on the sale.",
    "Comments must be in writing and reach the council by Friday.",
    "The release contains forward-looking statements, analysts warned.",
    "Your support helps our work, the charity told donors.",
    "Remove the lid before heating the soup.",
    "CLOSE to 100 people attended the meeting, officials said.",
    "A post shared by the mayor drew 2,000 comments.",
    "Interested in fees? Add them up and you get a large sum, the auditor said.",
    "CLOSE: the vote was 5-4.",
    # the new shapes' vocabulary in news
    "We and our partners will appeal the ruling, the club said on Monday.",
    "Regulators say we and our partners in Europe must ask before storing cookies, she said.",
    "Fund local news, campaigners urge ministers.",
    "Support for local journalism has fallen by a third since 2010.",
    "Donors gave $5 million to the hospital last year.",
    "The charity, registered in 2004, runs six shelters.",
    "Its registered office is in Jersey, company filings show.",
    "Share prices on Facebook | Twitter | Email were not affected, analysts said.",
    # a database's field names in prose
    "The document was signed by 40 words of praise, the clerk said.",
    "Section 230 of the act was debated for 800 words.",
    "Subject: the council's budget, which rose 4% (its biggest rise) this year.",
    "Language matters: English is spoken by 90% of residents.",
]


COMMENT_BLOCK = [
    "3 Comments",
    "Jane Roe",
    "Great piece, but the fees will be back by summer.",
    "Reply",
    "2. K. Smith says:",
    "May 2, 2024 at 3:14 pm",
    "I disagree with the premise.",
    "It ignores the dredging dispute entirely.",
    "Reply",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Name *",
    "Email *",
    "Post Comment",
]


RELATED_BLOCK = [
    "Related Articles",
    "Freedonia Ports Brace for a Long Winter of Fees",
    "Copper Traders Weigh the Cost of a Dredging Dispute",
    "Oct 2, 2024",
    "Why Grain Shippers Are Looking South",
]


KIND_BLOCKS: dict[str, list[str]] = {
    "site_chrome": ["Skip to content", "Menu", "Search"],
    "sign_in_prompt": ["Sign in with Google", "Sign in with Facebook"],
    "subscribe_prompt": [
        "Subscribe to the Ledger — first month free.",
        "Straight To Your Inbox",
        "Receive Our Weekly Shipping Briefing Written For Busy Port Managers",
        "Thanks for subscribing!",
    ],
    "audio_prompt": ["Listen to this article · 3 min"],
    "comment_section": COMMENT_BLOCK,
    "related_list": RELATED_BLOCK,
    "cms_debris": ["<!-- wp:paragraph -->", "¤!-- /wp:paragraph -->"],
    "toc_marker": ["Table of Contents"],
    "platform_disclaimer": [
        "Statement: This article represents the personal views of the author only."
    ],
    "para_marker": ["[para. 4]"],
    "section_label": ["Key Points"],
    "database_field": ["Load-Date: March 3, 2012", "LANGUAGE: ENGLISH", "End of Document"],
    "blank_line": ["   ", "\t\t"],
}
