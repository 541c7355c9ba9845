"""Language tags: is the primary language subtag of a BCP 47 tag a registered language?

The two-letter codes are ISO 639-1 (all of them, including the deprecated ones the IANA
registry still lists as languages: in, iw, ji, jw, mo, sh). Three-letter codes exist by the
thousand (ISO 639-3); only common ones are listed. ISO 639-2 codes of languages that have a
two-letter code ("eng", "deu") are not registered and fail, like grandfathered tags
("i-lux"), as the ACT rules bf051a and de46e4 require. Any other three-letter code is
"unsure" rather than invalid, so the rules never fail a rare language.
"""

from __future__ import annotations

import re
from typing import Literal

ISO_639_1 = frozenset(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr
    ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw
    ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv
    ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr
    ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi
    yo za zh zu
    in iw ji jw mo sh
    """.split()
)
# Three-letter codes met on German public-sector sites (regional and minority languages,
# sign languages, macrolanguages) and the ones with no two-letter code that come up often.
ISO_639_3_COMMON = frozenset(
    """
    gsg ase bfi dsb hsb nds frr stq gsw bar ksh pfl swg rom rmn rmy sli lad
    ckb kmr sdh prs pbt ota fil yue cmn wuu hak nan arb arz apc ary acm ber kab tzm
    zgh shi rif ast ang grc gmh goh non sga enm fro frm pro mul und zxx mis
    haw chr mni sat doi mai bho awa mag raj kok gom tpi pap sco
    """.split()
)
# ISO 639-2 codes of languages that have a two-letter code: the IANA registry (and so BCP 47)
# does not contain them ("eng" must be written "en"), and assistive technology support is poor.
ISO_639_2_SHADOWED = frozenset(
    """
    eng deu ger fra fre spa ita nld dut por rus pol tur ara zho chi jpn kor ell gre ces cze
    dan fin swe nor nob nno hun ron rum bul hrv srp slk slo slv ukr heb hin fas per vie tha
    ind msa may lat gle cym wel eus baq cat glg isl ice lit lav est mkd mac sqi alb hye arm
    kat geo aze kaz uzb tgl yid nav ltz bel bos urd ben pan tam tel mar guj kan mal sin nep
    amh som swa hau yor ibo zul xho afr epo fry gla bre cor oci kur pus tgk tuk kir mon tib
    bod uig
    """.split()
)
Verdict = Literal["valid", "invalid", "unsure"]


def check_tag(value: str) -> Verdict:
    """Judge a lang attribute value by its primary language subtag (what ACT rules check)."""
    tag = value.strip()
    if not tag:
        return "invalid"
    primary = tag.split("-", 1)[0].lower()
    if primary == "i":  # grandfathered tags (i-klingon, i-lux): no primary language subtag
        return "invalid"
    if primary == "x":  # private use: cannot be judged from a list
        return "unsure"
    if not re.fullmatch(r"[a-z]{2,8}", primary):
        return "invalid"
    if len(primary) == 2:
        return "valid" if primary in ISO_639_1 else "invalid"
    if len(primary) == 3:
        if primary in ISO_639_3_COMMON:
            return "valid"
        if primary in ISO_639_2_SHADOWED:
            return "invalid"
        # qaa..qtz is reserved for local use and registered as such.
        if "qaa" <= primary <= "qtz":
            return "valid"
        # Thousands of ISO 639-3 codes exist; an unknown one is left to a person. (ISO 639-2
        # codes such as "deu" or "eng" are not registered for BCP 47, but browsers vary.)
        return "unsure"
    # 4 letters are reserved, 5 to 8 letters are registered languages in theory, none exist.
    return "invalid"
