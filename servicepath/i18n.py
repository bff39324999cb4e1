"""Translation tables: the labels servicepath puts on tokens, columns and messages.

Code uses English tokens; :func:`label` turns a token into the words a workshop
sees, in Finnish (``"fi"``) or English (``"en"``). (Content such as the sample
journeys carries its own Finnish and English text.) The terms follow the
project glossary so that notebooks, maps and exports speak one language.
"""

from __future__ import annotations

import math

__all__ = ["LANGUAGES", "label", "count_label", "number_text", "percent_text", "LABELS"]

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
    "chart.graph.hidden": {"en": "{count} transitions under {share} not drawn",
                           "fi": "{count} alle {share}:n siirtymää piirtämättä"},
    "chart.lived.title": {"en": "Designed and lived journey", "fi": "Suunniteltu ja eletty polku"},
    "chart.lived.subtitle": {"en": "lines: share of customers going on, in the data (as designed)",
                             "fi": "viivat: jatkavien asiakkaiden osuus datassa (suunnitelmassa)"},
    "chart.lived.more": {"en": "more than designed", "fi": "enemmän kuin suunniteltu"},
    "chart.lived.less": {"en": "less than designed", "fi": "vähemmän kuin suunniteltu"},
    "chart.lived.new": {"en": "only in the data", "fi": "vain datassa"},
    "chart.lived.missing": {"en": "not in the data", "fi": "ei datassa"},
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
    "widget.bench.nothing_to_undo": {"en": "nothing to undo", "fi": "ei kumottavaa"},
    "widget.bench.undone": {"en": "undone: {what}", "fi": "kumottu: {what}"},
    "widget.bench.no_file": {"en": "no file to save to yet: give a path", "fi": "ei vielä tiedostoa: anna polku"},
    "widget.bench.not_saved": {"en": "not saved: {reason}", "fi": "ei tallennettu: {reason}"},
    "widget.bench.saved": {"en": "saved {name}", "fi": "tallennettu {name}"},
    "widget.bench.opened": {"en": "opened {name}", "fi": "avattu {name}"},
    "widget.bench.outside": {"en": "{name} is outside {root}; here only files in that folder can be used",
                             "fi": "{name} on kansion {root} ulkopuolella; täällä voi käyttää vain sen tiedostoja"},
    "widget.bench.exists": {"en": "{name} already exists; choose another name, or open it",
                            "fi": "{name} on jo olemassa; valitse toinen nimi tai avaa se"},
    "widget.bench.changed_elsewhere": {
        "en": "{name} had been saved from another notebook or tab: its newer version is open now",
        "fi": "{name} oli tallennettu toisesta muistikirjasta tai välilehdeltä: sen uudempi versio on nyt auki",
    },
    # the A.R.V.O. scorer (servicepath.widgets.scorer)
    "widget.scorer.touchpoint": {"en": "Touchpoint", "fi": "Kosketuspiste"},
    "widget.scorer.rater": {"en": "Rater", "fi": "Arvioija"},
    "widget.scorer.rater_placeholder": {"en": "empty = the group's score", "fi": "tyhjä = ryhmän yhteiset pisteet"},
    "widget.scorer.mode_group": {
        "en": "Group score: Save sets the touchpoint's own A.R.V.O. score.",
        "fi": "Ryhmän pisteet: Tallenna asettaa kosketuspisteen omat A.R.V.O.-pisteet.",
    },
    "widget.scorer.mode_rater": {
        "en": "{rater} rates alone: Save keeps these ratings beside the other raters' and replaces {rater}'s "
              "earlier ones.",
        "fi": "{rater} arvioi omin päin: Tallenna säilyttää arviot muiden arvioijien rinnalla ja korvaa "
              "arvioijan {rater} aiemmat arviot.",
    },
    "widget.scorer.median_note": {
        "en": "Raters have rated this touchpoint, so the analyses use their median for the principles they rated.",
        "fi": "Tätä kosketuspistettä on arvioitu, joten analyysit käyttävät arvioitujen periaatteiden kohdalla "
              "arvioijien mediaania.",
    },
    "widget.scorer.scored": {"en": "scored", "fi": "pisteytetty"},
    "widget.scorer.unscored": {
        "en": "Not scored yet: move the slider or tick “scored” to give a score.",
        "fi": "Ei vielä pisteitä: siirrä liukusäädintä tai rastita ”pisteytetty”.",
    },
    "widget.scorer.level": {"en": "Level {level}", "fi": "Taso {level}"},
    "widget.scorer.questions": {"en": "Check questions", "fi": "Tarkistuskysymykset"},
    "widget.scorer.from_answers": {"en": "The answers kept here point to level {level}.",
                                   "fi": "Tallennetut vastaukset viittaavat tasoon {level}."},
    "widget.scorer.save": {"en": "Save score", "fi": "Tallenna pisteet"},
    "widget.scorer.saved_group": {"en": "A.R.V.O. score of {name}: {scores}",
                                  "fi": "{name}, A.R.V.O.-pisteet: {scores}"},
    "widget.scorer.saved_rater": {"en": "{rater}'s rating of {name}: {scores}",
                                  "fi": "{name}, arvioijan {rater} arvio: {scores}"},
    "widget.scorer.nothing": {"en": "nothing to save: the scores are as saved",
                              "fi": "ei tallennettavaa: pisteet ovat jo tallennetut"},
    "widget.scorer.no_touchpoints": {"en": "the journey has no touchpoints yet",
                                     "fi": "polulla ei ole vielä kosketuspisteitä"},
    "widget.scorer.ratings": {"en": "Raters' ratings of this touchpoint",
                              "fi": "Arvioijien arviot tästä kosketuspisteestä"},
    "widget.scorer.no_ratings": {
        "en": "No one has rated this touchpoint on their own yet. To do so, type a name in Rater.",
        "fi": "Kukaan ei ole vielä arvioinut tätä kosketuspistettä omin päin. Kirjoita nimi Arvioija-kenttään.",
    },
    "widget.scorer.median": {"en": "Median", "fi": "Mediaani"},
    "widget.scorer.range": {"en": "Range (high − low)", "fi": "Vaihteluväli (suurin − pienin)"},
    "widget.scorer.own": {"en": "Group score (own)", "fi": "Ryhmän pisteet (omat)"},
    "widget.scorer.disagree": {
        "en": "The raters disagree on {principles}: talk it through before settling the score.",
        "fi": "Arvioijat ovat eri mieltä: {principles}. Keskustelkaa ennen kuin sovitte pisteet.",
    },
    "widget.scorer.agree": {"en": "No principle's ratings differ by {range} points or more.",
                            "fi": "Minkään periaatteen arviot eivät eroa {range} pistettä tai enemmän."},
    # the pain-point board (servicepath.widgets.pain_board)
    "widget.pain.touchpoint": {"en": "Touchpoint", "fi": "Kosketuspiste"},
    "widget.pain.view.all": {"en": "All pain points", "fi": "Kaikki kipupisteet"},
    "widget.pain.view.payment": {"en": "Payment moment", "fi": "Maksamisen hetki"},
    "widget.pain.here": {"en": "Pain points at {name}", "fi": "Kipupisteet: {name}"},
    "widget.pain.none_here": {"en": "No pain points here yet.", "fi": "Tässä ei ole vielä kipupisteitä."},
    "widget.pain.text_fi": {"en": "Text (FI)", "fi": "Teksti (FI)"},
    "widget.pain.text_en": {"en": "Text (EN)", "fi": "Teksti (EN)"},
    "widget.pain.text_placeholder": {"en": "what hurts the customer here", "fi": "mikä asiakasta tässä harmittaa"},
    "widget.pain.severity": {"en": "Severity 1–5", "fi": "Vakavuus 1–5"},
    "widget.pain.frequency": {"en": "Frequency 1–5", "fi": "Yleisyys 1–5"},
    "widget.pain.scale": {
        "en": "Severity: 1 = a small annoyance … 5 = the customer gives up. Frequency: 1 = rarely … 5 = nearly always.",
        "fi": "Vakavuus: 1 = pieni harmi … 5 = asiakas luovuttaa. Yleisyys: 1 = harvoin … 5 = lähes aina.",
    },
    "widget.pain.id": {"en": "Id", "fi": "Tunniste"},
    "widget.pain.id_placeholder": {"en": "empty = made from the text", "fi": "tyhjä = tehdään tekstistä"},
    "widget.pain.add": {"en": "Add pain point", "fi": "Lisää kipupiste"},
    "widget.pain.remove": {"en": "Remove", "fi": "Poista"},
    "widget.pain.pick": {"en": "Pain point", "fi": "Kipupiste"},
    "widget.pain.added": {"en": "pain point {id} at {name}", "fi": "kipupiste {id}: {name}"},
    "widget.pain.removed": {"en": "removal of pain point {id} at {name}", "fi": "kipupisteen {id} poisto: {name}"},
    "widget.pain.still_named": {"en": " (improvements or votes still name it: {names})",
                                "fi": " (kehitystoimenpiteet tai äänet viittaavat siihen yhä: {names})"},
    "widget.pain.taken": {"en": "there is already a pain point {id} (at {where}); give another id",
                          "fi": "kipupiste {id} on jo olemassa ({where}); anna toinen tunniste"},
    "widget.pain.need_touchpoint": {"en": "pick a touchpoint first", "fi": "valitse ensin kosketuspiste"},
    "widget.pain.need_pain": {"en": "pick a pain point to remove", "fi": "valitse poistettava kipupiste"},
    "widget.pain.ranked": {"en": "All pain points, worst first", "fi": "Kaikki kipupisteet pahimmasta alkaen"},
    "widget.pain.more": {"en": "… and {count} more", "fi": "… ja {count} muuta"},
    "widget.pain.payment_touchpoints": {"en": "The payment moment: emotion and drop-out",
                                        "fi": "Maksamisen hetki: tunne ja poistuma"},
    "widget.pain.payment_pains": {"en": "Pain points at the payment moment", "fi": "Maksamisen hetken kipupisteet"},
    "widget.pain.no_payment_pains": {"en": "No pain points at the payment moment yet.",
                                     "fi": "Maksamisen hetkeen ei ole vielä merkitty kipupisteitä."},
    "widget.pain.emotion": {"en": "Emotion there", "fi": "Tunne siinä"},
    "widget.pain.emotion_after": {"en": "Emotion after", "fi": "Tunne jälkeen"},
    "widget.pain.dropped_out": {"en": "Of all customers, drop out there", "fi": "Kaikista asiakkaista poistuu siinä"},
    "widget.pain.principles": {"en": "Lifts", "fi": "Vahvistaa"},
    # dot voting (widgets.planning.DotVote)
    "widget.vote.title": {"en": "Dot voting", "fi": "Pisteäänestys"},
    "widget.vote.subject.pain": {"en": "Pain points", "fi": "Kipupisteet"},
    "widget.vote.subject.ideas": {"en": "Improvement ideas", "fi": "Kehitysideat"},
    "widget.vote.participant": {"en": "Participant", "fi": "Osallistuja"},
    "widget.vote.participant_hint": {"en": "name or pseudonym", "fi": "nimi tai nimimerkki"},
    "widget.vote.budget": {"en": "Each participant has {budget} dots · {left} left",
                           "fi": "Jokaisella osallistujalla on {budget} pistettä · jäljellä {left}"},
    "widget.vote.over": {"en": "{over} dots over the budget: take some back before casting",
                         "fi": "{over} pistettä yli budjetin: vähennä ennen kuin annat pisteet"},
    "widget.vote.cast": {"en": "Cast dots", "fi": "Anna pisteet"},
    "widget.vote.what": {"en": "dots of {name}", "fi": "pisteet: {name}"},
    "widget.vote.results": {"en": "Results", "fi": "Tulokset"},
    "widget.vote.dots": {"en": "Dots", "fi": "Pisteitä"},
    "widget.vote.voters": {"en": "Voters", "fi": "Äänestäjiä"},
    "widget.vote.voted": {"en": "Voted so far: {names}", "fi": "Äänestäneet: {names}"},
    "widget.vote.no_dots": {"en": "No dots given yet.", "fi": "Pisteitä ei ole vielä annettu."},
    "widget.vote.no_options": {"en": "Nothing to vote on yet: mark pain points or plan improvement ideas first.",
                               "fi": "Äänestettävää ei vielä ole: merkitse ensin kipupisteitä tai kirjaa "
                                     "kehitysideoita."},
    # improvement planning (widgets.planning.ImprovementPlanner)
    "widget.plan.title": {"en": "Plan improvements", "fi": "Kehitystoimenpiteiden suunnittelu"},
    "widget.plan.source": {"en": "From pain point", "fi": "Kipupisteestä"},
    "widget.plan.scratch": {"en": "— start from scratch —", "fi": "— aloita tyhjästä —"},
    "widget.plan.chosen": {"en": "Improvement", "fi": "Kehitystoimenpide"},
    "widget.plan.new": {"en": "— a new one —", "fi": "— uusi —"},
    "widget.plan.id": {"en": "Id (optional)", "fi": "Tunniste (vapaaehtoinen)"},
    "widget.plan.title_fi": {"en": "Title in Finnish", "fi": "Otsikko suomeksi"},
    "widget.plan.title_en": {"en": "Title in English", "fi": "Otsikko englanniksi"},
    "widget.plan.touchpoints": {"en": "Touchpoints", "fi": "Kosketuspisteet"},
    "widget.plan.pain_points": {"en": "Pain points it answers", "fi": "Kipupisteet, joihin se vastaa"},
    "widget.plan.principles": {"en": "A.R.V.O. principles", "fi": "A.R.V.O.-periaatteet"},
    "widget.plan.impact": {"en": "Impact 1–5", "fi": "Vaikutus 1–5"},
    "widget.plan.effort": {"en": "Effort 1–5", "fi": "Työmäärä 1–5"},
    "widget.plan.confidence": {"en": "Confidence 1–5", "fi": "Varmuus 1–5"},
    "widget.plan.owner": {"en": "Owner", "fi": "Vastuuhenkilö"},
    "widget.plan.metric": {"en": "Metric", "fi": "Mittari"},
    "widget.plan.due": {"en": "Due", "fi": "Määräpäivä"},
    "widget.plan.status": {"en": "Status", "fi": "Tila"},
    "widget.plan.effect": {"en": "Expected effect at its touchpoints", "fi": "Odotettu vaikutus kosketuspisteissä"},
    "widget.plan.score_change": {"en": "Score change", "fi": "Pisteiden muutos"},
    "widget.plan.emotion_change": {"en": "Emotion change", "fi": "Tunteen muutos"},
    "widget.plan.drop_out_reduction": {"en": "Fewer drop-outs", "fi": "Poistuma pienenee"},
    "widget.plan.add": {"en": "Add", "fi": "Lisää"},
    "widget.plan.update": {"en": "Update", "fi": "Päivitä"},
    "widget.plan.remove": {"en": "Remove", "fi": "Poista"},
    "widget.plan.clear": {"en": "Empty the form", "fi": "Tyhjennä lomake"},
    "widget.plan.added": {"en": "improvement added: {id}", "fi": "kehitystoimenpide lisätty: {id}"},
    "widget.plan.updated": {"en": "improvement updated: {id}", "fi": "kehitystoimenpide päivitetty: {id}"},
    "widget.plan.removed": {"en": "improvement removed: {id}", "fi": "kehitystoimenpide poistettu: {id}"},
    "widget.plan.pick_first": {"en": "choose the improvement to change first",
                               "fi": "valitse ensin muutettava kehitystoimenpide"},
    "widget.plan.ranked": {"en": "The plan in priority order", "fi": "Suunnitelma tärkeysjärjestyksessä"},
    "widget.plan.method": {"en": "Ranking", "fi": "Järjestys"},
    "widget.plan.method.quadrant": {"en": "impact and effort", "fi": "vaikutus ja työmäärä"},
    "widget.plan.method.ice": {"en": "ICE (impact × confidence × ease)", "fi": "ICE (vaikutus × varmuus × helppous)"},
    "widget.plan.method.rice": {"en": "RICE (reach × impact × confidence ÷ effort)",
                                "fi": "RICE (tavoittavuus × vaikutus × varmuus ÷ työmäärä)"},
    "widget.plan.score": {"en": "Score", "fi": "Pisteluku"},
    "widget.plan.whatif": {"en": "What-if: the whole plan carried out",
                           "fi": "Entä jos -tarkastelu: koko suunnitelma toteutettu"},
    "widget.plan.whatif.change": {
        "en": "If the plan works as expected, {after} of the customers reach the goal instead of {before} "
              "({change} pp).",
        "fi": "Jos suunnitelma toimii odotetusti, tavoitteeseen pääsee {after} asiakkaista nykyisen {before} "
              "sijaan ({change} %-yks.).",
    },
    "widget.plan.whatif.same": {
        "en": "The plan does not change how many customers reach the goal ({before}); it changes scores or "
              "emotions only.",
        "fi": "Suunnitelma ei muuta tavoitteeseen pääsevien osuutta ({before}); se muuttaa vain pisteitä tai "
              "tunteita.",
    },
    "widget.plan.whatif.no_goal": {
        "en": "The journey has no goal touchpoint yet, so the change in customers reaching it cannot be shown.",
        "fi": "Polulla ei vielä ole tavoitekosketuspistettä, joten tavoitteeseen pääsevien muutosta ei voi näyttää.",
    },
    # aftercare checkup widget (servicepath.widgets.aftercare)
    "widget.aftercare.title": {"en": "Aftercare: the ten practices", "fi": "Jälkihoito: kymmenen käytäntöä"},
    "widget.aftercare.coverage": {"en": "{count} of 10 aftercare practices are on the journey.",
                                  "fi": "{count}/10 jälkihoidon käytännöstä on polulla."},
    "widget.aftercare.all_covered": {"en": "Every practice has at least one touchpoint.",
                                     "fi": "Jokaisella käytännöllä on vähintään yksi kosketuspiste."},
    "widget.aftercare.missing": {"en": "Not yet on the journey: {names}.", "fi": "Polulta puuttuu vielä: {names}."},
    "widget.aftercare.nowhere": {"en": "no touchpoint yet", "fi": "ei vielä kosketuspistettä"},
    "widget.aftercare.add": {"en": "+ tag a touchpoint…", "fi": "+ merkitse kosketuspiste…"},
    "widget.aftercare.remove": {"en": "− remove the tag from…", "fi": "− poista merkintä kohdasta…"},
    "widget.aftercare.tagged": {"en": "{touchpoint}: tag {tag} added", "fi": "{touchpoint}: tagi {tag} lisätty"},
    "widget.aftercare.untagged": {"en": "{touchpoint}: tag {tag} removed",
                                  "fi": "{touchpoint}: tagi {tag} poistettu"},
    "widget.aftercare.already": {"en": "{touchpoint} already has the tag {tag}",
                                 "fi": "Kohdalla {touchpoint} on jo tagi {tag}"},
    "widget.aftercare.not_there": {"en": "{touchpoint} does not have the tag {tag}",
                                   "fi": "Kohdalla {touchpoint} ei ole tagia {tag}"},
    "widget.aftercare.unknown_tag": {"en": "{tag} is not an aftercare practice, a recovery step or complaint",
                                     "fi": "{tag} ei ole jälkihoidon käytäntö, korjaamisen askel eikä reklamaatio"},
    "widget.aftercare.recovery_title": {"en": "Service recovery in five steps",
                                        "fi": "Palvelun korjaaminen viidessä askeleessa"},
    "widget.aftercare.complaint_row": {
        "en": "Complaint: where a customer tells you that something went wrong; recovery starts here.",
        "fi": "Reklamaatio: kohta, jossa asiakas kertoo jonkin menneen pieleen; korjaaminen alkaa tästä.",
    },
    "widget.aftercare.no_complaint": {
        "en": "No touchpoint is tagged complaint, so there is no recovery to check yet: tag the touchpoint where "
              "customers complain.",
        "fi": "Yhtäkään kosketuspistettä ei ole merkitty reklamaatioksi (complaint), joten korjaamista ei voi vielä "
              "tarkistaa: merkitse kohta, jossa asiakkaat reklamoivat.",
    },
    "widget.aftercare.complaint": {"en": "Complaint “{touchpoint}”", "fi": "Reklamaatio ”{touchpoint}”"},
    "widget.aftercare.all_steps": {"en": "all five steps follow in order: {path}.",
                                   "fi": "kaikki viisi askelta seuraavat oikeassa järjestyksessä: {path}."},
    "widget.aftercare.some_steps": {"en": "{count} of the five steps follow in order: {path}.",
                                    "fi": "{count}/5 askeleesta seuraa oikeassa järjestyksessä: {path}."},
    "widget.aftercare.no_steps": {"en": "none of the five steps follows it.",
                                  "fi": "yksikään viidestä askeleesta ei seuraa sitä."},
    "widget.aftercare.steps_missing": {"en": "Missing after the complaint: {steps}.",
                                       "fi": "Reklamaation jäljiltä puuttuu: {steps}."},
    "widget.aftercare.steps_out_of_order": {
        "en": "There after the complaint, but not in this order: {steps}.",
        "fi": "Löytyy reklamaation jälkeen, mutta ei tässä järjestyksessä: {steps}.",
    },
    "widget.aftercare.follow_up_in_time": {
        "en": "The follow-up comes {days} days after the fix: within 1–2 weeks, as it should.",
        "fi": "Seuranta tulee {days} päivää korjaamisen jälkeen: 1–2 viikon sisällä, kuten pitää.",
    },
    "widget.aftercare.follow_up_off": {
        "en": "The follow-up comes {days} days after the fix; aim for 1–2 weeks.",
        "fi": "Seuranta tulee {days} päivää korjaamisen jälkeen; tavoite on 1–2 viikkoa.",
    },
    "widget.aftercare.follow_up_unknown": {
        "en": "How long after the fix the follow-up comes is not known: give the transitions a duration.",
        "fi": "Ei tiedetä, kuinka pian korjaamisen jälkeen seuranta tulee: anna siirtymille kesto.",
    },
    # export panel (servicepath.widgets.exporter)
    "widget.export.kinds": {"en": "What to export", "fi": "Mitä viedään"},
    "widget.export.all": {"en": "Choose all", "fi": "Valitse kaikki"},
    "widget.export.folder": {"en": "Folder", "fi": "Kansio"},
    "widget.export.overwrite": {"en": "Replace existing files", "fi": "Korvaa aiemmat tiedostot"},
    "widget.export.button": {"en": "Export", "fi": "Vie"},
    "widget.export.nothing_chosen": {"en": "Choose at least one kind of file to export.",
                                     "fi": "Valitse vähintään yksi vietävä tiedostotyyppi."},
    "widget.export.no_folder": {"en": "Give a folder to export into.", "fi": "Anna kansio, johon viedään."},
    "widget.export.writing": {"en": "writing {name}…", "fi": "kirjoitetaan {name}…"},
    "widget.export.exists": {
        "en": "Nothing was written: {count} of the files already exist in {folder} ({names}). Tick “Replace "
              "existing files” to write over them, or choose another folder.",
        "fi": "Mitään ei kirjoitettu: {count} tiedostoista on jo kansiossa {folder} ({names}). Rastita ”Korvaa "
              "aiemmat tiedostot”, jos haluat korvata ne, tai valitse toinen kansio.",
    },
    "widget.export.failed": {"en": "Nothing was written: {reason}", "fi": "Mitään ei kirjoitettu: {reason}"},
    "widget.export.done": {"en": "{count} files written to {folder}",
                           "fi": "{count} tiedostoa kirjoitettu kansioon {folder}"},
    "widget.export.done.one": {"en": "1 file written to {folder}", "fi": "1 tiedosto kirjoitettu kansioon {folder}"},
    "widget.export.files": {"en": "Exported files", "fi": "Viedyt tiedostot"},
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
    # the journey editor (servicepath.widgets.editor)
    "widget.editor.tab.journey": {"en": "Journey", "fi": "Asiakaspolku"},
    "widget.editor.tab.stages": {"en": "Stages", "fi": "Vaiheet"},
    "widget.editor.tab.touchpoints": {"en": "Touchpoints", "fi": "Kosketuspisteet"},
    "widget.editor.tab.transitions": {"en": "Transitions", "fi": "Siirtymät"},
    "widget.editor.title_fi": {"en": "Title (Finnish)", "fi": "Otsikko suomeksi"},
    "widget.editor.title_en": {"en": "Title (English)", "fi": "Otsikko englanniksi"},
    "widget.editor.persona_fi": {"en": "Persona (Finnish)", "fi": "Persoona suomeksi"},
    "widget.editor.persona_en": {"en": "Persona (English)", "fi": "Persoona englanniksi"},
    "widget.editor.goals": {"en": "Goals", "fi": "Tavoitteet"},
    "widget.editor.goals_hint": {
        "en": "Goals are the touchpoints whose reach tells whether the journey succeeds. "
              "Ctrl-click (⌘-click on a Mac) picks several.",
        "fi": "Tavoitteet ovat ne kosketuspisteet, joihin pääsy kertoo polun onnistumisesta. "
              "Useita voi valita Ctrl-napsautuksella (Macissa ⌘).",
    },
    "widget.editor.stage_list": {"en": "Stages", "fi": "Vaiheet"},
    "widget.editor.new_stage": {"en": "New stage", "fi": "Uusi vaihe"},
    "widget.editor.stage_id": {"en": "Id", "fi": "Tunniste"},
    "widget.editor.name_fi": {"en": "Name (Finnish)", "fi": "Nimi suomeksi"},
    "widget.editor.name_en": {"en": "Name (English)", "fi": "Nimi englanniksi"},
    "widget.editor.add_stage": {"en": "Add stage", "fi": "Lisää vaihe"},
    "widget.editor.rename_stage": {"en": "Rename", "fi": "Nimeä uudelleen"},
    "widget.editor.move_up": {"en": "Move up", "fi": "Siirrä ylös"},
    "widget.editor.move_down": {"en": "Move down", "fi": "Siirrä alas"},
    "widget.editor.stages_hint": {
        "en": "Stages are the columns of the map, left to right in this order. Pick a stage to rename or move it; "
              "a new stage needs a short id (e.g. pay), which stays the same when the stage is renamed.",
        "fi": "Vaiheet ovat kartan sarakkeet vasemmalta oikealle tässä järjestyksessä. "
              "Valitse vaihe nimetäksesi tai siirtääksesi sen; uusi vaihe tarvitsee lyhyen tunnisteen "
              "(esim. maksu), joka säilyy, vaikka vaiheen nimi muuttuu.",
    },
    "widget.editor.touchpoint": {"en": "Touchpoint", "fi": "Kosketuspiste"},
    "widget.editor.new_touchpoint": {"en": "+ new touchpoint", "fi": "+ uusi kosketuspiste"},
    "widget.editor.id": {"en": "Id", "fi": "Tunniste"},
    "widget.editor.stage": {"en": "Stage", "fi": "Vaihe"},
    "widget.editor.lane": {"en": "Lane", "fi": "Kaista"},
    "widget.editor.channel": {"en": "Channel", "fi": "Kanava"},
    "widget.editor.owner": {"en": "Owner", "fi": "Vastuuhenkilö"},
    "widget.editor.emotion": {"en": "Emotion (−3…+3)", "fi": "Tunne (−3…+3)"},
    "widget.editor.no_emotion": {"en": "no emotion recorded", "fi": "tunne kirjaamatta"},
    "widget.editor.critical": {"en": "Moment of truth", "fi": "Totuuden hetki"},
    "widget.editor.tags": {"en": "Tags, comma-separated", "fi": "Tagit pilkuin eroteltuina"},
    "widget.editor.entry_share": {"en": "Share starting here", "fi": "Tästä aloittavien osuus"},
    "widget.editor.final": {"en": "Journey ends here", "fi": "Polku päättyy tähän"},
    "widget.editor.add": {"en": "Add", "fi": "Lisää"},
    "widget.editor.save_changes": {"en": "Save changes", "fi": "Tallenna muutokset"},
    "widget.editor.remove": {"en": "Remove", "fi": "Poista"},
    "widget.editor.problems": {"en": "Problems here", "fi": "Ongelmat tässä"},
    "widget.editor.no_problems_here": {"en": "No problems here.", "fi": "Täällä ei ole ongelmia."},
    "widget.editor.transition_list": {"en": "Transitions", "fi": "Siirtymät"},
    "widget.editor.source": {"en": "From", "fi": "Mistä"},
    "widget.editor.target": {"en": "To", "fi": "Mihin"},
    "widget.editor.share": {"en": "Share going on", "fi": "Jatkavien osuus"},
    "widget.editor.add_update": {"en": "Add / update", "fi": "Lisää / päivitä"},
    "widget.editor.outgoing": {
        "en": "From {name}, {total} of the customers go on along {count} transitions; {left} drop out there.",
        "fi": "Kohdasta {name} jatkaa {total} asiakkaista {count} siirtymää pitkin; {left} poistuu siinä.",
    },
    "widget.editor.did.details": {"en": "title and persona", "fi": "otsikko ja persoona"},
    "widget.editor.did.goals": {"en": "goals", "fi": "tavoitteet"},
    "widget.editor.did.add_stage": {"en": "new stage {id}", "fi": "uusi vaihe {id}"},
    "widget.editor.did.rename_stage": {"en": "name of stage {id}", "fi": "vaiheen {id} nimi"},
    "widget.editor.did.move_stage": {"en": "order of stages", "fi": "vaiheiden järjestys"},
    "widget.editor.did.add_touchpoint": {"en": "new touchpoint {id}", "fi": "uusi kosketuspiste {id}"},
    "widget.editor.did.save_touchpoint": {"en": "changes to touchpoint {id}",
                                          "fi": "muutokset kosketuspisteeseen {id}"},
    "widget.editor.did.remove_touchpoint": {"en": "removal of touchpoint {id}", "fi": "kosketuspisteen {id} poisto"},
    "widget.editor.did.add_transition": {"en": "transition {source} → {target} ({share})",
                                         "fi": "siirtymä {source} → {target} ({share})"},
    "widget.editor.did.remove_transition": {"en": "removal of transition {source} → {target}",
                                            "fi": "siirtymän {source} → {target} poisto"},
    "widget.editor.need.stage": {"en": "choose a stage first (add one on the Stages tab if there are none)",
                                 "fi": "valitse ensin vaihe (lisää vaihe Vaiheet-välilehdellä, jos niitä ei ole)"},
    "widget.editor.need.stage_picked": {"en": "pick a stage in the list first", "fi": "valitse ensin vaihe listasta"},
    "widget.editor.need.touchpoint": {"en": "pick a touchpoint first", "fi": "valitse ensin kosketuspiste"},
    "widget.editor.need.transition": {"en": "choose where the customers come from and where they go",
                                      "fi": "valitse, mistä asiakkaat tulevat ja mihin he menevät"},
    "widget.editor.nothing_changed": {"en": "nothing to save: the form is as the journey has it",
                                      "fi": "ei tallennettavaa: lomake vastaa polkua"},
    # -- customer fitness (asiakaskunto): areas, methods, levels, the scale, ways, interview questions
    "fitness.title": {"en": "Customer fitness", "fi": "Asiakaskunto"},
    # -- the journey as lived: event data
    "lived.widget.min_share": {"en": "hide lines under", "fi": "piilota viivat alle"},
    "lived.widget.view.overlay": {"en": "over the design", "fi": "suunnitelman päällä"},
    "lived.widget.view.network": {"en": "as lived", "fi": "eletty polku"},
    "lived.widget.surprises": {"en": "Biggest surprises: designed against lived",
                               "fi": "Suurimmat yllätykset: suunniteltu ja eletty"},
    "lived.widget.paths": {"en": "Most frequent paths in the data", "fi": "Datan yleisimmät polut"},
    "lived.widget.column.kind": {"en": "finding", "fi": "havainto"},
    "lived.widget.column.designed": {"en": "designed", "fi": "suunniteltu"},
    "lived.widget.column.lived": {"en": "in the data", "fi": "datassa"},
    "lived.widget.column.was": {"en": "designed value", "fi": "suunniteltu arvo"},
    "lived.widget.column.is": {"en": "lived value", "fi": "eletty arvo"},
    "lived.widget.column.share": {"en": "share", "fi": "osuus"},
    "lived.widget.column.cases": {"en": "customers", "fi": "asiakkaita"},
    "lived.widget.column.path": {"en": "path", "fi": "polku"},
    "lived.kind.only_designed": {"en": "only in the design", "fi": "vain suunnitelmassa"},
    "lived.kind.only_lived": {"en": "only in the data", "fi": "vain datassa"},
    "lived.kind.reach": {"en": "customers reaching it", "fi": "tänne tulevat asiakkaat"},
    "lived.kind.drop_out": {"en": "drop-out here", "fi": "keskeyttäneet tässä"},
    "lived.kind.share": {"en": "going on", "fi": "jatkavien osuus"},
    "fitness.area.knowledge": {"en": "Knowledge", "fi": "Tiedot"},
    "fitness.area.skills": {"en": "Skills", "fi": "Taidot"},
    "fitness.area.emotional-tone": {"en": "Emotional tone", "fi": "Tunnetaso"},
    "fitness.method.observe": {"en": "Observe", "fi": "Havainnoi"},
    "fitness.method.test-as-customer": {"en": "Test as a customer", "fi": "Testaa asiakkaana"},
    "fitness.method.ask-customers": {"en": "Ask customers", "fi": "Kysy asiakkailta"},
    "fitness.level.below-good": {"en": "not yet GOOD", "fi": "ei vielä HYVÄ"},
    "fitness.level.good": {"en": "GOOD", "fi": "HYVÄ"},
    "fitness.level.excellent": {"en": "EXCELLENT", "fi": "ERINOMAINEN"},
    "fitness.level.very-best": {"en": "VERY BEST", "fi": "IHAN PARAS"},
    "fitness.level.none": {"en": "no level yet: not every area is answered",
                           "fi": "ei tasoa vielä: kaikkiin osa-alueisiin ei ole vastattu"},
    "fitness.scale.1": {"en": "Strongly disagree", "fi": "Täysin eri mieltä"},
    "fitness.scale.2": {"en": "Somewhat disagree", "fi": "Jokseenkin eri mieltä"},
    "fitness.scale.3": {"en": "Neither agree nor disagree", "fi": "Ei samaa eikä eri mieltä"},
    "fitness.scale.4": {"en": "Somewhat agree", "fi": "Jokseenkin samaa mieltä"},
    "fitness.scale.5": {"en": "Strongly agree", "fi": "Täysin samaa mieltä"},
    "fitness.way.daily-feedback": {"en": "Daily routines with customer feedback",
                                   "fi": "Arjen rutiinit ja asiakaspalaute"},
    "fitness.way.onboarding-workshops": {"en": "Onboarding and customer workshops",
                                         "fi": "Perehdytys ja asiakastyöpajat"},
    "fitness.way.well-being": {"en": "Well-being and atmosphere", "fi": "Hyvinvointi ja työilmapiiri"},
    "fitness.question.got": {"en": "Did you get what you came for?", "fi": "Saitko sen, mitä tulit hakemaan?"},
    "fitness.question.again": {"en": "Will you do business with us again?", "fi": "Asioitko kanssamme uudelleen?"},
    "fitness.question.recommend": {"en": "Would you recommend us to your friends? (0–10)",
                                   "fi": "Suosittelisitko meitä ystävillesi? (0–10)"},
    "fitness.why": {"en": "Why?", "fi": "Miksi?"},
    "fitness.answer.yes": {"en": "yes", "fi": "kyllä"},
    "fitness.answer.partly": {"en": "partly", "fi": "osittain"},
    "fitness.answer.no": {"en": "no", "fi": "ei"},
    "fitness.nps": {"en": "Net Promoter Score (NPS)", "fi": "Suositteluindeksi (NPS)"},
    "fitness.organisation": {"en": "All teams", "fi": "Kaikki tiimit"},
    "fitness.hidden": {"en": "{count} answered so far: a team result is shown once at least {needed} people "
                             "have answered every area.",
                       "fi": "{count} on vastannut: tiimin tulos näytetään, kun vähintään {needed} henkilöä "
                             "on vastannut kaikkiin osa-alueisiin."},
    "fitness.target": {"en": "Target: {level}", "fi": "Tavoite: {level}"},
    # -- fitness: charts
    "fitness.chart.radar.title": {"en": "Customer fitness by area", "fi": "Asiakaskunto osa-alueittain"},
    "fitness.chart.radar.note": {"en": "Mean agreement 1 (strongly disagree) … 5 (strongly agree). The rings are "
                                       "the levels' bars: a level needs every area on or outside its ring.",
                                 "fi": "Keskiarvo 1 (täysin eri mieltä) … 5 (täysin samaa mieltä). Renkaat ovat "
                                       "tasojen rajat: taso vaatii jokaisen osa-alueen renkaalle tai sen "
                                       "ulkopuolelle."},
    "fitness.chart.trend.title": {"en": "Customer fitness round by round", "fi": "Asiakaskunto kierroksittain"},
    "fitness.chart.trend.areas": {"en": "Mean agreement 1…5 in each area; the shaded bands are the levels, and a "
                                        "level needs every area in or above its band.",
                                  "fi": "Osa-alueiden keskiarvot 1…5; taustan vyöhykkeet ovat tasot, ja taso vaatii "
                                        "jokaisen osa-alueen vyöhykkeelleen tai sen yläpuolelle."},
    "fitness.chart.trend.weakest": {"en": "Each team's weakest area (the lowest of knowledge, skills and emotional "
                                          "tone), because a level needs every area at its bar.",
                                    "fi": "Kunkin tiimin heikoin osa-alue (pienin tiedoista, taidoista ja "
                                          "tunnetasosta), koska taso vaatii jokaisen osa-alueen yltävän rajaansa."},
    "fitness.chart.round": {"en": "Round", "fi": "Kierros"},
    "fitness.chart.score": {"en": "Agreement 1–5", "fi": "Samanmielisyys 1–5"},
    "fitness.chart.weakest": {"en": "Weakest area 1–5", "fi": "Heikoin osa-alue 1–5"},
    "fitness.chart.hidden": {"en": "hidden: fewer than {needed} answered",
                             "fi": "piilotettu: alle {needed} vastaajaa"},
    "fitness.chart.team_hidden": {"en": "{team} hidden: fewer than {needed} answered",
                                  "fi": "{team} piilotettu: alle {needed} vastaajaa"},
    "fitness.chart.map.key": {"en": "Team fitness level (latest round):",
                              "fi": "Tiimin asiakaskuntotaso (viimeisin kierros):"},
    "fitness.chart.map.key_round": {"en": "Team fitness level (latest round {round}):",
                                    "fi": "Tiimin asiakaskuntotaso (viimeisin kierros {round}):"},
    "fitness.chart.map.note": {"en": "shown on the cards of the touchpoints a team owns; a team with too few answers "
                                     "is left out",
                               "fi": "näkyy tiimin omistamien kosketuspisteiden korteissa; liian vähän vastanneen "
                                     "tiimin tasoa ei näytetä"},
    "fitness.chart.map.none": {"en": "no team result can be shown yet",
                               "fi": "yhtään tiimin tulosta ei voi vielä näyttää"},
    # -- fitness: widgets
    "fitness.widget.questionnaire": {"en": "Self-assessment", "fi": "Itsearviointi"},
    "fitness.widget.who": {"en": "{person} · team {team} · round {round}",
                           "fi": "{person} · tiimi {team} · kierros {round}"},
    "fitness.widget.no_team": {"en": "none", "fi": "ei tiimiä"},
    "fitness.widget.mode.item": {"en": "One statement at a time", "fi": "Väittämä kerrallaan"},
    "fitness.widget.mode.area": {"en": "A page per area", "fi": "Osa-alue kerrallaan"},
    "fitness.widget.consent": {"en": "Show my own result to my team", "fi": "Näytä oma tulokseni tiimilleni"},
    "fitness.widget.consent_on": {"en": "Your own result is now shown to your team.",
                                  "fi": "Oma tuloksesi näkyy nyt tiimillesi."},
    "fitness.widget.consent_off": {"en": "Your own result is not shown to your team.",
                                   "fi": "Oma tuloksesi ei näy tiimillesi."},
    "fitness.widget.previous": {"en": "Previous", "fi": "Edellinen"},
    "fitness.widget.next": {"en": "Next", "fi": "Seuraava"},
    "fitness.widget.finish": {"en": "Finish", "fi": "Valmis"},
    "fitness.widget.note": {"en": "Note", "fi": "Huomio"},
    "fitness.widget.note_placeholder": {"en": "an example or a thought (optional)",
                                        "fi": "esimerkki tai ajatus (vapaaehtoinen)"},
    "fitness.widget.statement": {"en": "Statement {number} / {count}", "fi": "Väittämä {number} / {count}"},
    "fitness.widget.page": {"en": "Area {number} / {count}", "fi": "Osa-alue {number} / {count}"},
    "fitness.widget.answered": {"en": "answered {count} / {total}", "fi": "vastattu {count} / {total}"},
    "fitness.widget.saved.one": {"en": "Saved 1 answer.", "fi": "Tallennettu 1 vastaus."},
    "fitness.widget.saved.many": {"en": "Saved {count} answers.", "fi": "Tallennettu {count} vastausta."},
    "fitness.widget.nothing_new": {"en": "Nothing new to save.", "fi": "Ei uutta tallennettavaa."},
    "fitness.widget.not_saved": {"en": "Not saved: {reason}", "fi": "Ei tallennettu: {reason}"},
    "fitness.widget.note_needs_value": {"en": "choose a point on the scale, then the note is saved with it",
                                        "fi": "valitse kohta asteikolta, niin huomio tallentuu sen mukana"},
    "fitness.widget.last": {"en": "That was the last one: press Finish.", "fi": "Tämä oli viimeinen: paina Valmis."},
    "fitness.widget.first": {"en": "This is the first one.", "fi": "Tämä on ensimmäinen."},
    "fitness.widget.all_done": {"en": "All {count} statements are answered.",
                                "fi": "Kaikkiin {count} väittämään on vastattu."},
    "fitness.widget.missing": {"en": "Not answered yet ({count}): {items}.",
                               "fi": "Vastaamatta vielä ({count}): {items}."},
    "fitness.widget.no_round": {"en": "There is no assessment round yet: open one first.",
                                "fi": "Arviointikierrosta ei ole vielä: avaa ensin uusi kierros."},
    "fitness.widget.results": {"en": "Results", "fi": "Tulokset"},
    "fitness.widget.refresh": {"en": "Refresh", "fi": "Päivitä"},
    "fitness.widget.own_result": {"en": "Your own result · {person} · round {round}",
                                  "fi": "Oma tulos · {person} · kierros {round}"},
    "fitness.widget.no_answers": {"en": "{person} has not answered in round {round} yet.",
                                  "fi": "{person} ei ole vielä vastannut kierroksella {round}."},
    "fitness.widget.level": {"en": "Level: {level}", "fi": "Taso: {level}"},
    "fitness.widget.team_result": {"en": "Team result · {team} · round {round}",
                                   "fi": "Tiimin tulos · {team} · kierros {round}"},
    "fitness.widget.team_heading": {"en": "Team result · {team}", "fi": "Tiimin tulos · {team}"},
    "fitness.widget.area": {"en": "Area", "fi": "Osa-alue"},
    "fitness.widget.score": {"en": "Score (1–5)", "fi": "Pisteet (1–5)"},
    "fitness.widget.gap": {"en": "Still {gap} points to go, in {area}.",
                           "fi": "Tavoitteeseen on vielä {gap} pistettä: {area}."},
    "fitness.widget.reached": {"en": "The target is reached.", "fi": "Tavoite on saavutettu."},
    "fitness.widget.trend": {"en": "Round by round · {team}", "fi": "Kierros kierrokselta · {team}"},
    "fitness.widget.actions": {"en": "Ideas for the weakest area: {area}", "fi": "Ideoita heikoimmalle osa-alueelle: "
                                                                                "{area}"},
    "fitness.widget.own_actions": {"en": "Ideas for your own weakest area: {area}",
                                   "fi": "Ideoita omalle heikoimmalle osa-alueellesi: {area}"},
    "fitness.widget.shared": {"en": "Own results shared with the team", "fi": "Tiimille jaetut omat tulokset"},
    "fitness.withheld": {"en": "{count} chose to show their own result, but it is not shown yet: beside the "
                                      "team's mean it would give away the answers of the one or two who keep theirs "
                                      "private.",
                                "fi": "{count} on valinnut näyttää oman tuloksensa, mutta sitä ei vielä näytetä: "
                                      "tiimin keskiarvon rinnalla se paljastaisi niiden yhden tai kahden vastaukset, "
                                      "jotka pitävät omansa itsellään."},
    "fitness.widget.person": {"en": "Person", "fi": "Henkilö"},
    "fitness.widget.level_column": {"en": "Level", "fi": "Taso"},
    "fitness.widget.round": {"en": "Round", "fi": "Kierros"},
    "fitness.widget.interviews": {"en": "Customer interviews", "fi": "Asiakashaastattelut"},
    "fitness.widget.interview_count": {"en": "Interviews", "fi": "Haastatteluja"},
    "fitness.widget.no_interviews": {"en": "No customer interviews yet.", "fi": "Asiakashaastatteluja ei ole vielä."},
    "fitness.widget.nps_counts": {"en": "{promoters} promoters, {passives} passives, {detractors} detractors",
                                  "fi": "{promoters} suosittelijaa, {passives} passiivista, {detractors} arvostelijaa"},
    "fitness.widget.interview": {"en": "Customer interview", "fi": "Asiakashaastattelu"},
    "fitness.widget.team": {"en": "Team", "fi": "Tiimi"},
    "fitness.widget.touchpoint": {"en": "Touchpoint", "fi": "Kosketuspiste"},
    "fitness.widget.touchpoint_placeholder": {"en": "where the customer was asked (optional)",
                                              "fi": "missä asiakkaalta kysyttiin (vapaaehtoinen)"},
    "fitness.widget.why_placeholder": {"en": "in the customer's own words", "fi": "asiakkaan omin sanoin"},
    "fitness.widget.save_interview": {"en": "Save interview", "fi": "Tallenna haastattelu"},
    "fitness.widget.interview_saved": {"en": "Interview saved ({team}, round {round}); {count} in this round now.",
                                       "fi": "Haastattelu tallennettu ({team}, kierros {round}); kierroksella nyt "
                                             "{count}."},
    "fitness.widget.interview_empty": {"en": "Nothing to save: answer at least one of the three questions.",
                                       "fi": "Ei tallennettavaa: vastaa ainakin yhteen kolmesta kysymyksestä."},
    # -- fitness: command line and reports
    "fitness.report.title": {"en": "Customer fitness: {team}", "fi": "Asiakaskunto: {team}"},
    "fitness.report.summary": {"en": "Summary", "fi": "Yhteenveto"},
    "fitness.report.round": {"en": "Round", "fi": "Kierros"},
    "fitness.report.round_value": {"en": "{round} (opened {opened})", "fi": "{round} (avattu {opened})"},
    "fitness.report.respondents": {"en": "Answered every area", "fi": "Vastasi kaikkiin osa-alueisiin"},
    "fitness.report.level": {"en": "Level", "fi": "Taso"},
    "fitness.report.target": {"en": "Target level", "fi": "Tavoitetaso"},
    "fitness.report.gap": {"en": "Gap to the target", "fi": "Matka tavoitteeseen"},
    "fitness.report.reached": {"en": "reached", "fi": "saavutettu"},
    "fitness.report.weakest": {"en": "Weakest area", "fi": "Heikoin osa-alue"},
    "fitness.report.areas": {"en": "Areas", "fi": "Osa-alueet"},
    "fitness.report.area": {"en": "Area", "fi": "Osa-alue"},
    "fitness.report.score": {"en": "Score (1–5)", "fi": "Pisteet (1–5)"},
    "fitness.report.trend": {"en": "Round by round", "fi": "Kierros kierrokselta"},
    "fitness.report.actions": {"en": "Development actions for the weakest area",
                               "fi": "Kehitystoimenpiteet heikoimmalle osa-alueelle"},
    "fitness.report.no_actions": {"en": "Actions are suggested once the team's result is shown.",
                                  "fi": "Toimenpiteitä ehdotetaan, kun tiimin tulos on näkyvissä."},
    "fitness.report.interviews": {"en": "Customer interviews, round {round}",
                                  "fi": "Asiakashaastattelut, kierros {round}"},
    "fitness.report.interview_count": {"en": "Interviews", "fi": "Haastatteluja"},
    "fitness.report.nps_value": {"en": "{score} ({count} answered)", "fi": "{score} ({count} vastasi)"},
    "fitness.report.no_answers": {"en": "Nobody has answered yet.", "fi": "Kukaan ei ole vielä vastannut."},
    "fitness.report.no_radar": {"en": "No radar chart: the result is hidden to protect people's answers.",
                                "fi": "Tutkakaaviota ei piirretty: tulos on piilossa vastaajien suojaksi."},
    "fitness.report.radar": {"en": "Area scores", "fi": "Osa-alueiden pisteet"},
    "fitness.report.trend_picture": {"en": "Results round by round", "fi": "Tulokset kierroksittain"},
    "fitness.cli.written": {"en": "wrote {count} files to {folder}:", "fi": "kirjoitettiin {count} tiedostoa "
                                                                             "kansioon {folder}:"},
    "fitness.cli.imported": {"en": "imported {answers} answers of {people} people and {interviews} customer "
                                   "interviews from {file} into round {round}",
                             "fi": "tuotiin {answers} vastausta {people} henkilöltä ja {interviews} "
                                   "asiakashaastattelua tiedostosta {file} kierrokselle {round}"},
    # -- workshop: kits and printed materials
    "kit.minutes": {"en": "{minutes} min", "fi": "{minutes} min"},
    "kit.people": {"en": "{low}–{high} people per group", "fi": "{low}–{high} henkeä ryhmässä"},
    "kit.people_exact": {"en": "{count} people per group", "fi": "{count} henkeä ryhmässä"},
    "kit.journey": {"en": "Starting journey", "fi": "Lähtöpolku"},
    "kit.journey.empty": {"en": "a new journey of your own", "fi": "uusi, oma asiakaspolku"},
    "kit.goal": {"en": "Goal", "fi": "Tavoite"},
    "kit.duration": {"en": "Duration", "fi": "Kesto"},
    "kit.group_size": {"en": "Group size", "fi": "Ryhmän koko"},
    "kit.agenda": {"en": "Agenda", "fi": "Ohjelma"},
    "kit.roles": {"en": "Roles", "fi": "Roolit"},
    "kit.questions": {"en": "Questions to discuss", "fi": "Keskustelukysymykset"},
    "kit.notebook": {"en": "Notebook", "fi": "Työkirja"},
    "kit.guide": {"en": "Facilitator guide", "fi": "Fasilitaattorin opas"},
    "print.agenda.title": {"en": "Agenda", "fi": "Ohjelma"},
    "print.canvas.title": {"en": "Journey canvas", "fi": "Asiakaspolkupohja"},
    "print.scoring.title": {"en": "Scoring sheet", "fi": "Arviointilomake"},
    "print.cheatsheet.title": {"en": "Facilitator cheat sheet", "fi": "Fasilitaattorin muistilista"},
    "print.group": {"en": "Group {number}", "fi": "Ryhmä {number}"},
    "print.agenda.column.start": {"en": "Start", "fi": "Alkaa"},
    "print.agenda.column.minutes": {"en": "Min", "fi": "Min"},
    "print.agenda.column.step": {"en": "Step", "fi": "Vaihe"},
    "print.agenda.column.what": {"en": "What the groups do", "fi": "Mitä ryhmät tekevät"},
    "print.agenda.column.notebook": {"en": "Notebook", "fi": "Työkirja"},
    "print.agenda.end": {"en": "End", "fi": "Loppu"},
    "print.canvas.hint": {"en": "One touchpoint per sticky note, in its stage and lane; arrows show where customers go "
                                "next. Draw the customer's emotion in the band at the bottom.",
                          "fi": "Yksi kosketuspiste lappua kohden, oman vaiheensa ja kaistansa kohdalle; nuolet "
                                "näyttävät, minne asiakkaat jatkavat. Piirrä asiakkaan tunne alareunan kaistaan."},
    "print.canvas.stage": {"en": "Stage {number}", "fi": "Vaihe {number}"},
    "print.scoring.stage": {"en": "Stage", "fi": "Vaihe"},
    "print.scoring.arvo": {"en": "A.R.V.O. scoring", "fi": "A.R.V.O.-pisteytys"},
    "print.scoring.touchpoint": {"en": "Touchpoint", "fi": "Kosketuspiste"},
    "print.scoring.rater": {"en": "Rater", "fi": "Arvioija"},
    "print.scoring.instructions": {"en": "Tick one score from 0 (weak) to 4 (strong) for each principle. Score "
                                         "alone first, as things are now, then compare within the group.",
                                   "fi": "Rastita jokaiselle periaatteelle yksi pistemäärä 0 (heikko) … 4 "
                                         "(vahva). Pisteytä ensin yksin ja nykytilan mukaan, vertaa sitten "
                                         "ryhmässä."},
    "print.scoring.rubric": {"en": "The levels in short", "fi": "Tasot lyhyesti"},
    "print.rubric.A": {"en": "0 nobody has gone through it as a customer · 2 walked through, the worst snags "
                             "removed · 4 easy and fast, the small things right, returning customers recognised",
                       "fi": "0 kukaan ei ole kulkenut kohtaa asiakkaana · 2 kuljettu läpi, pahimmat "
                             "hankaluudet poistettu · 4 helppo ja nopea, pikkuasiat kunnossa, palaava asiakas "
                             "tunnistetaan"},
    "print.rubric.R": {"en": "0 one script for everyone, feedback unanswered · 2 feedback asked for and answered "
                             "within days · 4 adapts on the spot, a personal answer within a day",
                       "fi": "0 sama kaava kaikille, palautteeseen ei vastata · 2 palautetta pyydetään ja "
                             "siihen vastataan päivissä · 4 mukautuu heti, henkilökohtainen vastaus vuorokaudessa"},
    "print.rubric.V": {"en": "0 questions wait for days, silence after the sale · 2 answers in the agreed time and "
                             "channel · 4 never waiting without knowing why, keeps in touch after the sale",
                       "fi": "0 kysymykset odottavat päiviä, kaupan jälkeen hiljaista · 2 vastaus sovitussa "
                             "ajassa ja kanavassa · 4 kukaan ei odota tietämättä miksi, yhteys jatkuu kaupan "
                             "jälkeen"},
    "print.rubric.O": {"en": "0 a stranger every time, promises not kept · 2 promises kept, the customer "
                             "recognised · 4 tailored, every promise kept, a little more than expected",
                       "fi": "0 vieras joka kerta, lupaukset eivät pidä · 2 lupaukset pidetään, asiakas "
                             "tunnistetaan · 4 räätälöity, jokainen lupaus pidetään, vähän enemmän kuin "
                             "odotettiin"},
    "print.fitness.title": {"en": "Customer fitness self-assessment", "fi": "Asiakaskunnon itsearviointi"},
    "print.fitness.name": {"en": "Name or nickname", "fi": "Nimi tai nimimerkki"},
    "print.fitness.team": {"en": "Team", "fi": "Tiimi"},
    "print.fitness.instructions": {"en": "Tick one box per statement: 1 = {low} … 5 = {high}. Answer as things "
                                         "are now, not as they should be.",
                                   "fi": "Rastita yksi ruutu väittämää kohden: 1 = {low} … 5 = {high}. Vastaa "
                                         "nykytilan mukaan, ei sen, miten asioiden pitäisi olla."},
    "print.fitness.interview": {"en": "Ask customers", "fi": "Kysy asiakkailta"},
    "print.fitness.interview_hint": {"en": "Put the three questions to a customer and ask “Why?” after each.",
                                     "fi": "Esitä asiakkaalle kolme kysymystä ja kysy jokaisen perään ”Miksi?”."},
    "print.check.yes": {"en": "yes", "fi": "kyllä"},
    "print.check.partly": {"en": "partly", "fi": "osittain"},
    "print.check.no": {"en": "no", "fi": "ei"},
    "print.aftercare.title": {"en": "Aftercare checklist", "fi": "Jälkihoidon tarkistuslista"},
    "print.aftercare.instructions": {"en": "For each practice and step: does it happen on our journey? Tick one "
                                           "box and write where (the touchpoint) or what is missing.",
                                     "fi": "Tapahtuuko käytäntö tai askel meidän polullamme? Rastita yksi ruutu "
                                           "ja kirjoita, missä kosketuspisteessä — tai mitä puuttuu."},
    "print.aftercare.practices": {"en": "The ten aftercare practices", "fi": "Kymmenen jälkihoidon käytäntöä"},
    "print.aftercare.recovery": {"en": "Service recovery in five steps", "fi": "Palvelun korjaaminen viidessä "
                                                                              "askeleessa"},
    "print.aftercare.where": {"en": "Where on our journey?", "fi": "Missä polullamme?"},
    "print.cheatsheet.subtitle": {"en": "{minutes} minutes, step by step", "fi": "{minutes} minuuttia vaihe "
                                                                                 "vaiheelta"},
    "print.cheatsheet.timings": {"en": "Timings", "fi": "Aikataulu"},
    "print.cheatsheet.questions": {"en": "Questions to ask", "fi": "Kysy ryhmiltä"},
    "print.cheatsheet.ideas": {"en": "Key ideas", "fi": "Keskeiset ajatukset"},
    "print.idea.01_map_the_journey": {
        "en": "A journey is a network, not a line: customers branch, loop back (complaint → fix → follow-up), drop "
              "out and come back. Fill every lane, including what the customer does not see.",
        "fi": "Asiakaspolku on verkko eikä suora viiva: asiakkaat haarautuvat, palaavat (reklamaatio → korjaus → "
              "seuranta), jäävät pois ja tulevat takaisin. Täyttäkää kaikki kaistat, myös se, mitä asiakas ei näe."},
    "print.idea.02_score_with_arvo": {
        "en": "A.R.V.O.: A think customer-first, R react, V communicate, O show, each 0–4 per touchpoint. Score "
              "alone first; a disagreement means people saw different customers or situations.",
        "fi": "A.R.V.O.: A ajattele asiakaslähtöisesti, R reagoi, V viesti, O osoita, kukin 0–4 kosketuspistettä "
              "kohden. Pisteytä ensin yksin; erimielisyys kertoo, että on nähty eri asiakkaita tai tilanteita."},
    "print.idea.03_payment_moment": {
        "en": "The payment moment comes right after a happy decision and is often neglected. The customer wants "
              "it easy and fast, and a confirmation of a good choice; the emotion curve often drops here.",
        "fi": "Maksamisen hetki tulee heti iloisen ostopäätöksen jälkeen ja jää usein vähälle huomiolle. Asiakas "
              "haluaa sen helpoksi ja nopeaksi sekä vahvistuksen hyvästä valinnasta; tunnekäyrä notkahtaa usein "
              "juuri tässä."},
    "print.idea.04_aftercare_checkup": {
        "en": "Experience goes on after the sale. Ten aftercare practices; service recovery in five steps: assure "
              "→ listen → confirm → fix → follow up 1–2 weeks later.",
        "fi": "Kokemus jatkuu kaupan jälkeen. Kymmenen jälkihoidon käytäntöä; palvelun korjaaminen viidessä "
              "askeleessa: vakuuta → kuuntele → vahvista → korjaa → seuraa 1–2 viikon päästä."},
    "print.idea.05_plan_improvements": {
        "en": "Dot voting first, then improvements with an owner, a due date and a metric. Quick wins (high impact, "
              "low effort) first; leave the money pits.",
        "fi": "Ensin pisteäänestys, sitten kehitystoimenpiteet, joilla on vastuuhenkilö, määräpäivä ja mittari. "
              "Nopeat voitot (suuri vaikutus, pieni työ) ensin; rahanreiät kannattaa jättää."},
    "print.idea.07_customer_fitness": {
        "en": "Customer fitness: knowledge · skills · emotional tone; observe · test as a customer · ask customers. "
              "Levels GOOD · EXCELLENT · VERY BEST, set by the weakest area; a higher target commits more.",
        "fi": "Asiakaskunto: tiedot · taidot · tunnetaso; havainnoi · testaa asiakkaana · kysy asiakkailta. Tasot "
              "HYVÄ · ERINOMAINEN · IHAN PARAS määräytyvät heikoimman osa-alueen mukaan; korkeampi tavoite "
              "sitouttaa enemmän."},
    "print.idea.08_facilitator": {
        "en": "Compare the groups side by side: where they agree and where they do not. The merged result takes "
              "the median score across the groups and pools the pain points and votes.",
        "fi": "Vertaa ryhmiä rinnakkain: missä ne ovat samaa mieltä ja missä eri mieltä. Yhdistetty tulos ottaa "
              "pisteistä ryhmien mediaanin ja kokoaa kipupisteet ja äänet yhteen."},
    # -- workshop: sessions, merging and the facilitator's view
    "facilitator.merged.group_folder": {
        "en": "{name!r} is a group's own folder: give another name, such as merged",
        "fi": "{name!r} on ryhmän oma kansio: anna jokin toinen nimi, esimerkiksi merged",
    },
    "session.changed_elsewhere": {
        "en": "group {group}: another notebook had saved the group's journey; its newer version ({version}) is "
              "shown now",
        "fi": "ryhmä {group}: toinen muistikirja oli tallentanut ryhmän asiakaspolun; sen uudempi versio "
              "({version}) näkyy nyt",
    },
    "session.conflict": {
        "en": "group {group}: someone else saved the group's journey first. Your change was not lost: it is kept "
              "in the session as conflict {conflict}. The newer journey is shown now — please make your change "
              "again.",
        "fi": "ryhmä {group}: joku muu tallensi ryhmän asiakaspolun ensin. Muutoksesi ei kadonnut: se on "
              "tallessa istunnossa ristiriitana {conflict}. Nyt näkyy uudempi asiakaspolku – tee muutoksesi "
              "uudelleen.",
    },
    "session.saved": {"en": "saved in the session (group {group}, version {version})",
                      "fi": "tallennettu istuntoon (ryhmä {group}, versio {version})"},
    "session.exported": {"en": "copy saved to {name}; group {group}'s work is still saved in the session",
                         "fi": "kopio tallennettu tiedostoon {name}; ryhmän {group} työ tallentuu edelleen "
                               "istuntoon"},
    # merging the groups' journeys, the facilitator's view and the group notebooks (facilitator.*, merge.*)
    "merge.pain_note": {"en": "Pain point “{text}”: {count} of {total} groups ({groups})",
                        "fi": "Kipupiste ”{text}”: {count}/{total} ryhmää ({groups})"},
    "facilitator.lang": {"en": "Language", "fi": "Kieli"},
    "facilitator.refresh": {"en": "Refresh", "fi": "Päivitä"},
    "facilitator.read_at": {"en": "read at {time}", "fi": "luettu klo {time}"},
    "facilitator.group": {"en": "Group", "fi": "Ryhmä"},
    "facilitator.tab.timer": {"en": "Agenda and timer", "fi": "Ohjelma ja ajastin"},
    "facilitator.tab.progress": {"en": "Progress", "fi": "Eteneminen"},
    "facilitator.tab.maps": {"en": "Maps side by side", "fi": "Kartat rinnakkain"},
    "facilitator.tab.heatmaps": {"en": "A.R.V.O. side by side", "fi": "A.R.V.O. rinnakkain"},
    "facilitator.tab.merged": {"en": "Merged result", "fi": "Yhdistetty tulos"},
    "facilitator.view.title": {"en": "{kit} · session {folder} · {groups}",
                               "fi": "{kit} · istunto {folder} · {groups}"},
    "facilitator.groups": {"en": "{count} groups", "fi": "{count} ryhmää"},
    "facilitator.timer.step": {"en": "Step {number} of {count}", "fi": "Vaihe {number}/{count}"},
    "facilitator.timer.minutes": {"en": "{minutes} min", "fi": "{minutes} min"},
    "facilitator.timer.left": {"en": "left", "fi": "jäljellä"},
    "facilitator.timer.over": {"en": "over time", "fi": "yli ajan"},
    "facilitator.timer.running": {"en": "running", "fi": "käynnissä"},
    "facilitator.timer.paused": {"en": "paused", "fi": "pysäytetty"},
    "facilitator.timer.what": {"en": "What the groups do", "fi": "Mitä ryhmät tekevät"},
    "facilitator.timer.notebook": {"en": "Notebook: {notebook}", "fi": "Muistikirja: {notebook}"},
    "facilitator.timer.no_notebook": {"en": "No notebook: this step happens on paper or in discussion.",
                                      "fi": "Ei muistikirjaa: tämä vaihe tehdään paperilla tai keskustellen."},
    "facilitator.timer.agenda": {"en": "Agenda · {minutes} min in all", "fi": "Ohjelma · yhteensä {minutes} min"},
    "facilitator.timer.start": {"en": "Start", "fi": "Käynnistä"},
    "facilitator.timer.pause": {"en": "Pause", "fi": "Pysäytä"},
    "facilitator.timer.next": {"en": "Next step", "fi": "Seuraava vaihe"},
    "facilitator.timer.previous": {"en": "Previous step", "fi": "Edellinen vaihe"},
    "facilitator.timer.no_steps": {"en": "The kit has no agenda steps.", "fi": "Työpajapaketissa ei ole ohjelmaa."},
    "facilitator.progress.title": {"en": "Groups' progress", "fi": "Ryhmien eteneminen"},
    "facilitator.progress.version": {"en": "Saves", "fi": "Tallennuksia"},
    "facilitator.progress.saved_at": {"en": "Last saved", "fi": "Tallennettu viimeksi"},
    "facilitator.progress.not_saved": {"en": "not yet", "fi": "ei vielä"},
    "facilitator.progress.touchpoints": {"en": "Touchpoints", "fi": "Kosketuspisteitä"},
    "facilitator.progress.scored": {"en": "Fully scored", "fi": "Pisteytetty kokonaan"},
    "facilitator.progress.pain_points": {"en": "Pain points", "fi": "Kipupisteitä"},
    "facilitator.progress.improvements": {"en": "Improvements", "fi": "Kehitystoimenpiteitä"},
    "facilitator.progress.votes": {"en": "Dots given", "fi": "Annettuja ääniä"},
    "facilitator.progress.note": {
        "en": "Fully scored: the share of touchpoints with all four A.R.V.O. principles scored. Saves count every "
              "change a group has saved.",
        "fi": "Pisteytetty kokonaan: niiden kosketuspisteiden osuus, joilla kaikki neljä A.R.V.O.-periaatetta on "
              "pisteytetty. Tallennuksiin lasketaan jokainen ryhmän tallentama muutos.",
    },
    "facilitator.compare.picture": {"en": "Picture", "fi": "Kuva"},
    "facilitator.compare.map": {"en": "Journey maps", "fi": "Asiakaspolkukartat"},
    "facilitator.compare.heatmap": {"en": "A.R.V.O. heatmaps", "fi": "A.R.V.O.-lämpökartat"},
    "facilitator.agreement.title": {"en": "Where the groups agree and disagree",
                                    "fi": "Missä ryhmät ovat samaa ja missä eri mieltä"},
    "facilitator.agreement.note": {
        "en": "{disagree} of {total} scores differ between the groups by {limit} points or more (shaded): talk "
              "those through first. Median and spread are across the groups.",
        "fi": "{disagree}/{total} pisteestä eroaa ryhmien välillä {limit} pistettä tai enemmän (korostettu): "
              "keskustelkaa niistä ensin. Mediaani ja vaihteluväli lasketaan ryhmien välillä.",
    },
    "facilitator.agreement.none": {"en": "No group has scored a touchpoint yet.",
                                   "fi": "Yksikään ryhmä ei ole vielä pisteyttänyt kosketuspisteitä."},
    "facilitator.agreement.more": {"en": "… and {count} more rows where the groups agree",
                                   "fi": "… ja {count} riviä lisää, joissa ryhmät ovat samaa mieltä"},
    "facilitator.column.touchpoint": {"en": "Touchpoint", "fi": "Kosketuspiste"},
    "facilitator.column.principle": {"en": "Principle", "fi": "Periaate"},
    "facilitator.column.groups": {"en": "Groups", "fi": "Ryhmiä"},
    "facilitator.column.median": {"en": "Median", "fi": "Mediaani"},
    "facilitator.column.spread": {"en": "Spread", "fi": "Vaihteluväli"},
    "facilitator.column.scores": {"en": "Each group's score", "fi": "Ryhmien pisteet"},
    "facilitator.column.agree": {"en": "Groups", "fi": "Ryhmät"},
    "facilitator.agree": {"en": "agree", "fi": "samaa mieltä"},
    "facilitator.disagree": {"en": "disagree", "fi": "eri mieltä"},
    "facilitator.column.pain_point": {"en": "Pain point", "fi": "Kipupiste"},
    "facilitator.column.severity": {"en": "Severity", "fi": "Vakavuus"},
    "facilitator.column.frequency": {"en": "Frequency", "fi": "Yleisyys"},
    "facilitator.column.named_by": {"en": "Named by", "fi": "Ryhmät"},
    "facilitator.column.improvement": {"en": "Improvement", "fi": "Kehitystoimenpide"},
    "facilitator.column.dots": {"en": "Dots", "fi": "Ääniä"},
    "facilitator.column.voters": {"en": "Voters", "fi": "Äänestäjiä"},
    "facilitator.merged.summary": {
        "en": "{groups} groups merged into {touchpoints} touchpoints; {by_name} were matched by name and stage.",
        "fi": "{groups} ryhmän työ yhdistettiin {touchpoints} kosketuspisteeksi; {by_name} niistä "
              "tunnistettiin nimen ja vaiheen perusteella.",
    },
    "facilitator.merged.pain_points": {"en": "Pain points of all groups", "fi": "Kaikkien ryhmien kipupisteet"},
    "facilitator.merged.improvements": {"en": "Improvements of all groups, with their dots",
                                        "fi": "Kaikkien ryhmien kehitystoimenpiteet ja niiden äänet"},
    "facilitator.merged.no_pain_points": {"en": "No pain points yet.", "fi": "Ei vielä kipupisteitä."},
    "facilitator.merged.no_improvements": {"en": "No improvements yet.", "fi": "Ei vielä kehitystoimenpiteitä."},
    "facilitator.merged.folder": {"en": "Folder", "fi": "Kansio"},
    "facilitator.merged.export": {"en": "Export the merged result", "fi": "Vie yhdistetty tulos"},
    "facilitator.merged.exported": {"en": "wrote {count} files to {folder}",
                                    "fi": "kirjoitettiin {count} tiedostoa kansioon {folder}"},
    "facilitator.merged.bad_folder": {
        "en": "{name!r} is not a folder name: give a plain name such as merged (it is made inside the session "
              "folder)",
        "fi": "{name!r} ei kelpaa kansion nimeksi: anna pelkkä nimi, esimerkiksi merged (kansio tehdään "
              "istuntokansion sisään)",
    },
    "facilitator.merged.failed": {"en": "not exported: {reason}", "fi": "ei viety: {reason}"},
    "facilitator.notebook.title": {"en": "Group {group} · {kit}", "fi": "Ryhmä {group} · {kit}"},
    "facilitator.notebook.intro": {
        "en": "This is group {group}'s notebook in the workshop “{kit}”. Goal: {goal} Everything the group does is "
              "saved at once in the session's database, where the facilitator sees every group's work and merges "
              "it into one result. If someone else in the group saved first, nothing is lost: you see the newer "
              "version and make your change again. Run all cells (*Run → Run All Cells*).",
        "fi": "Tämä on ryhmän {group} muistikirja työpajassa ”{kit}”. Tavoite: {goal} Kaikki, mitä ryhmä tekee, "
              "tallentuu heti istunnon tietokantaan, josta fasilitaattori näkee kaikkien ryhmien työn ja yhdistää "
              "sen yhdeksi tulokseksi. Jos joku toinen ryhmässä ehti tallentaa ensin, mitään ei katoa: näette "
              "uudemman version ja teette muutoksen uudelleen. Suorittakaa kaikki solut (*Run → Run All Cells*).",
    },
    "facilitator.notebook.agenda": {"en": "Agenda", "fi": "Ohjelma"},
    "facilitator.notebook.step": {"en": "{number}. {title} ({minutes} min)", "fi": "{number}. {title} ({minutes} min)"},
    "facilitator.notebook.parameters": {"en": "the session, the group and the language",
                                        "fi": "Istunto, ryhmä ja kieli"},
    "facilitator.notebook.language": {"en": "the language", "fi": "Kieli"},
    "facilitator.notebook.language_text": {
        "en": "The language switch changes the words of every form, table and picture below.",
        "fi": "Kielivalinta vaihtaa kaikkien alla olevien lomakkeiden, taulukoiden ja kuvien tekstit.",
    },
    "facilitator.notebook.map": {"en": "the group's map", "fi": "Ryhmän kartta"},
    "facilitator.notebook.map_text": {
        "en": "The group's journey as it is now; the picture redraws after every change.",
        "fi": "Ryhmän asiakaspolku sellaisena kuin se on nyt; kuva piirtyy uudelleen jokaisen muutoksen jälkeen.",
    },
    "facilitator.notebook.person": {"en": "your name or pseudonym", "fi": "Oma nimi tai nimimerkki"},
    "facilitator.notebook.no_person": {
        "en": "Write your name or pseudonym after PERSON above and run the cell to answer the questionnaire.",
        "fi": "Kirjoita nimesi tai nimimerkkisi yllä PERSON-kohtaan ja suorita solu, niin pääset vastaamaan.",
    },
    "facilitator.notebook.fitness_text": {
        "en": "Everyone answers for themselves: write your name or pseudonym after PERSON and run the cell. The "
              "answers are saved in servicepath.db in the session folder; the group's result shows only when "
              "enough people have answered.",
        "fi": "Jokainen vastaa itse: kirjoittakaa oma nimi tai nimimerkki PERSON-kohtaan ja suorittakaa solu. "
              "Vastaukset tallentuvat istuntokansion tiedostoon servicepath.db; ryhmän tulos näkyy vasta, kun "
              "riittävän moni on vastannut.",
    },
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


# -- numbers as people read them in Finnish or English text ---------------------------------
def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number_text(value, lang: str = "en", digits: int = 1) -> str:
    """``value`` with ``digits`` decimals (a decimal comma in Finnish); ``–`` when missing.

    Examples
    --------
    >>> number_text(2.25, "fi"), number_text(float("nan")), number_text(3, digits=0)
    ('2,2', '–', '3')
    """
    if _missing(value):
        return "–"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "fi" else text


def percent_text(share, lang: str = "en") -> str:
    """A share 0…1 as a percentage: whole percents from 10 % up, one decimal below.

    Examples
    --------
    >>> percent_text(0.55), percent_text(0.055, "fi"), percent_text(1.0, "fi"), percent_text(0.08)
    ('55%', '5,5 %', '100 %', '8%')
    """
    if _missing(share):
        return "–"
    percent = share * 100
    text = number_text(percent, lang, 0 if round(percent, 1) >= 10 else 1)
    if text[-2:] in (".0", ",0"):  # "8%", not "8.0%"
        text = text[:-2]
    return f"{text} %" if lang == "fi" else f"{text}%"
