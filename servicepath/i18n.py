"""Translation tables: the labels servicepath puts on tokens, columns and messages.

Code uses English tokens; :func:`label` turns a token into the words a workshop
sees, in Finnish (``"fi"``) or English (``"en"``). (Content such as the sample
journeys carries its own Finnish and English text.) The terms follow the
project glossary so that notebooks, maps and exports speak one language.
"""

from __future__ import annotations

__all__ = ["LANGUAGES", "label", "count_label", "LABELS"]

LANGUAGES = ("fi", "en")

LABELS: dict[str, dict[str, str]] = {
    # blueprint lanes, top to bottom
    "lane.evidence": {"en": "Evidence", "fi": "Palvelun todisteet"},
    "lane.customer": {"en": "Customer actions", "fi": "Asiakkaan toiminnot"},
    "lane.frontstage": {"en": "Frontstage", "fi": "Näkyvä palvelu"},
    "lane.backstage": {"en": "Backstage", "fi": "Näkymätön palvelu"},
    "lane.support": {"en": "Support processes", "fi": "Tukiprosessit"},
    # A.R.V.O. principles
    "principle.A": {"en": "A — think customer-first", "fi": "A — ajattele asiakaslähtöisesti"},
    "principle.R": {"en": "R — react", "fi": "R — reagoi"},
    "principle.V": {"en": "V — communicate", "fi": "V — viesti"},
    "principle.O": {"en": "O — show", "fi": "O — osoita"},
    # charts (servicepath.figures): emotion curve, heatmap, radar, network, priority matrix, before/after
    "chart.emotion.title": {"en": "Emotion curve", "fi": "Tunnekäyrä"},
    "chart.emotion.typical": {"en": "Along the typical path · {steps}", "fi": "Tyypillinen polku · {steps}"},
    "chart.emotion.path": {"en": "Along the chosen path · {steps}", "fi": "Valittu polku · {steps}"},
    "chart.step": {"en": "{count} step", "fi": "{count} askel"},
    "chart.steps": {"en": "{count} steps", "fi": "{count} askelta"},
    "chart.emotion.missing": {"en": "no emotion recorded", "fi": "tunne kirjaamatta"},
    "chart.emotion.no_steps": {"en": "The path has no steps.", "fi": "Polulla ei ole askelia."},
    "chart.emotion.positive": {"en": "positive emotion", "fi": "myönteinen tunne"},
    "chart.emotion.negative": {"en": "negative emotion", "fi": "kielteinen tunne"},
    "chart.emotion.neutral": {"en": "neutral or not recorded", "fi": "neutraali tai kirjaamatta"},
    "chart.payment": {"en": "Payment moment", "fi": "Maksamisen hetki"},
    "chart.critical": {"en": "moment of truth", "fi": "totuuden hetki"},
    "chart.heatmap.title": {"en": "A.R.V.O. scores by touchpoint", "fi": "A.R.V.O.-pisteet kosketuspisteittäin"},
    "chart.heatmap.legend": {"en": "Score 0 (weak) … 4 (strong); the raters' median where rated",
                             "fi": "Pisteet 0 (heikko) … 4 (vahva); arvioijien mediaani, jos arvioitu"},
    "chart.no_score": {"en": "no score", "fi": "ei pisteitä"},
    "chart.disagree": {"en": "raters disagree", "fi": "arvioijat eri mieltä"},
    "chart.radar.stages": {"en": "A.R.V.O. by stage", "fi": "A.R.V.O. vaiheittain"},
    "chart.radar.journeys": {"en": "A.R.V.O. by journey", "fi": "A.R.V.O. poluittain"},
    "chart.radar.note": {"en": "Score 0 (weak) … 4 (strong), weighted by the share of customers reaching each "
                                "touchpoint",
                         "fi": "Pisteet 0 (heikko) … 4 (vahva), painotettuna kosketuspisteeseen tulevien "
                               "asiakkaiden osuudella"},
    "chart.journey": {"en": "Journey", "fi": "Polku"},
    "chart.graph.title": {"en": "Customer journey as a network", "fi": "Asiakaspolku verkkona"},
    "chart.graph.size": {"en": "circle size = share of customers who get there",
                         "fi": "ympyrän koko = tänne tulevien asiakkaiden osuus"},
    "chart.graph.width": {"en": "line width = share going on", "fi": "viivan paksuus = jatkavien osuus"},
    "chart.graph.back": {"en": "back to an earlier stage", "fi": "paluu aiempaan vaiheeseen"},
    "chart.priority.title": {"en": "Improvements by impact and effort",
                             "fi": "Kehitystoimenpiteet vaikutuksen ja työmäärän mukaan"},
    "chart.priority.impact": {"en": "Impact (1 = small … 5 = large)", "fi": "Vaikutus (1 = pieni … 5 = suuri)"},
    "chart.priority.effort": {"en": "Effort (1 = small … 5 = large)", "fi": "Työmäärä (1 = pieni … 5 = suuri)"},
    "chart.priority.count": {"en": "{count} improvements", "fi": "{count} kehitystoimenpidettä"},
    "chart.priority.empty": {"en": "No improvements yet", "fi": "Ei vielä kehitystoimenpiteitä"},
    "chart.priority.empty_hint": {"en": "Add them with add_improvement() and they appear here.",
                                  "fi": "Lisää niitä add_improvement()-funktiolla, niin ne näkyvät tässä."},
    "quadrant.quick win": {"en": "Quick win", "fi": "Nopea voitto"},
    "quadrant.big bet": {"en": "Big bet", "fi": "Iso panostus"},
    "quadrant.fill-in": {"en": "Fill-in", "fi": "Täyte"},
    "quadrant.money pit": {"en": "Money pit", "fi": "Rahanreikä"},
    "chart.compare.title": {"en": "Before and after", "fi": "Ennen ja jälkeen"},
    "chart.compare.emotion": {"en": "Emotion along the typical path", "fi": "Tunne tyypillisellä polulla"},
    "chart.compare.arvo": {"en": "A.R.V.O. by stage: bar = after, black line = before",
                           "fi": "A.R.V.O. vaiheittain: pylväs = jälkeen, musta viiva = ennen"},
    "chart.before": {"en": "Before", "fi": "Ennen"},
    "chart.after": {"en": "After", "fi": "Jälkeen"},
    "chart.better": {"en": "better", "fi": "parempi"},
    "chart.worse": {"en": "worse", "fi": "huonompi"},
    "chart.goal_probability": {"en": "Goal reached", "fi": "Tavoitteeseen pääsee"},
    "chart.drop_out": {"en": "Drop-out", "fi": "Poistuma"},
    "chart.arvo_index": {"en": "A.R.V.O. index", "fi": "A.R.V.O.-indeksi"},
    "chart.pp": {"en": "pp", "fi": "%-yks."},
    "chart.score": {"en": "Score 0–4", "fi": "Pisteet 0–4"},
    # touchpoint table headers
    "column.id": {"en": "Id", "fi": "Tunniste"},
    "column.name": {"en": "Touchpoint", "fi": "Kosketuspiste"},
    "column.stage": {"en": "Stage", "fi": "Vaihe"},
    "column.lane": {"en": "Lane", "fi": "Kaista"},
    "column.channel": {"en": "Channel", "fi": "Kanava"},
    "column.owner": {"en": "Owner", "fi": "Vastuuhenkilö"},
    "column.emotion": {"en": "Emotion", "fi": "Tunne"},
    "column.pain_point_count": {"en": "Pain points", "fi": "Kipupisteitä"},
    # validation levels
    "level.error": {"en": "error", "fi": "virhe"},
    "level.warning": {"en": "warning", "fi": "varoitus"},
    # words in summaries
    "word.touchpoints": {"en": "touchpoints", "fi": "kosketuspistettä"},
    "word.touchpoints.one": {"en": "touchpoint", "fi": "kosketuspiste"},
    "word.stages.one": {"en": "stage", "fi": "vaihe"},
    "word.transitions": {"en": "transitions", "fi": "siirtymää"},
    "word.stages": {"en": "stages", "fi": "vaihetta"},
    "word.pain_points": {"en": "pain points", "fi": "kipupistettä"},
    "word.persona": {"en": "Persona", "fi": "Persoona"},
    # journey map
    "map.line.interaction": {"en": "line of interaction", "fi": "vuorovaikutuksen linja"},
    "map.line.visibility": {"en": "line of visibility", "fi": "näkyvyyden linja"},
    "map.line.internal": {"en": "line of internal interaction", "fi": "sisäisen vuorovaikutuksen linja"},
    "map.emotion": {"en": "Emotion", "fi": "Tunne"},
    "map.no_emotions": {"en": "No emotions recorded yet where the customer sees the service",
                        "fi": "Asiakkaalle näkyviin kohtiin ei ole vielä kirjattu tunteita"},
    "map.pain_key": {"en": "Pain points", "fi": "Kipupisteet"},
    "map.untitled": {"en": "Customer journey", "fi": "Asiakaspolku"},
    "map.goal_reached": {"en": "{share} reach the goal", "fi": "{share} pääsee tavoitteeseen"},
    "map.legend.arvo": {"en": "A.R.V.O. score 0–4", "fi": "A.R.V.O.-pisteet 0–4"},
    "map.legend.arrows": {"en": "Arrow width = share of customers", "fi": "Nuolen paksuus = asiakkaiden osuus"},
    "map.legend.critical": {"en": "Red frame = critical moment", "fi": "Punainen kehys = kriittinen hetki"},
    # reports (PDF, HTML)
    "report.fact.touchpoints": {"en": "Touchpoints", "fi": "Kosketuspisteitä"},
    "report.fact.stages": {"en": "Stages", "fi": "Vaiheita"},
    "report.fact.pain_points": {"en": "Pain points", "fi": "Kipupisteitä"},
    "report.fact.goal": {"en": "Customers reaching the goal", "fi": "Tavoitteeseen pääsevät asiakkaat"},
    "report.fact.index": {"en": "A.R.V.O. index", "fi": "A.R.V.O.-indeksi"},
    "report.whole_journey": {"en": "Whole journey", "fi": "Koko polku"},
    "report.section.map": {"en": "Journey map", "fi": "Asiakaspolkukartta"},
    "report.section.touchpoints": {"en": "Touchpoints", "fi": "Kosketuspisteet"},
    "report.section.scores": {"en": "A.R.V.O. by stage", "fi": "A.R.V.O. vaiheittain"},
    "report.section.pain_points": {"en": "Pain points, ranked", "fi": "Kipupisteet tärkeysjärjestyksessä"},
    "report.section.payment": {"en": "The payment moment", "fi": "Maksamisen hetki"},
    "report.section.plan": {"en": "Improvement plan", "fi": "Kehityssuunnitelma"},
    "report.section.suggestions": {"en": "What to try at the payment moment", "fi": "Kokeiltavaa maksamisen hetkeen"},
    "report.section.emotion": {"en": "Emotion curve", "fi": "Tunnekäyrä"},
    "report.section.heatmap": {"en": "A.R.V.O. by touchpoint", "fi": "A.R.V.O. kosketuspisteittäin"},
    "report.section.priority": {"en": "Impact and effort", "fi": "Vaikutus ja työmäärä"},
    "report.empty": {"en": "Nothing here yet.", "fi": "Ei vielä mitään."},
    "report.generated": {"en": "Made with servicepath", "fi": "Tehty servicepathilla"},
    "report.index_title": {"en": "Exports", "fi": "Viennit"},
    # what each file of an export bundle is (its index page)
    "export.kind.json": {"en": "The journey file (opens in servicepath)",
                         "fi": "Polkutiedosto (avautuu servicepathissa)"},
    "export.kind.png": {"en": "Journey map as an image", "fi": "Asiakaspolkukartta kuvana"},
    "export.kind.svg": {"en": "Journey map as a vector image", "fi": "Asiakaspolkukartta vektorikuvana"},
    "export.kind.pdf": {"en": "Journey map as PDF", "fi": "Asiakaspolkukartta PDF-tiedostona"},
    "export.kind.poster": {"en": "Journey map as a poster for the workshop wall",
                           "fi": "Asiakaspolkukartta julisteena työpajan seinälle"},
    "export.kind.report": {"en": "Report, several pages (PDF)", "fi": "Raportti, useita sivuja (PDF)"},
    "export.kind.html": {"en": "Report as one web page that works offline",
                         "fi": "Raportti yhtenä verkkosivuna, toimii ilman verkkoyhteyttä"},
    "export.kind.md": {"en": "Report in Markdown (renders on GitHub)",
                       "fi": "Raportti Markdownina (näkyy GitHubissa)"},
    "export.kind.chart-emotion": {"en": "Emotion curve along the typical path",
                                  "fi": "Tunnekäyrä tyypillisellä polulla"},
    "export.kind.chart-heatmap": {"en": "A.R.V.O. scores by touchpoint", "fi": "A.R.V.O.-pisteet kosketuspisteittäin"},
    "export.kind.chart-radar": {"en": "A.R.V.O. by stage (radar)", "fi": "A.R.V.O. vaiheittain (tutkakaavio)"},
    "export.kind.chart-graph": {"en": "The journey as a network", "fi": "Asiakaspolku verkkona"},
    "export.kind.chart-priority": {"en": "Improvements by impact and effort",
                                   "fi": "Kehitystoimenpiteet vaikutuksen ja työmäärän mukaan"},
    "export.kind.xlsx": {"en": "Workbook for Excel: tables and the map", "fi": "Excel-työkirja: taulukot ja kartta"},
    "export.kind.csv": {"en": "Tables as CSV files (a folder)", "fi": "Taulukot CSV-tiedostoina (kansio)"},
    "export.kind.mermaid": {"en": "Mermaid flowchart", "fi": "Mermaid-vuokaavio"},
    "export.kind.graphml": {"en": "Network for yEd, Gephi or igraph (GraphML)",
                            "fi": "Verkko yEdiin, Gephiin tai igraphiin (GraphML)"},
    "export.kind.gexf": {"en": "Network for Gephi (GEXF)", "fi": "Verkko Gephiin (GEXF)"},
    # widgets
    "widget.save": {"en": "Save", "fi": "Tallenna"},
    "widget.load": {"en": "Open", "fi": "Avaa"},
    "widget.undo": {"en": "Undo", "fi": "Kumoa"},
    "word.no_problems": {"en": "No problems found.", "fi": "Ongelmia ei löytynyt."},
    # data exports and the Markdown report (servicepath.export)
    "export.sheet.map": {"en": "Journey map", "fi": "Asiakaspolkukartta"},
    "report.untitled": {"en": "Customer journey", "fi": "Asiakaspolku"},
    "report.summary": {"en": "Summary", "fi": "Yhteenveto"},
    "report.measure": {"en": "Measure", "fi": "Mittari"},
    "report.value": {"en": "Value", "fi": "Lukema"},
    "report.touchpoints": {"en": "Touchpoints", "fi": "Kosketuspisteet"},
    "report.stages": {"en": "Stages", "fi": "Vaiheet"},
    "report.transitions": {"en": "Transitions", "fi": "Siirtymät"},
    "report.pain_points": {"en": "Pain points", "fi": "Kipupisteet"},
    "report.goals": {"en": "Goals", "fi": "Tavoitteet"},
    "report.goal_probability": {"en": "Customers reaching a goal", "fi": "Tavoitteeseen pääsevät asiakkaat"},
    "report.drop_out": {"en": "Drop-out (do not reach a goal)", "fi": "Poistuma (eivät pääse tavoitteeseen)"},
    "report.arvo_index": {"en": "A.R.V.O. index (0–100)", "fi": "A.R.V.O.-indeksi (0–100)"},
    "report.pictures": {"en": "Pictures", "fi": "Kuvat"},
    "report.moment_of_truth": {"en": "moment of truth", "fi": "totuuden hetki"},
    "report.scores": {"en": "A.R.V.O. scores", "fi": "A.R.V.O.-pisteet"},
    "report.scores_note": {
        "en": "Scores 0–4 (the raters' median where rated), weighted by the share of customers who reach each "
              "touchpoint; moments of truth weigh double. A dash means not scored.",
        "fi": "Pisteet 0–4 (arvioijien mediaani, jos arvioitu), painotettuna kosketuspisteeseen saapuvien "
              "asiakkaiden osuudella; totuuden hetket painavat kaksinkertaisesti. Viiva: ei pisteytetty.",
    },
    "report.pain_ranked": {"en": "Pain points, worst first", "fi": "Kipupisteet pahimmasta alkaen"},
    "report.no_pain_points": {"en": "No pain points marked yet.", "fi": "Kipupisteitä ei ole vielä merkitty."},
    "report.payment_moment": {"en": "Payment moment", "fi": "Maksamisen hetki"},
    "report.no_payment": {
        "en": "No touchpoint is tagged payment or invoicing.",
        "fi": "Yhtäkään kosketuspistettä ei ole merkitty tagilla maksu (payment) tai laskutus (invoicing).",
    },
    "report.suggestions": {"en": "What to try at the payment moment", "fi": "Kokeiltavaa maksamisen hetkeen"},
    "report.plan": {"en": "Improvement plan", "fi": "Kehitystoimenpiteet"},
    "report.no_plan": {"en": "No improvements planned yet.", "fi": "Kehitystoimenpiteitä ei ole vielä kirjattu."},
    "column.index": {"en": "Index", "fi": "Indeksi"},
    "column.unscored": {"en": "Not scored", "fi": "Pisteyttämättä"},
    "column.rank": {"en": "Rank", "fi": "Sija"},
    "column.pain_point": {"en": "Pain point", "fi": "Kipupiste"},
    "column.severity": {"en": "Severity", "fi": "Vakavuus"},
    "column.frequency": {"en": "Frequency", "fi": "Yleisyys"},
    "column.reach": {"en": "Reach", "fi": "Tavoittavuus"},
    "column.priority": {"en": "Priority", "fi": "Prioriteetti"},
    "column.emotion_before": {"en": "Emotion before", "fi": "Tunne ennen"},
    "column.drop_into": {"en": "Emotion change", "fi": "Tunteen muutos"},
    "column.drop_out_share": {"en": "Drop-out there", "fi": "Poistuma siinä"},
    "column.improvement": {"en": "Improvement", "fi": "Kehitystoimenpide"},
    "column.quadrant": {"en": "Quadrant", "fi": "Lohko"},
    "column.status": {"en": "Status", "fi": "Tila"},
    "column.due": {"en": "Due", "fi": "Määräpäivä"},
    "column.touchpoints": {"en": "Touchpoints", "fi": "Kosketuspisteet"},
    "column.impact": {"en": "Impact", "fi": "Vaikutus"},
    "column.practice": {"en": "Practice", "fi": "Käytäntö"},
    "column.need": {"en": "Need (gap to 4)", "fi": "Tarve (ero 4:ään)"},
    "column.effort": {"en": "Effort", "fi": "Työmäärä"},
    "column.votes": {"en": "Votes", "fi": "Ääniä"},
    "status.idea": {"en": "idea", "fi": "idea"},
    "status.planned": {"en": "planned", "fi": "suunnitteilla"},
    "status.doing": {"en": "in progress", "fi": "työn alla"},
    "status.done": {"en": "done", "fi": "valmis"},
}


def label(key: str, lang: str = "en") -> str:
    """Return the text for a token in the given language.

    Parameters
    ----------
    key : str
        A key of :data:`LABELS` such as ``"lane.customer"``.
    lang : {"fi", "en"}
        The language; an unknown key gives the key itself so nothing is lost.

    Examples
    --------
    >>> label("lane.backstage", "fi")
    'Näkymätön palvelu'
    >>> label("principle.V")
    'V — communicate'
    """
    entry = LABELS.get(key)
    if entry is None:
        return key
    return entry.get(lang) or entry["en"]


def count_label(count: int, word: str, lang: str = "en") -> str:
    """A number with its word, singular for one (``word.<word>.one``) and plural otherwise.

    Examples
    --------
    >>> count_label(1, "stages", "fi"), count_label(6, "stages", "fi"), count_label(1, "touchpoints")
    ('1 vaihe', '6 vaihetta', '1 touchpoint')
    """
    key = f"word.{word}.one" if count == 1 and f"word.{word}.one" in LABELS else f"word.{word}"
    return f"{count} {label(key, lang)}"
