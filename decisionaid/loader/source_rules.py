"""What counts as a source: the canonical hosts, the refused hosts, and the checks on each entry.

This is the ONE place that says which addresses are a source's own and which are
never a source. `check-content` applies these rules to every entry of
`sources.yaml`; `cited_numbers.py` adds the rule that a number a patient reads
cites a source of a strong kind.

The rules (ids as `--sources-report` prints them):

- `read-missing`: every source says how much of it was read (`read: full`,
  `abstract` or `part`); a source not read in full is cited only for what was read.
- `url-refused`: no source, of any kind, is a mirror, a cache, a test or staging
  server, a library proxy, a document-sharing site, a session address, a
  translation, a tabloid or finance page, or a reprint, aggregator or encyclopedia
  copy of someone else's text (`REFUSED_HOSTS`, `REFUSED_URL_PARTS`). Because no
  source may have such an address, no printed source list can show one.
- `identifier-missing`: a label, trial, cohort study, guideline, HTA or systematic review
  (`STRONG_KINDS`) is named by a DOI, a PMID or an address on a host of
  `CANONICAL_HOSTS` (the regulator's, guideline or HTA body's, index's or
  publisher's own).
- `url-not-canonical`: a source of a strong kind that also gives a url gives its
  own address, not a page about it (a DOI does not excuse a news url).
- `doi-malformed`: a DOI is written bare, as `10.NNNN/suffix`.
- `printed-source`: a source behind an attribute score is printed in the
  discussion summary's source list, so it needs a DOI, a PMID or a canonical url.
- `number-weak-source` (in `cited_numbers.py`): a number in patient text cites at
  least one source of a strong kind.

To allow a new host: add it to `CANONICAL_HOSTS` under its group, with the body
it belongs to, in the same commit as the source that needs it. A host matches
itself and its subdomains (`fda.gov` covers `www.accessdata.fda.gov`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from decisionaid.domain.content import STRONG_KINDS, Source
from decisionaid.loader.problems import Problem, RuleProblem

if TYPE_CHECKING:
    from decisionaid.loader.load import LoadedFile

ENFORCED = True
"""The switch. False: `check-content` counts source-rule problems but passes, and
the tests of the shipped content ignore them. True: they are problems like any
other (check-content exits 1, tests/test_shipped_content.py fails on them).
Turn it on once the re-sourced content of issue 11 is merged."""

RULES: dict[str, str] = {
    "read-missing": "every source says how much was read (read: full, abstract or part)",
    "url-refused": "no mirror, cache, test host, proxy, document-sharing, session, translation, "
    "tabloid or finance url",
    "identifier-missing": "a label, trial, cohort study, guideline, HTA or systematic review has a "
    "DOI, a PMID or a canonical url",
    "url-not-canonical": "a source of a strong kind that gives a url gives its own, canonical one",
    "doi-malformed": "a DOI is written bare: 10.NNNN/suffix",
    "printed-source": "a source behind an attribute score (printed in the summary) has a DOI, "
    "a PMID or a canonical url",
    "number-weak-source": "a number in patient text cites a label, trial, cohort study, guideline, HTA "
    "or systematic review",
}

CANONICAL_HOSTS: dict[str, tuple[str, ...]] = {
    "regulators": (
        "ema.europa.eu",  # EMA: EPARs, SmPCs and package leaflets
        "ec.europa.eu",  # Union Register of medicinal products
        "fda.gov",  # FDA, including accessdata.fda.gov labels
        "dailymed.nlm.nih.gov",  # US labels as filed
        "gov.uk",  # MHRA (www.gov.uk/government/organisations/medicines-...)
        "mhra.gov.uk",  # MHRA product pages
        "medicines.org.uk",  # emc: UK SmPCs and leaflets, as filed by the maker
        "canada.ca",  # Health Canada
        "tga.gov.au",  # Australia
        "swissmedic.ch",
        "pmda.go.jp",
    ),
    "guideline and HTA bodies": (
        "nice.org.uk",
        "cadth.ca",
        "cda-amc.ca",  # CADTH's new name
        "wfh.org",  # World Federation of Hemophilia guidelines
        "isth.org",
        "hematology.org",  # ASH guidelines
        "b-s-h.org.uk",
        "ukhcdo.org",
        "bleeding.org",  # NBDF: MASAC recommendations
        "hemophilia.org",  # NBDF's former address
        "thsna.org",  # THSNA congress abstracts, on the organiser's own site
        "ehaweb.org",  # EHA congress abstracts and guidelines
        "eahad.org",
        "ash.confex.com",  # ASH annual meeting abstracts
        "icer.org",
        "iqwig.de",
        "g-ba.de",
        "has-sante.fr",
        "scottishmedicines.org.uk",
        "england.nhs.uk",  # NHS England commissioning policies
        "cdc.gov",
        "who.int",
    ),
    "indexes and registers": (
        "doi.org",
        "pubmed.ncbi.nlm.nih.gov",
        "ncbi.nlm.nih.gov",  # PubMed Central: the publisher's text deposited
        "europepmc.org",
        "clinicaltrials.gov",
        "clinicaltrialsregister.eu",
        "cochranelibrary.com",
    ),
    "publishers and journals": (
        "nejm.org",
        "thelancet.com",
        "ashpublications.org",  # Blood, Blood Advances
        "bloodjournal.org",  # Blood's former address (ASH)
        "bloodadvances.org",  # Blood Advances' former address (ASH)
        "onlinelibrary.wiley.com",  # Haemophilia, J Thromb Haemost
        "jthjournal.org",
        "rpthjournal.org",
        "sciencedirect.com",
        "link.springer.com",
        "nature.com",
        "bmj.com",
        "jamanetwork.com",
        "academic.oup.com",
        "tandfonline.com",
        "journals.plos.org",
        "frontiersin.org",
        "mdpi.com",
        "karger.com",
        "thieme-connect.de",
        "thieme-connect.com",
        "annals.org",
        "acpjournals.org",
        "ahajournals.org",
        "cell.com",
        "sagepub.com",
        "dovepress.com",
        "biomedcentral.com",
        "liebertpub.com",
        "haematologica.org",
        "mdm.sagepub.com",
        "ipdas.ohri.ca",  # IPDAS collaboration, decision-aid method
        "decisionaid.ohri.ca",  # Ottawa decision-aid method
    ),
}

REFUSED_HOSTS: tuple[tuple[str, str], ...] = (
    # (pattern on the host name, what such a host is); patterns bound to a label
    # where a bare word would catch honest hosts (dev, proxy, cache, cdn).
    (r"fstlytest|\.ssl\.fastly\.net$", "a test server"),
    (r"mimsdev|(^|[.-])(dev|qa\d*|uat|test)\d*[.-]", "a development or test server"),
    (r"(^|[.-])staging\d*[.-]", "a staging server"),
    (
        r"(^|[.-])cache\d*[.-]|webcache\.|(^|[.-])cdn\d*[.-]|(^|\.)archive\.(org|ph|today)$|"
        r"(^|\.)fda\.report$|piglix\.",
        "a mirror or cache",
    ),
    (r"(^|[.-])proxy\d*[.-]|ezproxy|bibliotheek\.|\.idm\.oclc\.org$", "a proxy or library proxy"),
    (r"translate\.goog|translate\.google|120ty\.", "a translation"),
    (
        r"vdocuments|scribd|slideshare|studocu|coursehero|issuu|yumpu|pdfcoffee|dokumen\.pub|"
        r"documents\.pub|fdocuments|docplayer|pdfslide",
        "a document-sharing site",
    ),
    (r"ovidsp|\.ovid\.com$", "a session address that only opens for one reader"),
    (
        r"dailymail|(^|\.)yahoo\.com$|seekingalpha|financetom|celebrityangels|promenu365|einpresswire",
        "a tabloid, finance or press-wire page",
    ),
    (r"(^|\.)ow\.ly$|(^|\.)bit\.ly$|(^|\.)tinyurl\.com$", "a link shortener, not an address"),
    (
        # Each of these reprinted or summarised someone else's text (fifth review R5-6).
        r"(^|\.)packgene\.com$|(^|\.)srnnews\.com$|\.town\.news$|(^|\.)medxy\.ai$|"
        r"(^|\.)researcher\.life$|(^|\.)wikipedia\.org$",
        "a reprint, aggregator or encyclopedia copy, not the publisher's own page",
    ),
)

REFUSED_URL_PARTS: tuple[tuple[str, str], ...] = (
    (
        r"jsessionid|[?&](sid|sessionid|session|token)=|ovidweb\.cgi",
        "a session address that only opens for one reader",
    ),
)

DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_REFUSED = [(re.compile(p, re.IGNORECASE), why) for p, why in REFUSED_HOSTS]
_REFUSED_PARTS = [(re.compile(p, re.IGNORECASE), why) for p, why in REFUSED_URL_PARTS]
_ALL_CANONICAL = tuple(h for hosts in CANONICAL_HOSTS.values() for h in hosts)


def host_of(url: str) -> str:
    """The host of a url, lower case, without port or `www.` ('' when there is none)."""
    host = (urlsplit(url.strip()).hostname or "").lower()
    return host.removeprefix("www.")


def refused_because(url: str) -> str | None:
    """Why this url is never a source (a mirror, a test host ...), or None."""
    host = host_of(url)
    for pattern, why in _REFUSED:
        if pattern.search(host):
            return why
    parts = urlsplit(url.strip())
    rest = f"{parts.path}?{parts.query}"
    for pattern, why in _REFUSED_PARTS:
        if pattern.search(rest):
            return why
    return None


def is_canonical(url: str) -> bool:
    """Whether the url is on a canonical host (itself or a subdomain) and not refused."""
    host = host_of(url)
    on_list = any(host == h or host.endswith("." + h) for h in _ALL_CANONICAL)
    return on_list and refused_because(url) is None


def has_canonical_identifier(source: Source) -> bool:
    """A DOI, a PMID or a canonical url: something a clinician can look up as it is."""
    return bool(source.doi or source.pmid or (source.url and is_canonical(source.url)))


def check_sources(entries: Iterable[tuple[Source, LoadedFile, int]]) -> list[RuleProblem]:
    """Every broken source rule of every entry of sources.yaml."""
    return [found for source, where, index in entries for found in _check_one(source, where, index)]


def _check_one(source: Source, where: LoadedFile, index: int) -> list[RuleProblem]:
    found: list[RuleProblem] = []

    def add(rule: str, key: str, message: str) -> None:
        line = where.line_of("sources", index, key)
        found.append(RuleProblem(rule, Problem(where.path, line, f"sources[{index}].{key}", message)))

    if source.read is None:
        add(
            "read-missing",
            "id",
            f"'{source.id}' does not say how much was read: add read: full, abstract or part",
        )
    why = refused_because(source.url) if source.url else None
    if why:
        add(
            "url-refused",
            "url",
            f"'{source.id}': {host_of(source.url or '')} is {why}, never a source; "
            "cite the publisher's own address, a DOI or a PMID",
        )
    if source.doi is not None and not DOI.match(source.doi.strip()):
        add("doi-malformed", "doi", f"'{source.id}': write the DOI bare, as 10.NNNN/suffix")
    if source.kind not in STRONG_KINDS or why:
        return found
    if not has_canonical_identifier(source):
        add(
            "identifier-missing",
            "kind",
            f"'{source.id}' is a {source.kind}: give its DOI, its PMID or its url on the regulator's, "
            "guideline body's or publisher's own host (listed in decisionaid/loader/source_rules.py)",
        )
    elif source.url and not is_canonical(source.url):
        add(
            "url-not-canonical",
            "url",
            f"'{source.id}' is a {source.kind}, but {host_of(source.url)} is not its own address; "
            "give the canonical url or leave url out",
        )
    return found


def check_printed_sources(
    cited: Iterable[tuple[LoadedFile, int, str, str]], sources: dict[str, Source]
) -> list[RuleProblem]:
    """Attribute-score sources: the summary prints them, so each needs a canonical identifier."""
    found = []
    for where, line, field, source_id in cited:
        source = sources.get(source_id)
        if source is None or has_canonical_identifier(source):
            continue  # an unknown id is reported by the citation check
        where_ = host_of(source.url) if source.url else "no url"
        found.append(
            RuleProblem(
                "printed-source",
                Problem(
                    where.path,
                    line,
                    field,
                    f"'{source_id}' is printed in the summary's source list but has no DOI, PMID "
                    f"or canonical url ({where_}); cite a source that has one",
                ),
            )
        )
    return found
