"""Customer fitness (asiakaskunto): the self-assessment's items, scale, levels and answers.

Staff rate statements about themselves or their team on a 1…5 agreement
scale. Each statement belongs to one of three *areas* (knowledge, skills,
emotional tone) and was written for one of three *methods* of finding out
(observe, test as a customer, ask customers). Customers are asked three
questions of their own (:class:`Interview`). The wording here is servicepath's
own, in Finnish and English.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import SchemaError, UnknownIdError, shown
from .text import Text

__all__ = [
    "FITNESS_AREAS", "FITNESS_METHODS", "FITNESS_LEVELS", "LEVEL_BARS", "AGREEMENT_SCALE", "RECOMMEND_SCALE",
    "INTERVIEW_ANSWERS",
    "DEVELOPMENT_WAYS", "FitnessItem", "DevelopmentAction", "FitnessAnswer", "Interview",
    "FITNESS_ITEMS", "DEVELOPMENT_ACTIONS", "item_by_id", "check_level", "check_note",
]

FITNESS_AREAS = ("knowledge", "skills", "emotional-tone")
FITNESS_METHODS = ("observe", "test-as-customer", "ask-customers")
FITNESS_LEVELS = ("below-good", "good", "excellent", "very-best")
# The bar every area must reach for a level. A level is about the weakest
# area, not the mean: a warm team that cannot solve anything is not GOOD.
# 3.5 is half-way from "neither" (3) to "somewhat agree" (4) on every area;
# 4.0 is "somewhat agree" throughout; 4.5 leans to "strongly agree" throughout.
LEVEL_BARS = {"good": 3.5, "excellent": 4.0, "very-best": 4.5}
AGREEMENT_SCALE = (1, 2, 3, 4, 5)
RECOMMEND_SCALE = tuple(range(11))
INTERVIEW_ANSWERS = ("yes", "partly", "no")
DEVELOPMENT_WAYS = ("daily-feedback", "onboarding-workshops", "well-being")
MAX_NOTE_LENGTH = 2000


@dataclass(frozen=True)
class FitnessItem:
    """One statement of the self-assessment, rated 1…5."""

    id: str
    area: str
    method: str
    text: Text


@dataclass(frozen=True)
class DevelopmentAction:
    """A way to raise one area's fitness, in one of the three ways of keeping fitness up."""

    id: str
    area: str
    way: str
    text: Text


def _item(id_: str, area: str, method: str, fi: str, en: str) -> FitnessItem:
    return FitnessItem(id_, area, method, Text(fi=fi, en=en))


FITNESS_ITEMS: tuple[FitnessItem, ...] = (
    _item("K1", "knowledge", "observe",
          "Tiedän, keitä asiakkaamme ovat ja mitä varten he yleensä tulevat meille.",
          "I know who our customers are and what they usually come to us for."),
    _item("K2", "knowledge", "observe",
          "Huomaan, kun asiakkaan tilanne poikkeaa tavallisesta ja hän tarvitsee muuta tietoa.",
          "I notice when a customer's situation differs from the usual and they need other information."),
    _item("K3", "knowledge", "test-as-customer",
          "Kun kokeilen palveluamme asiakkaana, osaan vastata tuotekysymyksiin, joita itse kysyisin.",
          "When I try our service as a customer, I can answer the product questions I would ask."),
    _item("K4", "knowledge", "test-as-customer",
          "Tietoni tuotteistamme, hinnoistamme ja ehdoistamme ovat ajan tasalla.",
          "What I know about our products, prices and terms is up to date."),
    _item("K5", "knowledge", "ask-customers",
          "Kuulen säännöllisesti, mitä asiakkaat meistä sanovat, ja tiedän, mitä he arvostavat eniten.",
          "I regularly hear what customers say about us, and I know what they value most."),
    _item("K6", "knowledge", "ask-customers",
          "Tiedän, miksi asiakkaat palaavat meille – tai miksi he eivät palaa.",
          "I know why customers come back to us, or why they do not."),
    _item("S1", "skills", "observe",
          "Olen valmis auttamaan jokaista kohtaamaani asiakasta myös kiireen keskellä.",
          "I am ready to help every customer I meet, also when I am busy."),
    _item("S2", "skills", "observe",
          "Selvitän asiakkaan tarpeen ennen kuin tarjoan ratkaisua.",
          "I find out what the customer needs before I offer a solution."),
    _item("S3", "skills", "test-as-customer",
          "Kun testaan palveluamme asiakkaana, tarpeeni ratkeaa ilman mutkia.",
          "When I test our service as a customer, my need is solved without detours."),
    _item("S4", "skills", "test-as-customer",
          "Minulla on valtuudet ja välineet korjata asiakkaan ongelma itse.",
          "I have the authority and the tools to put a customer's problem right myself."),
    _item("S5", "skills", "ask-customers",
          "Asiakkaat kertovat saaneensa sen, mitä tulivat hakemaan.",
          "Customers tell me they got what they came for."),
    _item("S6", "skills", "ask-customers",
          "Pyydän palautetta, kun asiakkaan asia on hoidettu, ja käytän sitä työssäni.",
          "I ask for feedback once a customer's matter is handled, and I use it in my work."),
    _item("E1", "emotional-tone", "observe",
          "Hymy ja tervehdys tulevat minulta luontevasti jokaiselle asiakkaalle.",
          "A smile and a greeting come naturally to me with every customer."),
    _item("E2", "emotional-tone", "observe",
          "Huomaan, miltä asiakkaasta tuntuu, ja sovitan palvelutapani sen mukaan.",
          "I notice how a customer feels and adapt the way I serve."),
    _item("E3", "emotional-tone", "test-as-customer",
          "Kun asioin itse asiakkaana, koen, että henkilökunta ymmärtää tilanteeni.",
          "When I do business with us as a customer, I feel that the staff understand my situation."),
    _item("E4", "emotional-tone", "test-as-customer",
          "Pysyn rauhallisena ja ystävällisenä myös tyytymättömän asiakkaan kanssa.",
          "I stay calm and friendly with a dissatisfied customer too."),
    _item("E5", "emotional-tone", "ask-customers",
          "Asiakkaat suosittelisivat meitä ystävilleen sen vuoksi, miten heitä kohdeltiin.",
          "Customers would recommend us to their friends because of how they were treated."),
    _item("E6", "emotional-tone", "ask-customers",
          "Asiakkaat kertovat tulleensa kuulluiksi.",
          "Customers tell me they felt heard."),
)


def _action(id_: str, area: str, way: str, fi: str, en: str) -> DevelopmentAction:
    return DevelopmentAction(id_, area, way, Text(fi=fi, en=en))


# One action per area and way: the weakest area gets one suggestion in each way.
DEVELOPMENT_ACTIONS: tuple[DevelopmentAction, ...] = (
    _action("knowledge-feedback", "knowledge", "daily-feedback",
            "Lukekaa viikkopalaverissa ääneen kaksi tai kolme tuoretta asiakaspalautetta ja kirjatkaa, "
            "mitä ne kertovat asiakkaiden tarpeista.",
            "Read two or three recent customer comments aloud in the weekly meeting and note what they "
            "tell about customers' needs."),
    _action("knowledge-onboarding", "knowledge", "onboarding-workshops",
            "Antakaa jokaisen uuden työntekijän palvella ensin kokeneen kollegan rinnalla ja oppia tuotteet, "
            "hinnat ja ehdot; päivittäkää tiedot kaikille, kun tarjonta muuttuu.",
            "Let every newcomer first serve beside an experienced colleague and learn the products, prices "
            "and terms; refresh everyone when the offer changes."),
    _action("knowledge-well-being", "knowledge", "well-being",
            "Kootkaa yhteen helposti löytyvään paikkaan ajantasaiset vastaukset asiakkaiden yleisimpiin "
            "kysymyksiin, ettei kenenkään tarvitse arvailla asiakkaan edessä.",
            "Keep up-to-date answers to customers' most common questions in one easy-to-find place, so "
            "nobody has to guess in front of a customer."),
    _action("skills-feedback", "skills", "daily-feedback",
            "Jakakaa joka viikko yksi onnistuminen ja yksi epäonnistuminen asiakkaan kanssa ja sopikaa, "
            "mitä teette ensi kerralla toisin.",
            "Share one success and one failure with a customer every week and agree what you will do "
            "differently next time."),
    _action("skills-workshop", "skills", "onboarding-workshops",
            "Pitäkää asiakastyöpaja: kulkekaa oma palvelupolkunne asiakkaana ja korjatkaa yhdessä kolme "
            "pahinta kompastuskiveä.",
            "Hold a customer workshop: walk your own service path as a customer and fix the three worst "
            "snags together."),
    _action("skills-well-being", "skills", "well-being",
            "Sopikaa, mitä kukin saa päättää itse asiakkaan asian korjaamiseksi: vapaus toimia vähentää "
            "stressiä ja nopeuttaa apua.",
            "Agree what each of you may decide alone to put things right for a customer: freedom to act "
            "lowers stress and speeds up help."),
    _action("tone-feedback", "emotional-tone", "daily-feedback",
            "Kysykää asiakkaan vastauksen jälkeen ”Miksi?” ja jakakaa kuulemanne tiimissä joka viikko.",
            "After a customer answers, ask \u201cWhy?\u201d and share what you heard with the team every week."),
    _action("tone-workshop", "emotional-tone", "onboarding-workshops",
            "Harjoitelkaa perehdytyksessä ja työpajoissa pareittain pahoittaneen mielensä asiakkaan "
            "kohtaamista: vakuuta, kuuntele, vahvista, korjaa, seuraa.",
            "Practise meeting an upset customer in pairs during onboarding and workshops: assure, listen, "
            "confirm, fix, follow up."),
    _action("tone-well-being", "emotional-tone", "well-being",
            "Puhukaa työkuormasta ja tauoista ja siitä, miten tuette toisianne vaikean asiakastilanteen "
            "jälkeen: levännyt tiimi kohtaa asiakkaat lämpimästi.",
            "Talk about workload, breaks and how you support each other after a hard customer situation: "
            "a rested team meets customers warmly."),
)

_ITEMS_BY_ID = {item.id: item for item in FITNESS_ITEMS}


def item_by_id(item: str) -> FitnessItem:
    """The item with this id; an unknown id raises :class:`UnknownIdError`.

    Examples
    --------
    >>> item_by_id("S2").area
    'skills'
    """
    try:
        return _ITEMS_BY_ID[item]
    except (KeyError, TypeError):
        raise UnknownIdError(
            f"no fitness item {shown(item)} (expected one of {', '.join(_ITEMS_BY_ID)})"
        ) from None


def check_level(level, where: str = "target level") -> str:
    """Return ``level`` if it is one of :data:`FITNESS_LEVELS`."""
    if level not in FITNESS_LEVELS:
        raise SchemaError(f"{shown(level)} is not a fitness level (expected one of {', '.join(FITNESS_LEVELS)})",
                          where=where)
    return level


def check_note(note, where: str = "note") -> str:
    """Return a free-text note without outer spaces; ``None`` is ``""``."""
    if note is None:
        return ""
    if not isinstance(note, str):
        raise SchemaError(f"{shown(note)} is not text (expected a note or nothing)", where=where)
    if len(note) > MAX_NOTE_LENGTH:
        raise SchemaError(f"the note has {len(note):,} characters (expected at most {MAX_NOTE_LENGTH:,})",
                          where=where)
    return note.strip()


def _check_whole(value, allowed: tuple[int, ...], where: str, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
        raise SchemaError(f"{shown(value)} is not {what} (expected a whole number {allowed[0]}…{allowed[-1]})",
                          where=where)
    return value


@dataclass(frozen=True)
class FitnessAnswer:
    """One person's answer to one item: ``value`` 1…5 and an optional note.

    Examples
    --------
    >>> FitnessAnswer("S2", 4, "Kysyn aina ensin.").area
    'skills'
    >>> FitnessAnswer("S2", 6)
    Traceback (most recent call last):
    ...
    servicepath.errors.SchemaError: value: 6 is not an agreement (expected a whole number 1…5)
    """

    item: str
    value: int
    note: str = ""

    def __post_init__(self) -> None:
        item_by_id(self.item)
        _check_whole(self.value, AGREEMENT_SCALE, "value", "an agreement")
        object.__setattr__(self, "note", check_note(self.note))

    @property
    def area(self) -> str:
        return item_by_id(self.item).area


def _check_choice(value, where: str) -> str | None:
    if value is None or value == "":
        return None
    if value not in INTERVIEW_ANSWERS:
        raise SchemaError(f"{shown(value)} is not an answer (expected yes, partly or no)", where=where)
    return value


@dataclass(frozen=True)
class Interview:
    """One customer's answers to the three questions, each with its "Why?".

    ``got`` (did you get what you came for?) and ``again`` (will you do
    business with us again?) are ``"yes"``, ``"partly"``, ``"no"`` or
    ``None``; ``recommend`` (would you recommend us?) is 0…10 or ``None``
    when not answered. ``touchpoint`` optionally names where the customer
    was asked.

    Examples
    --------
    >>> Interview(got="yes", recommend=9, recommend_why="Nopea toimitus").recommend
    9
    """

    got: str | None = None
    got_why: str = ""
    again: str | None = None
    again_why: str = ""
    recommend: int | None = None
    recommend_why: str = ""
    touchpoint: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "got", _check_choice(self.got, "got"))
        object.__setattr__(self, "again", _check_choice(self.again, "again"))
        if self.recommend is not None:
            _check_whole(self.recommend, RECOMMEND_SCALE, "recommend", "a recommendation")
        for field in ("got_why", "again_why", "recommend_why", "touchpoint"):
            object.__setattr__(self, field, check_note(getattr(self, field), field))
        if self.got is None and self.again is None and self.recommend is None:
            raise SchemaError("the interview has no answer (expected got, again or recommend)", where="interview")
