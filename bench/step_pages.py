"""Time the step pages of a realistic session against a bare Django view.

Run from the project root: ``make bench`` or ``.venv/bin/python bench/step_pages.py``.
Works on SQLite (default) and on PostgreSQL (``DATABASE_URL=postgres://…``); either way it
creates a throwaway test database, fills it with one session of 40 arguments and 12
stakeholders, and destroys it afterwards. See bench/README.md for how to read the output.
"""

import os
import platform
import statistics
import sys
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# --- the session ---------------------------------------------------------------------------

CORE_VALUES = [
    ("Openheid", "We laten zien wat we doen en waarom, ook als het ons niet goed uitkomt."),
    ("Betrouwbaarheid", "We doen wat we zeggen en komen afspraken na."),
    ("Verbinding", "We werken samen met inwoners, ondernemers en andere overheden."),
    ("Moed", "We maken keuzes en leggen ze uit, ook als ze onwelgevallig zijn."),
    ("Zorgvuldigheid", "We wegen alle belangen en nemen de tijd die een besluit vraagt."),
]

PEOPLE = [
    # username, first name, last name, unit
    ("fatima", "Fatima", "de Vries", "Integriteit en juridische zaken"),
    ("mila", "Mila", "Jansen", "Vergunningverlening"),
    ("bas", "Bas", "Bakker", "Ruimtelijke ordening"),
    ("noor", "Noor", "El Amrani", "Communicatie en participatie"),
    ("pieter", "Pieter", "Visser", "Toezicht en handhaving"),
    ("lotte", "Lotte", "Smit", "Duurzaamheid"),
]

STAKEHOLDERS = [
    # name, kind, rights, interests, expectations
    (
        "Omwonenden Dijkweg en Zeedijk-Noord",
        "burgers",
        "Recht op een gezonde leefomgeving en op een zorgvuldige belangenafweging. Zij kunnen "
        "zienswijzen indienen en in beroep gaan.",
        "Geen geluidshinder of slagschaduw in huis en tuin, en behoud van de waarde van hun "
        "woning. Een aantal van hen werkt thuis of heeft jonge kinderen.",
        "Dat de gemeente hun zorgen serieus neemt, het onafhankelijke geluidsonderzoek afwacht "
        "en uitlegt waarom ze tot haar besluit komt.",
    ),
    (
        "Bewonersvereniging Polderzicht",
        "burgers",
        "Belanghebbende als vereniging met een statutair doel; zij kan namens haar leden "
        "bezwaar maken.",
        "Behoud van het open polderlandschap en een eerlijke verdeling van lasten over de wijken "
        "van Aadorp.",
        "Een echte stem in het proces in plaats van informatieavonden die de initiatiefnemer "
        "zelf organiseert.",
    ),
    (
        "Leden van Energiecoöperatie Aadorp",
        "burgers",
        "Geen bijzondere rechten, wel het recht om als inwoner gelijk behandeld te worden.",
        "Betaalbare, lokaal opgewekte stroom en een rendement op hun inleg; zevenhonderd "
        "huishoudens hebben samen ruim een miljoen euro ingelegd.",
        "Dat de gemeente haar eigen klimaatbeleid waarmaakt en burgerinitiatieven steunt.",
    ),
    (
        "Bewoners van zorgcomplex De Dijkhof",
        "burgers",
        "Recht op bescherming van hun gezondheid; veel bewoners kunnen niet verhuizen.",
        "Rust, nachtrust in het bijzonder, en een veilige omgeving om naar buiten te gaan.",
        "Dat iemand namens hen spreekt, omdat zij zelf niet naar inspraakavonden kunnen komen.",
    ),
    (
        "Windkracht Aadorp BV (initiatiefnemer)",
        "bedrijf",
        "Recht op een besluit binnen de wettelijke termijn en op een vergunning als de aanvraag "
        "aan alle regels voldoet.",
        "Een rendabel windpark en zekerheid over de netaansluiting die tot eind volgend jaar "
        "is gereserveerd.",
        "Dat de gemeente zich houdt aan de eerdere toezeggingen over de aangepaste locatie.",
    ),
    (
        "Agrariërs langs de Zeedijk",
        "bedrijf",
        "Eigenaren van de grond waarop drie van de vier turbines komen.",
        "Een grondvergoeding die hun bedrijf de komende jaren financieel overeind houdt.",
        "Duidelijkheid op korte termijn, zodat ze hun bedrijfsplan kunnen afronden.",
    ),
    (
        "Vergunningverleners team Omgeving",
        "medewerkers",
        "Recht op werkbare opdrachten en op bescherming tegen politieke druk.",
        "Een besluit dat juridisch houdbaar is en dat ze kunnen uitleggen aan aanvrager en "
        "bezwaarmakers.",
        "Dat het bestuur de afweging maakt en die niet bij de ambtenaren neerlegt.",
    ),
    (
        "Toezichthouders en handhavers",
        "medewerkers",
        "Recht op voldoende capaciteit om hun taak uit te voeren.",
        "Voorwaarden die ze daadwerkelijk kunnen controleren, zoals stilstand bij vogeltrek.",
        "Dat de vergunning geen beloften bevat die in de praktijk niemand kan handhaven.",
    ),
    (
        "College van burgemeester en wethouders",
        "bestuur",
        "Bevoegd gezag voor de omgevingsvergunning.",
        "Het klimaatakkoord halen zonder het vertrouwen van de inwoners te verspelen.",
        "Een advies dat beide kanten eerlijk weegt en dat standhoudt bij de rechter.",
    ),
    (
        "Gemeenteraad",
        "bestuur",
        "Controleert het college en heeft de kaders gesteld in de omgevingsvisie.",
        "Dat de raadsbesluiten over duurzame energie en over participatie allebei worden "
        "nageleefd.",
        "Tijdige en volledige informatie, zodat de raad het college kan controleren.",
    ),
    (
        "Waterschap Aa en Dijk",
        "organisatie",
        "Beheerder van de primaire waterkering; zonder watervergunning mag er niet gebouwd worden.",
        "Een dijk die veilig blijft, ook bij het funderen en bij de kabels naar het onderstation.",
        "Dat de gemeente zijn voorwaarden overneemt en niets besluit dat de keur doorkruist.",
    ),
    (
        "Vogelwerkgroep Aadorp e.o.",
        "anders",
        "Kan als belangenorganisatie zienswijzen indienen en beroep instellen.",
        "Bescherming van de trekroute van ganzen en steltlopers langs de dijk.",
        "Een tweede ecologisch onderzoek in een jaar met normale trek voordat er wordt besloten.",
    ),
]

ARGUMENTS = {
    "X": [
        (
            "B",
            "De aanvraag voldoet aan het bestemmingsplan en aan alle normen voor geluid en "
            "slagschaduw; wie aan de regels voldoet, mag erop rekenen dat de gemeente de "
            "vergunning ook verleent.",
        ),
        (
            "B",
            "Gelijke gevallen gelijk behandelen: vorig jaar kreeg een vergelijkbaar initiatief in "
            "de Oosterpolder wel een vergunning, en de initiatiefnemer hier mag niet slechter "
            "worden behandeld.",
        ),
        (
            "B",
            "De gemeenteraad heeft in het klimaatakkoord beloofd dat Aadorp in 2030 de helft van "
            "zijn stroom zelf duurzaam opwekt. Betrouwbaar bestuur betekent dat we die belofte "
            "ook waarmaken als het schuurt.",
        ),
        (
            "B",
            "De energiecoöperatie heeft drie jaar lang met bewoners gesproken en biedt iedereen "
            "in de gemeente een aandeel aan; dat is precies de participatie waar het bestuur zelf "
            "om heeft gevraagd.",
        ),
        (
            "B",
            "Toekomstige generaties hebben recht op een leefbaar klimaat. Een gemeente die de "
            "ruimte heeft om duurzame energie op te wekken en die niet benut, schuift de rekening "
            "door naar wie nu nog geen stem heeft.",
        ),
        (
            "B",
            "De initiatiefnemer heeft op ons verzoek het plan twee keer aangepast en de turbines "
            "verder van de woningen gezet. Na die toezeggingen alsnog weigeren is geen behoorlijke "
            "omgang met iemand die te goeder trouw handelde.",
        ),
        (
            "B",
            "Openheid vraagt dat we besluiten op de gronden die we vooraf hebben genoemd; wie nu "
            "nieuwe eisen verzint omdat de weerstand toeneemt, maakt de regels achteraf passend "
            "bij de uitkomst.",
        ),
        (
            "B",
            "De leden van de coöperatie zijn ook inwoners van Aadorp. Hun belang bij betaalbare, "
            "lokaal opgewekte stroom verdient hetzelfde gewicht als het belang van de omwonenden "
            "die bezwaar maken.",
        ),
        (
            "B",
            "Het waterschap heeft na eigen onderzoek verklaard dat de funderingen de stabiliteit "
            "van de dijk niet aantasten, mits het kabeltracé wordt aangepast. Die voorwaarde "
            "kunnen we in de vergunning opnemen.",
        ),
        (
            "B",
            "Zorgvuldigheid betekent ook dat een aanvrager binnen de wettelijke termijn een "
            "besluit krijgt. De termijn is al twee keer verlengd; nog langer wachten is weigeren "
            "zonder het zo te noemen.",
        ),
        (
            "G",
            "De turbines leveren stroom voor ongeveer achtduizend huishoudens en verminderen de "
            "uitstoot met zo'n twaalfduizend ton CO2 per jaar, meer dan alle andere maatregelen "
            "uit het gemeentelijke klimaatplan samen.",
        ),
        (
            "G",
            "Het gebiedsfonds levert jaarlijks ruim honderdduizend euro op voor de dorpshuizen, "
            "de sportvereniging en de isolatie van huurwoningen in Zeedijk-Noord, precies de "
            "buurt die de meeste hinder ondervindt.",
        ),
        (
            "G",
            "Bij een weigering gaat de initiatiefnemer vrijwel zeker in beroep. De kans dat de "
            "rechter de weigering vernietigt is groot, en dan verliezen we tijd, geld en het "
            "vertrouwen van alle partijen tegelijk.",
        ),
        (
            "G",
            "De bouw levert tijdelijk werk op voor lokale aannemers en twee vaste "
            "onderhoudsbanen; de agrariërs langs de dijk krijgen een grondvergoeding die hun "
            "bedrijf de komende jaren helpt.",
        ),
        (
            "G",
            "Als Aadorp dit project weigert, schuift de regionale energiestrategie de opgave door "
            "naar de buurgemeenten, die dan in kortere tijd en met minder draagvlak turbines "
            "moeten plaatsen.",
        ),
        (
            "G",
            "De netbeheerder heeft capaciteit gereserveerd tot eind volgend jaar; vervalt die "
            "reservering, dan kan in dit deel van de provincie tien jaar lang geen nieuw duurzaam "
            "project worden aangesloten.",
        ),
        (
            "G",
            "De coöperatie kan haar leden pas een rendement uitkeren als het park draait; een "
            "weigering kost de zevenhonderd leden hun inleg en maakt burgerinitiatieven in de "
            "regio voorlopig onhaalbaar.",
        ),
        (
            "S",
            "De provincie heeft de locatie toch al aangewezen in de omgevingsvisie, dus "
            "eigenlijk ligt de beslissing niet bij ons en kunnen we er maar beter snel vanaf zijn.",
        ),
        (
            "S",
            "Iedereen weet dat de bezwaarmakers ook tegen de zonneweide waren; wat we ook "
            "besluiten, zij maken altijd bezwaar, dus hun argumenten hoeven we niet zo zwaar te "
            "wegen.",
        ),
        (
            "S",
            "De wethouder heeft het project vorig jaar al aangekondigd op de nieuwjaarsreceptie, "
            "en terugkomen op zo'n aankondiging staat gewoon slecht voor het college.",
        ),
    ],
    "Y": [
        (
            "B",
            "Omwonenden hebben recht op een gezonde leefomgeving. De geluidsnormen zijn "
            "jaargemiddelden; bij noordoostenwind komen de woningen aan de Dijkweg ruim boven "
            "wat de GGD als gezond aanmerkt.",
        ),
        (
            "B",
            "De participatie was onvoldoende: de bewonersavonden werden georganiseerd door de "
            "initiatiefnemer, vragen over gezondheid werden doorverwezen, en Polderzicht hoorde "
            "pas uit de krant van het plan.",
        ),
        (
            "B",
            "Behoorlijke contacten met burgers betekenen dat we hun bezwaren serieus behandelen. "
            "Zolang het onafhankelijke geluidsonderzoek waar de raad om vroeg niet klaar is, "
            "hebben we niet echt geluisterd.",
        ),
        (
            "B",
            "Rechtvaardigheid vraagt dat de lasten niet steeds bij dezelfde groep terechtkomen. "
            "Zeedijk-Noord kreeg al de rondweg en de mestverwerker; nu ook de turbines belast de "
            "buurt opnieuw het zwaarst.",
        ),
        (
            "B",
            "De veiligheid van de dijk gaat boven alles. Zolang het waterschap zijn advies alleen "
            "geeft onder voorwaarden die nog niet zijn uitgewerkt, mogen we geen onomkeerbare "
            "vergunning verlenen.",
        ),
        (
            "B",
            "Het landschap van de dijk is een gedeeld erfgoed dat niet alleen van deze generatie "
            "is. Turbines van tweehonderd meter veranderen het open karakter van de polder voor "
            "minstens dertig jaar.",
        ),
        (
            "B",
            "De trekvogels die in het najaar langs de dijk trekken, zijn beschermd. De "
            "ecologische toets is gedaan in een jaar met weinig trek; integer bestuur wacht het "
            "tweede onderzoek af.",
        ),
        (
            "B",
            "Een deel van de raad heeft toegezegd dat er geen turbines komen binnen een kilometer "
            "van woningen. Ook al is dat geen formele regel, burgers mogen erop vertrouwen dat het "
            "bestuur woord houdt.",
        ),
        (
            "B",
            "Openheid en integriteit vragen dat we laten zien dat het belang van de gemeente als "
            "aandeelhouder van het netbedrijf geen rol speelt. Zolang die schijn bestaat, is "
            "weigeren de zuiverste keuze.",
        ),
        (
            "B",
            "Kwetsbare bewoners, zoals de ouderen in De Dijkhof, kunnen niet verhuizen. Hun "
            "belang weegt zwaarder dan het belang van beleggers die hun geld ook elders kunnen "
            "investeren.",
        ),
        (
            "G",
            "Een verleende vergunning voor dertig jaar is nauwelijks terug te draaien; blijkt de "
            "hinder later groter, dan zijn omwonenden jarenlang de dupe en blijven hun huizen "
            "moeilijk verkoopbaar.",
        ),
        (
            "G",
            "Makelaars verwachten dat de woningen binnen achthonderd meter tien tot vijftien "
            "procent in waarde dalen. Planschadeclaims kunnen de gemeente meer kosten dan het "
            "gebiedsfonds ooit oplevert.",
        ),
        (
            "G",
            "Het vertrouwen van de bewoners in de gemeente is al laag na de rondweg. Verlenen "
            "tegen hun zin vergroot de kans dat ze zich ook bij de warmtetransitie niet meer laten "
            "betrekken.",
        ),
        (
            "G",
            "Recreatie langs de dijk, vooral fietsers en de camping bij het gemaal, levert de "
            "horeca jaarlijks inkomsten op. De ondernemers verwachten minder bezoekers als het "
            "uitzicht verandert.",
        ),
        (
            "G",
            "Een heroverwogen plan op een locatie verder van de woningen kan binnen twee jaar "
            "opnieuw worden ingediend en dan op meer steun rekenen, zodat de uitvoering "
            "uiteindelijk soepeler verloopt.",
        ),
        (
            "G",
            "Als de gemeente nu verleent en het waterschap later alsnog bezwaar maakt, ontstaat "
            "een conflict tussen twee overheden dat inwoners niet begrijpen en dat de uitvoering "
            "jaren kan ophouden.",
        ),
        (
            "G",
            "De handhavers geven aan dat ze de voorwaarden over stilstand bij vogeltrek en "
            "slagschaduw met de huidige bezetting niet kunnen controleren; de bescherming blijft "
            "dan op papier staan.",
        ),
        (
            "S",
            "Bij de vorige verkiezingen zei de grootste partij tegen windmolens te zijn, en het "
            "is niet verstandig om een jaar voor de volgende verkiezingen iets anders te doen.",
        ),
        (
            "S",
            "De vergunningverleners hebben al zoveel werk liggen dat een weigering eenvoudiger "
            "is; dan hoeven we niet al die voorwaarden uit te werken en de handhaving te regelen.",
        ),
        (
            "S",
            "In andere gemeenten zijn windprojecten ook uitgesteld, dus niemand zal het ons "
            "kwalijk nemen als we even afwachten hoe het elders afloopt.",
        ),
    ],
}

RULES = [
    ("Omgevingswet, artikel 5.1: omgevingsvergunning voor een omgevingsplanactiviteit", "ja"),
    ("Omgevingsplan gemeente Aadorp, regels voor het buitengebied", "ja"),
    (
        "Besluit activiteiten leefomgeving: normen voor geluid en slagschaduw van windturbines",
        "twijfel",
    ),
    ("Soortenbescherming onder de Omgevingswet (trekvogels langs de dijk)", "twijfel"),
    ("Keur van Waterschap Aa en Dijk: bouwen in de beschermingszone van de waterkering", "ja"),
    ("Participatiebeleid gemeente Aadorp 2022", "nee"),
]

FACTS = [
    ("De aanvraag betreft vier turbines met een tiphoogte van 200 meter.", "Aanvraag, bijlage 1"),
    (
        "De dichtstbijzijnde woning staat op 640 meter van de turbine op de Zeedijk.",
        "Situatietekening",
    ),
    (
        "Het berekende jaargemiddelde geluid aan de gevel is 45 dB Lden, onder de norm van 47 dB.",
        "Akoestisch rapport Windkracht Aadorp",
    ),
    (
        "Bij noordoostenwind ligt het etmaalgeluid aan de Dijkweg naar schatting 4 dB hoger.",
        "Contra-expertise bewonersvereniging",
    ),
    (
        "De turbines leveren ongeveer 50 GWh per jaar, genoeg voor 8.000 huishoudens.",
        "Aanvraag, energieopbrengst",
    ),
    (
        "Zevenhonderd huishoudens zijn lid van de coöperatie; samen legden zij 1,1 miljoen "
        "euro in.",
        "Jaarverslag Energiecoöperatie Aadorp",
    ),
    ("De netcapaciteit is gereserveerd tot 31 december volgend jaar.", "Brief netbeheerder"),
    (
        "Het waterschap adviseert positief, mits het kabeltracé buiten de kernzone komt.",
        "Advies waterschap",
    ),
    (
        "De ecologische toets is uitgevoerd in een jaar met een derde van de gebruikelijke trek.",
        "Vogelwerkgroep, telgegevens",
    ),
    (
        "Er kwamen 214 zienswijzen binnen, waarvan 187 tegen en 27 voor het plan.",
        "Nota van zienswijzen",
    ),
]

NEEDS = [
    (
        "Wat laat het onafhankelijke geluidsonderzoek zien bij noordoostenwind?",
        "Mila Jansen",
        "open",
        "",
    ),
    (
        "Kan het kabeltracé buiten de kernzone van de dijk worden gelegd?",
        "Bas Bakker",
        "beantwoord",
        "Ja, met een boring onder de dijk door; het waterschap stemt daarmee in.",
    ),
    (
        "Hoeveel planschadeverzoeken zijn er na vergelijkbare projecten ingediend?",
        "Pieter Visser",
        "open",
        "",
    ),
    (
        "Kan de handhaving van stilstand bij vogeltrek automatisch worden gecontroleerd?",
        "Pieter Visser",
        "beantwoord",
        "Ja, met een radarsysteem dat de initiatiefnemer betaalt en dat rapporteert aan de "
        "gemeente.",
    ),
    (
        "Wat hebben de raadsleden precies toegezegd over de afstand tot woningen?",
        "Noor El Amrani",
        "open",
        "",
    ),
]

MEASURES = [
    (
        "Onafhankelijk geluidsonderzoek bij noordoostenwind en bijstelling van de nachtmodus.",
        "Team Omgeving",
        "in_uitvoering",
        0,
    ),
    (
        "Gebiedsfonds met een bewonersraad die zelf over de besteding beslist.",
        "Noor El Amrani",
        "gepland",
        1,
    ),
    (
        "Vrijwillige aankoopregeling voor de woningen binnen 800 meter.",
        "Wethouder Ruimte",
        "gepland",
        0,
    ),
    (
        "Een vast aanspreekpunt voor De Dijkhof en een jaarlijkse rondgang met de bewoners.",
        "Lotte Smit",
        "gepland",
        3,
    ),
    (
        "Radargestuurde stilstand tijdens de vogeltrek, met openbare rapportage.",
        "Pieter Visser",
        "in_uitvoering",
        11,
    ),
    (
        "Extra formatie voor toezicht op de vergunningvoorschriften.",
        "Afdeling Toezicht",
        "gepland",
        7,
    ),
    (
        "Evaluatie van het participatieproces met de bewonersvereniging.",
        "Noor El Amrani",
        "gereed",
        1,
    ),
    (
        "Landschappelijke inpassing met een nieuwe bomenrij langs de Dijkweg.",
        "Bas Bakker",
        "vervallen",
        0,
    ),
]

OBJECTIONS = [
    # step, author index (None: anonymous), text, handling, reason
    (
        1,
        2,
        "Is dit wel een dilemma? De vergunning moet volgens de wet gewoon worden verleend.",
        "terzijde",
        "Er is een regel, maar de toepassing ervan is moreel niet vanzelfsprekend.",
    ),
    (
        2,
        None,
        "De jongeren die straks in Aadorp wonen, ontbreken als belanghebbenden.",
        "meegewogen",
        "Opgenomen bij de argumenten over toekomstige generaties.",
    ),
    (2, 3, "De camping bij het gemaal is ook belanghebbende.", "open", ""),
    (
        3,
        4,
        "Is het college hier eigenaar, of eigenlijk de raad via de omgevingsvisie?",
        "meegewogen",
        "Het college is bevoegd gezag; de raad wordt vooraf geïnformeerd.",
    ),
    (
        4,
        1,
        "Het akoestisch rapport komt van de initiatiefnemer zelf.",
        "meegewogen",
        "Daarom is een onafhankelijk onderzoek als informatiebehoefte opgenomen.",
    ),
    (
        5,
        None,
        "De argumenten voor Y zijn vooral gevolgen die als beginselen zijn verpakt.",
        "open",
        "",
    ),
    (
        5,
        5,
        "Het argument over de verkiezingen is een smoes en hoort niet mee te wegen.",
        "meegewogen",
        "Gemarkeerd als S en niet beslissend.",
    ),
    (
        6,
        2,
        "Het besluit weegt het vertrouwen van de bewoners te licht.",
        "bestuur",
        "Voorgelegd aan het college bij de bespreking van het advies.",
    ),
    (
        7,
        3,
        "De aankoopregeling is te beperkt voor de mensen die het hardst geraakt worden.",
        "open",
        "",
    ),
    (
        8,
        None,
        "Ik sta achter het besluit, maar het voelt niet goed zonder het geluidsonderzoek.",
        "open",
        "",
    ),
]


def build_session():
    """One decided session with everything a real one collects; returns (session, user)."""
    from django.contrib.auth.models import User
    from django.db import transaction
    from django.utils import timezone

    from deliberation.models import (
        ApplicableRule,
        Argument,
        CompensationMeasure,
        ControlAnswer,
        Fact,
        InformationNeed,
        Objection,
        PrincipleTest,
        RJudgement,
        Session,
        Stakeholder,
    )
    from principles.models import CoreValue, Membership, Organisation, Principle, RCriterion

    with transaction.atomic():
        org = Organisation.objects.create(name="Gemeente Aadorp", kind="gemeente")
        values = [
            CoreValue.objects.create(organisation=org, name=name, description=text, position=i)
            for i, (name, text) in enumerate(CORE_VALUES, start=1)
        ]
        users = []
        for i, (username, first, last, unit) in enumerate(PEOPLE):
            # No password: hashing one costs more than the whole fill, and force_login needs none.
            user = User.objects.create_user(username, first_name=first, last_name=last)
            role = "gespreksleider" if i == 0 else "deelnemer"
            Membership.objects.create(user=user, organisation=org, role=role, unit=unit)
            users.append(user)
        facilitator = users[0]
        principles = list(Principle.objects.all())
        criteria = list(RCriterion.objects.all())

        session = Session.objects.create(
            organisation=org,
            title="Windpark langs de Zeedijk",
            facilitator=facilitator,
            created_by=facilitator,
            status=Session.Status.DECIDED,
            problem_statement=(
                "Windkracht Aadorp BV vraagt een omgevingsvergunning voor vier windturbines "
                "langs de Zeedijk. De aanvraag voldoet op papier aan de regels, maar omwonenden, "
                "de bewonersvereniging en de vogelwerkgroep maken bezwaar, en het waterschap "
                "stelt voorwaarden. Tegelijk heeft de raad zich gecommitteerd aan het "
                "klimaatakkoord en rekenen zevenhonderd coöperatieleden op het park.\n\n"
                "De vraag is of de gemeente de vergunning nu verleent, met voorwaarden, of "
                "weigert en het initiatief terugverwijst naar de regionale energiestrategie."
            ),
            option_x="De omgevingsvergunning voor vier windturbines langs de Zeedijk verlenen",
            option_y="De vergunning weigeren en het initiatief terugverwijzen naar de regio",
            signals=["twijfel", "maatschappelijke_signalen", "media"],
            clear_legal_rule=Session.YesNo.NO,
            legal_rule_note=(
                "De Omgevingswet laat het bevoegd gezag ruimte om belangen af te wegen; er is "
                "geen regel die verlenen of weigeren dwingend voorschrijft."
            ),
            owner_name="College van burgemeester en wethouders, portefeuille Ruimte",
            group_owns_problem=Session.YesNo.YES,
            owner_note="De groep adviseert het college; de wethouder neemt het advies mee.",
            facts_sufficient=Session.Sufficiency.PARTLY,
            facts_note=(
                "Het onafhankelijke geluidsonderzoek ontbreekt nog; het besluit bevat daarom "
                "een voorwaarde over de nachtmodus."
            ),
            chosen_option=Session.Option.X,
            reasoning=(
                "We verlenen de vergunning omdat de aanvraag aan de regels voldoet, gelijke "
                "gevallen gelijk moeten worden behandeld en de gemeente haar klimaatbelofte "
                "moet waarmaken. De zorgen van de omwonenden nemen we serieus: het besluit "
                "bevat een nachtmodus, een onafhankelijk geluidsonderzoek en een "
                "aankoopregeling.\n\nWe zien dat de lasten opnieuw bij Zeedijk-Noord liggen. "
                "Daarom krijgt de buurt zelf zeggenschap over het gebiedsfonds."
            ),
            decided_at=timezone.now(),
            compensation_note="De maatregelen worden elk kwartaal met de bewonersraad besproken.",
        )
        session.participants.set(users)

        stakeholders = []
        for i, (name, kind, rights, interests, expectations) in enumerate(STAKEHOLDERS, 1):
            stakeholders.append(
                Stakeholder.objects.create(
                    session=session,
                    position=i,
                    name=name,
                    kind=kind,
                    rights=rights,
                    interests=interests,
                    expectations=expectations,
                )
            )

        decisive_x = {0, 2, 4, 8}  # B arguments on the chosen side
        n = 0
        for side, arguments in ARGUMENTS.items():
            for position, (category, text) in enumerate(arguments, start=1):
                argument = Argument.objects.create(
                    session=session,
                    side=side,
                    position=position,
                    category=category,
                    text=text,
                    stakeholder=None if n % 4 == 3 else stakeholders[n % len(stakeholders)],
                    decisive=side == "X" and position - 1 in decisive_x,
                )
                chosen = [principles[n % 7]] + ([principles[(n + 3) % 7]] if n % 3 == 0 else [])
                argument.principles.set(chosen)
                if n % 4 == 0:
                    argument.r_criteria.set([criteria[n % 3]])
                if n % 2 == 0:
                    argument.core_values.set([values[n % 5]])
                n += 1

        for i, (title, verdict) in enumerate(RULES, start=1):
            ApplicableRule.objects.create(
                session=session,
                position=i,
                title=title,
                verdict=verdict,
                assessment=(
                    "Toepassen is hier juist: de regel beschermt precies de belangen die op het "
                    "spel staan."
                    if verdict == "ja"
                    else "De regel is van toepassing, maar letterlijk toepassen doet hier geen "
                    "recht aan de omwonenden die de lasten dragen."
                ),
            )
        for i, (text, source) in enumerate(FACTS, start=1):
            Fact.objects.create(session=session, position=i, text=text, source=source)
        for i, (question, assignee, status, answer) in enumerate(NEEDS, start=1):
            InformationNeed.objects.create(
                session=session,
                position=i,
                question=question,
                assignee=assignee,
                status=status,
                answer=answer,
            )
        today = date.today()
        for i, (action, owner, status, stakeholder) in enumerate(MEASURES, start=1):
            CompensationMeasure.objects.create(
                session=session,
                position=i,
                action=action,
                owner=owner,
                status=status,
                stakeholder=stakeholders[stakeholder],
                due_date=today + timedelta(days=30 * i),
            )

        for i, criterion in enumerate(criteria):
            RJudgement.objects.create(
                session=session,
                criterion=criterion,
                assessment="onder_spanning" if i == 2 else "houdt_stand",
                note=f"{criterion.name_nl}: toegelicht in de redenering bij het besluit.",
            )
        for i, principle in enumerate(principles):
            PrincipleTest.objects.create(
                session=session,
                principle=principle,
                verdict=["dient", "onder_druk", "niet_aan_de_orde"][i % 3],
                note=f"Getoetst aan {principle.name_nl.lower()}; zie de argumenten bij stap 5.",
            )
        for i, user in enumerate(users):
            ControlAnswer.objects.create(
                session=session,
                participant=user,
                situation=["prettig", "pijnlijk", "onprettig"][i % 3],
                stance=["ja", "ja", "twijfel", "ja", "nee", "ja"][i],
                comment=""
                if i % 2
                else "Uitlegbaar, maar ik had het geluidsonderzoek willen zien.",
            )
        now = timezone.now()
        for step, author, text, handling, reason in OBJECTIONS:
            handled = handling != "open"
            Objection.objects.create(
                session=session,
                step=step,
                text=text,
                author=None if author is None else users[author],
                handling=handling,
                handling_reason=reason,
                handled_by=facilitator if handled else None,
                handled_at=now if handled else None,
            )

    counts = {
        "participants": len(users),
        "core_values": len(values),
        "stakeholders": len(stakeholders),
        "arguments": n,
        "rules": len(RULES),
        "facts": len(FACTS),
        "information_needs": len(NEEDS),
        "measures": len(MEASURES),
        "objections": len(OBJECTIONS),
    }
    return session, facilitator, counts


# --- measuring -----------------------------------------------------------------------------


def ms(ns):
    return ns / 1_000_000


def get(client, url, headers):
    response = client.get(url, **headers)
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}, expected 200")
    return response


def count_queries(client, url, headers):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        get(client, url, headers)
    return len(captured)


def peak_memory(client, url, headers):
    """Peak bytes Python allocates while serving one request (tracemalloc)."""
    get(client, url, headers)  # warm: nothing first-time about the measured request
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        get(client, url, headers)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak


def measure_page(client, name, url, headers, warmup, iterations):
    response = get(client, url, headers)
    size = len(response.content)
    baseline_url = f"/baseline/?bytes={size}"
    baseline_size = len(get(client, baseline_url, {}).content)
    if baseline_size != size:
        raise SystemExit(f"baseline rendered {baseline_size} bytes instead of {size}")
    real, base = [], []
    for i in range(warmup + iterations):
        # Interleaved, and the order flips every round so neither side always goes first.
        order = ((url, headers, real), (baseline_url, {}, base))
        for page_url, page_headers, samples in order if i % 2 == 0 else order[::-1]:
            start = time.perf_counter_ns()
            client.get(page_url, **page_headers)
            elapsed = time.perf_counter_ns() - start
            if i >= warmup:
                samples.append(elapsed)
    real_ms = statistics.median(real) / 1e6
    base_ms = statistics.median(base) / 1e6
    return {
        "page": name,
        "url": url,
        "htmx": bool(headers),
        "bytes": size,
        "queries": count_queries(client, url, headers),
        "baseline_queries": count_queries(client, baseline_url, {}),
        "median_ms": round(real_ms, 3),
        "baseline_median_ms": round(base_ms, 3),
        "ratio": round(real_ms / base_ms, 2),
        "samples_ms": [round(ms(s), 3) for s in real],
        "baseline_samples_ms": [round(ms(s), 3) for s in base],
    }


def database_description(connection):
    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def run(args):
    import django
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    session, facilitator, counts = build_session()
    argument = session.arguments.filter(side="X").order_by("position").first()
    pk = session.pk
    pages = [(f"Step {n}", f"/sessies/{pk}/stap/{n}/", {}) for n in range(1, 8)]
    pages.append(("Control question", f"/sessies/{pk}/controlevraag/", {}))
    pages.append(
        (
            "Step 5 htmx: edit argument",
            f"/sessies/{pk}/arguments/{argument.pk}/",
            {"HTTP_HX_REQUEST": "true"},
        )
    )

    client = Client()
    client.force_login(facilitator)
    results = []
    # Set once for the whole run: switching URLconfs clears Django's URL caches.
    with override_settings(ROOT_URLCONF="bench.baseline_urls"):
        for name, url, headers in pages:
            results.append(measure_page(client, name, url, headers, args.warmup, args.iterations))
            print(f"  measured {name}", file=sys.stderr, flush=True)
        heaviest = max(results, key=lambda r: r["median_ms"])
        headers = {"HTTP_HX_REQUEST": "true"} if heaviest["htmx"] else {}
        memory = {
            "page": heaviest["page"],
            "peak_kb": round(peak_memory(client, heaviest["url"], headers) / 1024, 1),
            "baseline_peak_kb": round(
                peak_memory(client, f"/baseline/?bytes={heaviest['bytes']}", {}) / 1024, 1
            ),
        }
    memory["ratio"] = round(memory["peak_kb"] / memory["baseline_peak_kb"], 2)

    return {
        "backend": connection.vendor,
        "database": database_description(connection),
        "django": django.get_version(),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "debug": settings.DEBUG,
        "warmup": args.warmup,
        "iterations": args.iterations,
        "session": counts,
        "pages": results,
        "median_ratio": round(statistics.median(r["ratio"] for r in results), 2),
        "memory": memory,
    }


def report(result):
    s = result["session"]
    lines = [
        f"Toetssteen step pages vs. a bare Django view: {result['database']}, "
        f"Django {result['django']}, Python {result['python']}, {result['machine']}",
        f"Session: {s['arguments']} arguments, {s['stakeholders']} stakeholders, "
        f"{s['rules']} rules, {s['facts']} facts, {s['information_needs']} information needs, "
        f"{s['measures']} measures, {s['objections']} objections, "
        f"{s['participants']} participants.",
        f"{result['iterations']} measured requests per page and side after {result['warmup']} "
        f"warm-up, real and baseline interleaved; DEBUG={result['debug']}.",
        "",
        f"{'page':<28}{'KB':>7}{'queries':>10}{'real ms':>10}{'base ms':>10}{'ratio':>8}",
        "-" * 73,
    ]
    for r in result["pages"]:
        queries = f"{r['queries']}/{r['baseline_queries']}"
        lines.append(
            f"{r['page']:<28}{r['bytes'] / 1024:>7.1f}{queries:>10}"
            f"{r['median_ms']:>10.2f}{r['baseline_median_ms']:>10.2f}{r['ratio']:>8.2f}"
        )
    ratios = [r["ratio"] for r in result["pages"]]
    m = result["memory"]
    lines += [
        "-" * 73,
        f"Overall median ratio real/baseline: {result['median_ratio']:.2f} "
        f"(range {min(ratios):.2f} to {max(ratios):.2f})",
        f"Peak memory of one request of the slowest page ({m['page']}): "
        f"real {m['peak_kb']:.1f} KB, baseline {m['baseline_peak_kb']:.1f} KB "
        f"(ratio {m['ratio']:.2f})",
        "queries = SQL queries of one request, real/baseline; ms = medians per request.",
    ]
    return "\n".join(lines)


def main():
    sys.path.insert(0, str(ROOT))
    from bench.harness import parse_args, run_benchmark

    args = parse_args(__doc__.split("\n")[0], "requests", iterations=30, warmup=5)
    run_benchmark("step_pages", run, report, args)


if __name__ == "__main__":
    main()
