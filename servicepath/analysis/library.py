"""The bilingual content library: A.R.V.O. rubric, check questions and practice suggestions.

Everything a workshop sees as ready-made text lives here, in Finnish and English:

* :data:`PRINCIPLE_NAMES` — the four A.R.V.O. principles (``A``, ``R``, ``V``, ``O``);
* :data:`RUBRIC` — what levels 0…4 of each principle look like at one touchpoint
  (0, 2 and 4 are the anchors, 1 and 3 lie between);
* :data:`CHECK_QUESTIONS` — four yes/no questions per principle; "yes" is always the good answer;
* :data:`PAYMENT_PRACTICES` — suggestions for the payment moment and invoicing;
* :data:`ATTENTIVENESS_QUESTIONS` — yes/no questions that fit any touchpoint where staff meet customers;
* :data:`AFTERCARE_PRACTICES` — the ten aftercare practices, keyed by their ``aftercare:*`` tokens;
* :data:`RECOVERY_STEPS` — service recovery in five steps, keyed by their ``recovery:*`` tokens.

The texts are short on purpose: they are used as slider captions, table cells and card text.

Examples
--------
>>> sorted(RUBRIC) == ["A", "O", "R", "V"]
True
>>> len(CHECK_QUESTIONS["R"])
4
>>> PRINCIPLE_NAMES["V"].get("fi"), PRINCIPLE_NAMES["V"].get("en")
('Viesti', 'Communicate')
>>> list(RECOVERY_STEPS)[-1]
'recovery:follow-up'
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.text import Text

__all__ = [
    "Question",
    "Practice",
    "PRINCIPLE_NAMES",
    "RUBRIC",
    "CHECK_QUESTIONS",
    "PAYMENT_PRACTICES",
    "ATTENTIVENESS_QUESTIONS",
    "AFTERCARE_PRACTICES",
    "RECOVERY_STEPS",
]



@dataclass(frozen=True)
class Question:
    """A yes/no question about one touchpoint; "yes" supports :attr:`principle`."""

    id: str  # stable token, e.g. "A-walk-the-path"
    principle: str  # "A", "R", "V" or "O"
    text: Text


@dataclass(frozen=True)
class Practice:
    """A concrete suggestion (imperative, one or two sentences) and the principles it lifts."""

    id: str  # stable token, e.g. "pay-confirm-choice"
    principles: tuple[str, ...]
    text: Text


#: The four A.R.V.O. principles.
PRINCIPLE_NAMES: dict[str, Text] = {
    "A": Text(fi="Ajattele asiakaslähtöisesti", en="Think customer-first"),
    "R": Text(fi="Reagoi", en="React"),
    "V": Text(fi="Viesti", en="Communicate"),
    "O": Text(fi="Osoita", en="Show"),
}

#: Principle -> level 0…4 -> what that level looks like at a touchpoint.
RUBRIC: dict[str, dict[int, Text]] = {
    "A": {
        0: Text(
            fi="Kukaan yrityksessä ei ole käynyt tätä vaihetta läpi asiakkaana; se on suunniteltu talon "
            "näkökulmasta, ja asiakkaat jäävät siihen usein jumiin tai luovuttavat.",
            en="Nobody in the company has gone through this step as a customer; it is designed from the "
            "inside, and customers often get stuck or give up here.",
        ),
        1: Text(
            fi="Joku on kokeillut vaihetta kerran asiakkaana, mutta havaittuja hankaluuksia ei ole korjattu.",
            en="Someone has tried the step once as a customer, but the snags they found have not been fixed.",
        ),
        2: Text(
            fi="Vaihe on käyty läpi asiakkaana ja pahimmat hankaluudet on poistettu; tavallinen asiakas pärjää, "
            "mutta pikkuasioita ja nykyisiä asiakkaita on mietitty vähän.",
            en="The step has been walked through as a customer and the worst snags removed; a typical customer "
            "copes, but small details and existing customers get little thought.",
        ),
        3: Text(
            fi="Vaihe käydään läpi säännöllisesti ja useimmat pikkuasiat ovat kunnossa; osa asiakkaista joutuu "
            "vielä näkemään vaivaa.",
            en="The step is walked through regularly and most small details are right; some customers still "
            "have to make an effort.",
        ),
        4: Text(
            fi="Vaihe käydään säännöllisesti läpi eri asiakkaiden silmin; se on helppo ja nopea, asiakkaille "
            "tärkeät pikkuasiat ovat kunnossa ja palaava asiakas tunnistetaan.",
            en="The step is walked through regularly as different customers; it is easy and fast, the small "
            "things customers care about are right, and returning customers are recognised.",
        ),
    },
    "R": {
        0: Text(
            fi="Henkilökunta toimii saman kaavan mukaan tilanteesta riippumatta; palautetta ei pyydetä, eikä "
            "saatuun palautteeseen vastata.",
            en="Staff follow the same script whatever the situation; feedback is not asked for here, and what "
            "arrives goes unanswered.",
        ),
        1: Text(
            fi="Palautetta kerätään silloin tällöin, mutta siihen vastataan hitaasti ja vakiovastauksella.",
            en="Feedback is collected now and then, but it is answered slowly and with a standard reply.",
        ),
        2: Text(
            fi="Palautetta pyydetään ja siihen vastataan muutamassa päivässä; ilmeisissä erityistarpeissa "
            "joustetaan, mutta palaute johtaa harvoin muutoksiin.",
            en="Feedback is asked for and answered within a few days; staff bend the routine for obvious special "
            "needs, but feedback rarely leads to changes.",
        ),
        3: Text(
            fi="Palautteeseen vastataan henkilökohtaisesti ja osa siitä johtaa näkyviin muutoksiin; asiakkaan "
            "tilanteen muutokset yleensä huomataan.",
            en="Feedback gets a personal answer and some of it leads to visible changes; changes in the "
            "customer's situation are usually noticed.",
        ),
        4: Text(
            fi="Henkilökunta lukee asiakasta ja tilannetta ja mukautuu heti; palautteeseen vastataan "
            "henkilökohtaisesti vuorokaudessa ja kerrotaan, mitä sen ansiosta muuttui.",
            en="Staff read the customer and the situation and adapt on the spot; feedback gets a personal answer "
            "within a day, saying what changed because of it.",
        ),
    },
    "V": {
        0: Text(
            fi="Kysymykset jäävät vaille vastausta tai odottavat vastausta päiviä; asiakas ei tiedä, mitä seuraavaksi "
            "tapahtuu, eikä kuule yrityksestä mitään kaupan jälkeen.",
            en="Questions go unanswered or wait for days; the customer cannot tell what happens next and hears "
            "nothing from the company after the sale.",
        ),
        1: Text(
            fi="Kysymyksiin vastataan lopulta, mutta asiakas joutuu kysymään vastauksen perään, eikä kanava ole selvä.",
            en="Questions get answered in the end, but the customer has to chase the answer and the channel "
            "is unclear.",
        ),
        2: Text(
            fi="Kysymyksiin vastataan sovitussa ajassa ja kanavassa, ja asiakkaalle kerrotaan seuraava vaihe; "
            "kaupan jälkeen yhteyttä pidetään vain asiakkaan aloitteesta.",
            en="Questions are answered within an agreed time and channel, and the customer is told the next "
            "step; after the sale, contact happens only if the customer starts it.",
        ),
        3: Text(
            fi="Vastaukset tulevat nopeasti ja viivästyksistä kerrotaan; kaupan jälkeen yritys ottaa itse "
            "yhteyttä ainakin kerran.",
            en="Answers come fast and delays are announced; after the sale the company gets in touch on its own "
            "at least once.",
        ),
        4: Text(
            fi="Asiakas ei koskaan odota tietämättä syytä tai kestoa; kysymyksiin vastataan viipymättä, ja "
            "yritys pitää yhteyttä kaupan jälkeenkin, myös yllättäen.",
            en="The customer never waits without knowing why or for how long; questions are answered promptly, "
            "and the company keeps in touch after the sale, also unexpectedly.",
        ),
    },
    "O": {
        0: Text(
            fi="Asiakasta kohdellaan joka kerta kuin tuntematonta; luvatuista ajoista tai sisällöstä ei "
            "pidetä kiinni, ja asiakkaan aikaa haaskataan.",
            en="Everyone gets the same treatment and is a stranger every time; promised times or contents are "
            "not kept, and the customer's time is wasted.",
        ),
        1: Text(
            fi="Lupaukset pidetään yleensä, mutta asiakasta ei tunnisteta eikä mitään räätälöidä hänelle.",
            en="Promises are usually kept, but the customer is not recognised and nothing is tailored to them.",
        ),
        2: Text(
            fi="Lupauksista ja sovituista ajoista pidetään kiinni ja asiakas tunnistetaan; palvelussa on "
            "henkilökohtaista otetta, mutta sovitun yli ei mennä.",
            en="Promises and agreed times are kept and the customer is recognised; there is a personal touch, "
            "but nothing beyond what was agreed.",
        ),
        3: Text(
            fi="Palvelu räätälöidään sen mukaan, mitä asiakkaasta tiedetään, ja silloin tällöin hän saa vähän "
            "ylimääräistä.",
            en="The service is tailored to what is known about the customer, and now and then they get a little extra.",
        ),
        4: Text(
            fi="Henkilökunta tuntee asiakkaan ja räätälöi palvelun hänelle; jokainen lupaus pidetään, turhaa "
            "odotusta ei ole ja asiakas saa vähän enemmän kuin odotti.",
            en="Staff know the customer and tailor the service to them; every promise is kept, there is no "
            "needless waiting, and the customer gets a little more than expected.",
        ),
    },
}

#: Four yes/no questions per principle about one touchpoint; "yes" is the good answer.
CHECK_QUESTIONS: dict[str, tuple[Question, ...]] = {
    "A": (
        Question(
            "A-walk-the-path",
            "A",
            Text(
                fi="Onko joku meistä käynyt tämän kosketuspisteen itse läpi asiakkaana viimeisen puolen vuoden aikana?",
                en="Has one of us gone through this touchpoint as a customer in the last six months?",
            ),
        ),
        Question(
            "A-easy-first-time",
            "A",
            Text(
                fi="Pääseekö ensikertalainen tämän kosketuspisteen läpi ilman apua tai neuvoja?",
                en="Can a first-time customer get through this touchpoint without help or instructions?",
            ),
        ),
        Question(
            "A-small-things",
            "A",
            Text(
                fi="Tiedämmekö, mitkä pikkuasiat ovat asiakkaille tässä tärkeitä, ja ovatko ne kunnossa?",
                en="Do we know which small things matter to customers here, and are they in order?",
            ),
        ),
        Question(
            "A-existing-customers",
            "A",
            Text(
                fi="Toimiiko tämä kosketuspiste yhtä hyvin nykyisille asiakkaille kuin uusille?",
                en="Does this touchpoint work as well for existing customers as for new ones?",
            ),
        ),
    ),
    "R": (
        Question(
            "R-ask-feedback",
            "R",
            Text(
                fi="Pyydämmekö asiakkailta palautetta tässä kosketuspisteessä tai heti sen jälkeen?",
                en="Do we ask customers for feedback at this touchpoint or right after it?",
            ),
        ),
        Question(
            "R-answer-feedback",
            "R",
            Text(
                fi="Saako tästä kosketuspisteestä annettu palaute henkilökohtaisen vastauksen kahdessa arkipäivässä?",
                en="Does feedback about this touchpoint get a personal answer within two working days?",
            ),
        ),
        Question(
            "R-act-on-feedback",
            "R",
            Text(
                fi="Olemmeko muuttaneet tässä jotain asiakaspalautteen perusteella viimeisen vuoden aikana?",
                en="Have we changed something here because of customer feedback in the last year?",
            ),
        ),
        Question(
            "R-adapt",
            "R",
            Text(
                fi="Voiko henkilökunta poiketa tässä rutiinista, kun asiakkaan tilanne tai tarve sitä vaatii?",
                en="Can staff here depart from the routine when a customer's situation or need calls for it?",
            ),
        ),
    ),
    "V": (
        Question(
            "V-answer-questions",
            "V",
            Text(
                fi="Saako asiakas tässä kohdassa vastauksen kysymykseensä saman päivän aikana?",
                en="Does a customer with a question at this point get an answer the same day?",
            ),
        ),
        Question(
            "V-next-step",
            "V",
            Text(
                fi="Tietääkö asiakas tämän kosketuspisteen jälkeen, mitä seuraavaksi tapahtuu ja milloin?",
                en="After this touchpoint, does the customer know what happens next and when?",
            ),
        ),
        Question(
            "V-no-silent-waiting",
            "V",
            Text(
                fi="Jos tässä joutuu odottamaan tai jokin viivästyy, kerrotaanko asiakkaalle syy ja kesto?",
                en="If there is a wait or a delay here, is the customer told why and for how long?",
            ),
        ),
        Question(
            "V-keep-in-touch",
            "V",
            Text(
                fi="Otammeko asiakkaaseen yhteyttä tämän vaiheen jälkeen, myös silloin, kun hän ei sitä odota?",
                en="Do we contact the customer after this step, also when they do not expect it?",
            ),
        ),
    ),
    "O": (
        Question(
            "O-know-customer",
            "O",
            Text(
                fi="Tietääkö henkilökunta tässä, kuka asiakas on ja mitä hän on aiemmin ostanut tai kysynyt?",
                en="Do staff here know who the customer is and what they have bought or asked before?",
            ),
        ),
        Question(
            "O-personalise",
            "O",
            Text(
                fi="Räätälöidäänkö tässä kosketuspisteessä jotain kunkin asiakkaan mukaan?",
                en="Is something at this touchpoint tailored to the individual customer?",
            ),
        ),
        Question(
            "O-keep-promises",
            "O",
            Text(
                fi="Pidetäänkö tässä luvatuista ajoista ja sisällöstä aina kiinni?",
                en="Are the times and contents promised here always kept?",
            ),
        ),
        Question(
            "O-little-more",
            "O",
            Text(
                fi="Saako asiakas tässä vähän enemmän kuin odotti?",
                en="Does the customer get a little more here than they expected?",
            ),
        ),
    ),
}

#: Suggestions for the payment moment and invoicing (touchpoints tagged ``payment`` or ``invoicing``).
PAYMENT_PRACTICES: tuple[Practice, ...] = (
    Practice(
        "pay-few-steps",
        ("A",),
        Text(
            fi="Tee maksamisen hetkestä nopea: karsi vaiheet mahdollisimman vähiin ja vältä jonoja. Mittaa, "
            "kauanko ostopäätöksestä kuluu siihen, että maksu on tehty.",
            en="Make the payment moment quick: cut the steps to a minimum and keep queues away. Measure the time "
            "from the decision to buy to a completed payment.",
        ),
    ),
    Practice(
        "pay-clear-methods",
        ("A", "V"),
        Text(
            fi="Tarjoa pitkän listan sijaan muutamaa maksutapaa, joita asiakkaasi oikeasti käyttävät, ja pidä ne "
            "selkeästi esillä.",
            en="Offer a few payment methods your customers actually use, shown clearly, instead of a long list.",
        ),
    ),
    Practice(
        "pay-confirm-choice",
        ("V", "O"),
        Text(
            fi="Vahvista heti ostopäätöksen jälkeen, että asiakas valitsi hyvin, esimerkiksi kertomalla, miksi "
            "valinta sopii hänelle. Se vähentää epävarmuutta.",
            en="Right after the decision, confirm that the customer chose well, for example by saying why the "
            "choice suits them. It reduces uncertainty.",
        ),
    ),
    Practice(
        "pay-flexible",
        ("R", "O"),
        Text(
            fi="Tarjoa joustavia maksujärjestelyjä, kuten maksuaikaa, osamaksua tai itse valittavaa eräpäivää, "
            "kun ne sopivat asiakkaan tilanteeseen.",
            en="Offer flexible payment, such as time to pay, instalments or a due date of the customer's "
            "choosing, where it suits their situation.",
        ),
    ),
    Practice(
        "pay-total-upfront",
        ("V", "O"),
        Text(
            fi="Näytä kokonaishinta kaikkine kuluineen ja toimitusmaksuineen ennen maksamista, jotta "
            "yllättäviä lisäkuluja ei tule.",
            en="Show the total price with every fee and delivery charge before the customer pays, so there "
            "are no surprise costs.",
        ),
    ),
    Practice(
        "pay-invoice-after-delivery",
        ("A", "O"),
        Text(
            fi="Lähetä lasku vasta, kun tuote on toimitettu tai työ valmis, ellei toisin ole sovittu.",
            en="Send the invoice only once the product is delivered or the work is done, unless agreed otherwise.",
        ),
    ),
    Practice(
        "pay-invoice-as-agreed",
        ("V", "O"),
        Text(
            fi="Varmista, että jokainen lasku lähtee ajallaan, on virheetön ja vastaa sovittua. Jos summa "
            "poikkeaa sovitusta, kerro syy asiakkaalle ennen laskun lähettämistä.",
            en="Make sure every invoice goes out on time, is error-free and matches what was agreed. If the "
            "amount differs, tell the customer why before the invoice.",
        ),
    ),
    Practice(
        "pay-thank-you",
        ("O",),
        Text(
            fi="Palkitse asiakas maksun jälkeen pelien tapaan: lämmin kiitos, pieni yllätys tai etu seuraavaan "
            "kertaan.",
            en="Reward the customer after paying, as games do: a warm thank-you, a small surprise or a benefit "
            "for next time.",
        ),
    ),
    Practice(
        "pay-receipt-now",
        ("V",),
        Text(
            fi="Anna kuitti tai tilausvahvistus heti: mitä ostettiin, kokonaissumma ja mitä seuraavaksi tapahtuu.",
            en="Give the receipt or order confirmation at once: what was bought, the total and what happens next.",
        ),
    ),
    Practice(
        "pay-help-if-fails",
        ("R", "V"),
        Text(
            fi="Jos maksu epäonnistuu, kerro heti, miten asiakas saa apua asiakaspalvelijalta, ja säilytä "
            "tilaus, ettei kaikkea tarvitse aloittaa alusta.",
            en="If a payment fails, show at once how to reach a person, and keep the order so the customer "
            "need not start over.",
        ),
    ),
)

#: Attentiveness questions that fit any touchpoint where staff meet customers; "yes" is the good answer.
ATTENTIVENESS_QUESTIONS: tuple[Question, ...] = (
    Question(
        "attn-greet",
        "O",
        Text(
            fi="Huomataanko jokainen asiakas tässä heti ja tervehditäänkö häntä?",
            en="Is every customer noticed and greeted here straight away?",
        ),
    ),
    Question(
        "attn-find-need",
        "A",
        Text(
            fi="Selvitämmekö asiakkaan tarpeen ja kuuntelemmeko hänen toiveitaan, ennen kuin tarjoamme mitään?",
            en="Do we find out what the customer needs and listen to their wishes before offering anything?",
        ),
    ),
    Question(
        "attn-notice-feelings",
        "R",
        Text(
            fi="Huomaako henkilökunta asiakkaan tunnetilan (kiire, epävarmuus, harmistus) ja ottaako sen huomioon?",
            en="Do staff notice how the customer feels (in a hurry, unsure, annoyed) and take it into account?",
        ),
    ),
    Question(
        "attn-promise-kept",
        "O",
        Text(
            fi="Pidämmekö lupauksemme, esimerkiksi aloitetaanko tilauksen valmistus silloin, kun lupasimme?",
            en="Do we keep our promises, e.g. is the order started when we said it would be?",
        ),
    ),
    Question(
        "attn-apologise",
        "V",
        Text(
            fi="Kun jokin menee pieleen, pyydämmekö asiakkaalta heti anteeksi?",
            en="When something goes wrong, do we apologise to the customer straight away?",
        ),
    ),
    Question(
        "attn-ask-before-substituting",
        "V",
        Text(
            fi="Kysymmekö asiakkaalta, ennen kuin vaihdamme jotain hänen tilaamaansa toiseen?",
            en="Do we ask the customer before we substitute anything they ordered?",
        ),
    ),
    Question(
        "attn-present",
        "R",
        Text(
            fi="Ovatko työntekijät läsnä ja valmiita reagoimaan heti, kun asiakas tarvitsee apua?",
            en="Are staff present and ready to react at once when a customer needs help?",
        ),
    ),
    Question(
        "attn-help-more",
        "O",
        Text(
            fi="Autammeko enemmän kuin asiakas odottaa, esimerkiksi hoitamalla ongelman, ennen kuin hän huomaa sen?",
            en="Do we help more than the customer expects, e.g. by solving a snag before they notice it?",
        ),
    ),
)

#: The ten aftercare practices: name and what good looks like.
AFTERCARE_PRACTICES: dict[str, Text] = {
    "aftercare:partnership": Text(
        fi="Kumppanuus: asiakasta ei unohdeta toimituksen tai projektin päätyttyä, vaan tulevaa suunnitellaan "
        "yhdessä ja yhteistyötä kehitetään säännöllisissä keskusteluissa.",
        en="Partnership: the customer is not forgotten when the delivery or project ends; you plan ahead "
        "together and hold regular talks on developing the cooperation.",
    ),
    "aftercare:communication": Text(
        fi="Viestintä: sovituissa kanavissa pysytään, viestihistoria löytyy yhdestä paikasta, ja lisäpalveluja "
        "tarjotaan vain, kun niistä on asiakkaalle apua.",
        en="Communication: agreed channels are kept to, the message history is in one place, and further "
        "services are offered only when they help this customer.",
    ),
    "aftercare:documentation": Text(
        fi="Dokumentointi: asiakas saa luovutus- tai jälkitarkastuksen, tarvittaessa käyttöönottokoulutuksen "
        "ja raportin tuloksista, jota voi verrata sopimukseen.",
        en="Documentation: the customer gets a hand-over or follow-up inspection, introduction training where "
        "needed, and a report of results to compare with the contract.",
    ),
    "aftercare:feedback": Text(
        fi="Palautteen pyytäminen: palautetta pyydetään oma-aloitteisesti, ja ehdotuksen tekijälle kerrotaan, "
        "miten hänen ehdotuksensa on edennyt.",
        en="Asking for feedback: feedback is asked for without waiting for it, and whoever made a suggestion "
        "is told how it has progressed.",
    ),
    "aftercare:invoicing": Text(
        fi="Laskutus: lasku tulee ajallaan, virheettömänä ja sovitun mukaisena, ei ennen toimitusta eikä "
        "yllätyskuluin; maksujärjestelyissä joustetaan.",
        en="Invoicing: invoices arrive on time, error-free and as agreed, never before delivery and with no "
        "surprise costs; payment terms are flexible.",
    ),
    "aftercare:complaints": Text(
        fi="Reklamaatiot: ongelma myönnetään reilusti, reklamaatioon reagoidaan nopeasti ja asiakas saa "
        "tuntuvan hyvityksen.",
        en="Complaints: problems are admitted fairly, complaints get a fast response, and the customer receives "
        "tangible compensation.",
    ),
    "aftercare:contact-person": Text(
        fi="Yhteyshenkilö: asiakas tietää, keneen ottaa yhteyttä, ja tavoittaa hänet; jos yhteyshenkilö "
        "vaihtuu, uusi perehdytetään, ettei asiakkaan tarvitse toistaa asioitaan.",
        en="Contact person: the customer knows whom to contact and can reach them; if the person changes, the "
        "new one is briefed so the customer need not repeat anything.",
    ),
    "aftercare:gifts": Text(
        fi="Muistamiset ja lahjat: asiakasta muistetaan esimerkiksi asiakkuuden vuosipäivänä lahjalla, joka "
        "on yrityksen näköinen.",
        en="Remembrances and gifts: the customer is remembered, e.g. on the anniversary of the relationship, "
        "with a gift that looks like the company.",
    ),
    "aftercare:extra-value": Text(
        fi="Lisähyötyä tuova materiaali: asiakkaalle tarjotaan maksuttomia webinaareja, verkkokursseja tai "
        "asiakaspäiviä, joissa on runsaasti aikaa kysymyksille.",
        en="Extra-value material: the customer is offered free webinars, online courses or customer days that "
        "leave plenty of time for questions.",
    ),
    "aftercare:ambassadorship": Text(
        fi="Lähettiläänä toimiminen: tyytyväistä asiakasta pyydetään kertomaan yhteistyöstä julkisesti, "
        "esimerkiksi asiakastarinana tai suosittelijana.",
        en="Ambassadorship: a satisfied customer is asked to speak publicly about the cooperation, e.g. in a "
        "customer story or as a reference.",
    ),
}

#: Service recovery (palvelun korjaaminen) in five steps, in order.
RECOVERY_STEPS: dict[str, Text] = {
    "recovery:assure": Text(
        fi="Vakuuta: kerro heti, että asiakasta kuunnellaan ja että asia hoidetaan kuntoon.",
        en="Assure: tell the customer at once that they are being heard and that you will put things right.",
    ),
    "recovery:listen": Text(
        fi="Kuuntele: anna asiakkaan purkaa harmituksensa keskeyttämättä ja kerro sitten, mitä voit oikeasti tehdä.",
        en="Listen: let the customer vent without interrupting, then say what you can really do.",
    ),
    "recovery:confirm": Text(
        fi="Vahvista: toista ongelma lyhyesti omin sanoin ja tarkista, että ymmärsit sen oikein.",
        en="Confirm: repeat the problem briefly in your own words and check that you understood it right.",
    ),
    "recovery:fix": Text(
        fi="Korjaa: ratkaise ongelma sen pohjalta, mitä kuulit; anna henkilökunnalle vapaus valita ratkaisu, "
        "vaikka se maksaisi enemmän.",
        en="Fix: solve the problem based on what you heard; give staff the freedom to choose the remedy, even "
        "when it costs more.",
    ),
    "recovery:follow-up": Text(
        fi="Seuraa: ota 1–2 viikon kuluttua yllättäen yhteyttä asiakkaaseen ja varmista, että hän on "
        "tyytyväinen ratkaisuun.",
        en="Follow up: contact the customer unexpectedly 1–2 weeks later and check that they are happy with "
        "the solution.",
    ),
}

