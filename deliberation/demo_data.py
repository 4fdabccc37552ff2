"""Demo content for ``manage.py load_demo``, written in plain Dutch (B1).

Three organisations with their kernwaarden and people, and fifteen dilemma sessions: four
decided ones waiting to be finalised, one still in progress (steps 1-4), one closed because a
clear legal rule decides it, and nine finalised decision records for the casebook
(moresprudentie): eight of Gemeente Lindeveen and one of Provincie Zuiderland.

For the casebook (issue 4) the demo also has the integrity coordinator's reviews (lessons,
themes, a leidende casus, links between cases), two cases shared anonymised with other
government organisations (one of Lindeveen, one of Zuiderland), an open signal for the unit
Werk en inkomen of Lindeveen (three negative control answers within ninety days) and two
reported dilemmas waiting for triage (one anonymous, one with its sender).

How the pieces refer to each other:
- a person is named by the first part of their username (``"gespreksleider"``, ``"deelnemer2"``);
  the username is ``<prefix>.<organisation slug>``, e.g. ``gespreksleider.lindeveen``;
- principles and the three R's are named by their stable ``code``;
- core values by their name in the organisation's own list;
- a stakeholder has a ``key`` that arguments and compensation measures use;
- dates are relative: a session took place ``days_ago`` days before the command runs, and a
  compensation measure is due ``due_in_days`` after the session; control answers count as
  given on the session's day;
- a session with ``"finalise": True`` is finalised into record version 1 by its facilitator;
  reviews, shares and precedents name cases by their title.
"""

PASSWORD = "Toetssteen-demo-2026"
# The operator of the installation (Django admin), member of no organisation.
OPERATOR = "platformbeheer"

ORGANISATIONS = [
    {
        "slug": "lindeveen",
        "name": "Gemeente Lindeveen",
        "kind": "gemeente",
        "core_values": [
            (
                "Professionaliteit",
                "We kennen ons vak, werken volgens de regels en zien de mens achter elke vraag.",
            ),
            (
                "Openheid",
                "We zijn eerlijk over wat we doen en waarom, en we luisteren naar kritiek.",
            ),
            (
                "Samenwerking",
                (
                    "We werken samen met inwoners, partners en collega's, omdat we het niet alleen "
                    "kunnen."
                ),
            ),
            (
                "Verantwoordelijkheid",
                "We nemen beslissingen en staan ervoor, ook als ze lastig zijn.",
            ),
            (
                "Betrouwbaarheid",
                "Inwoners kunnen erop rekenen dat we onze afspraken en beloften nakomen.",
            ),
        ],
        # (username prefix, role, first name, last name, unit)
        "people": [
            ("gespreksleider", "gespreksleider", "Marieke", "de Vries", "Bestuursondersteuning"),
            ("deelnemer", "deelnemer", "Fatima", "El Amrani", "Ruimtelijke ordening"),
            ("deelnemer2", "deelnemer", "Joost", "van der Meer", "Wijken en participatie"),
            ("integriteitscoordinator", "integriteitscoordinator", "Hans", "Bakker", "Concernstaf"),
            ("manager", "manager", "Ingrid", "Jansen", "Ruimtelijke ordening"),
            ("beheerder", "beheerder", "Ruud", "Visser", "Informatievoorziening"),
            # Colleagues whose dilemmas fill the casebook (moresprudentie).
            ("deelnemer3", "deelnemer", "Sevda", "Yilmaz", "Werk en inkomen"),
            ("deelnemer4", "deelnemer", "Bram", "Hoekstra", "Vergunningen en handhaving"),
            ("deelnemer5", "deelnemer", "Lotte", "Verbeek", "Werk en inkomen"),
        ],
    },
    {
        "slug": "zuiderland",
        "name": "Provincie Zuiderland",
        "kind": "provincie",
        "core_values": [
            (
                "Verantwoordelijkheid & rechtvaardigheid",
                (
                    "We nemen onze taak serieus en zoeken bij elke beslissing een eerlijke "
                    "uitkomst voor iedereen die het raakt."
                ),
            ),
            (
                "Transparantie & betrouwbaarheid",
                "We laten zien hoe we tot een besluit komen en we komen onze afspraken na.",
            ),
            (
                "Eerlijkheid",
                "We zeggen wat we weten en denken, ook als dat niet prettig is om te horen.",
            ),
        ],
        "people": [
            ("gespreksleider", "gespreksleider", "Annelies", "Smit", "Bestuursondersteuning"),
            ("deelnemer", "deelnemer", "Sanne", "Mulder", "Toezicht en handhaving"),
            ("deelnemer2", "deelnemer", "Koen", "Hendriks", "Juridische zaken"),
            (
                "integriteitscoordinator",
                "integriteitscoordinator",
                "Peter",
                "de Graaf",
                "Concernstaf",
            ),
            ("manager", "manager", "Esther", "van Dijk", "Toezicht en handhaving"),
            ("beheerder", "beheerder", "Tom", "Meijer", "Informatievoorziening"),
        ],
    },
    {
        "slug": "belastingdienst",
        "name": "Belastingdienst",
        "kind": "ministerie",
        "core_values": [
            (
                "Zorgvuldigheid",
                (
                    "We werken nauwkeurig en nemen de tijd om de gevolgen voor burgers en "
                    "bedrijven goed te bekijken."
                ),
            ),
            (
                "Betrouwbaarheid",
                "Burgers kunnen rekenen op onze informatie, onze afspraken en onze beslissingen.",
            ),
            (
                "Verantwoordelijkheid",
                "We staan voor ons werk en leggen uit wat we doen, ook als het misgaat.",
            ),
        ],
        "people": [
            ("gespreksleider", "gespreksleider", "Yvonne", "Kok", "Strategie en beleid"),
            ("deelnemer", "deelnemer", "Nadia", "Bouzid", "Uitvoeringstoetsen"),
            ("deelnemer2", "deelnemer", "Mark", "Dekker", "Klantcontact"),
            (
                "integriteitscoordinator",
                "integriteitscoordinator",
                "Erik",
                "Brouwer",
                "Bureau Integriteit",
            ),
            ("manager", "manager", "Judith", "Vos", "Uitvoeringstoetsen"),
            ("beheerder", "beheerder", "Sander", "Peters", "Informatievoorziening"),
        ],
    },
]


WINDMILLS = {
    "organisation": "lindeveen",
    "title": "Windmolens bij Oosterhoek",
    "days_ago": 75,
    "status": "besloten",
    "facilitator": "gespreksleider",
    "created_by": "deelnemer",
    "participants": ["gespreksleider", "deelnemer", "deelnemer2", "manager"],
    # Step 1
    "problem_statement": (
        "De gemeente heeft in de Regionale Energiestrategie (RES) afgesproken dat Lindeveen in "
        "2030 elk jaar 35 gigawattuur stroom opwekt met wind. Ons projectteam moet het college "
        "adviseren over de plek van de windmolens. Het Hoge Veld levert het meeste op: drie "
        "molens, op 650 meter van het dorp Oosterhoek, waar ongeveer 400 mensen wonen. Veel "
        "bewoners van Oosterhoek zijn ongerust over geluid, slagschaduw en hun uitzicht. Zij "
        "voelen zich overvallen. Bedrijventerrein De Kamp ligt verder van woningen, maar daar "
        "passen maar twee molens, en die zijn pas later klaar. Beide plekken zijn goed te "
        "verdedigen, en bij beide doen we iemand tekort."
    ),
    "option_x": (
        "Het college adviseren drie windmolens te plaatsen op het Hoge Veld, op 650 meter van "
        "Oosterhoek."
    ),
    "option_y": (
        "Het college adviseren twee windmolens te plaatsen op bedrijventerrein De Kamp, verder "
        "van woningen, met minder opbrengst en later klaar."
    ),
    "signals": ["maatschappelijke_signalen", "kritische_vragen", "media", "onrustig_gevoel"],
    "clear_legal_rule": "nee",
    "legal_rule_note": (
        "Geen regel schrijft één van de twee plekken voor of verbiedt er een. Er zijn op dit "
        "moment geen landelijke normen voor geluid en slagschaduw van windmolens. De gemeente "
        "moet die zelf vastleggen in het omgevingsplan en onderbouwen met een "
        "milieueffectrapport. De keuze ligt bij het college en de gemeenteraad."
    ),
    # Step 2
    "stakeholders": [
        {
            "key": "oosterhoek",
            "name": "Bewoners van Oosterhoek",
            "kind": "burgers",
            "rights": (
                "Recht op een gezonde leefomgeving. Recht om een zienswijze in te dienen en in "
                "bezwaar en beroep te gaan. Recht om gelijk behandeld te worden met inwoners "
                "van andere dorpen."
            ),
            "interests": (
                "Rust en een goede nachtrust, uitzicht over het open land, de waarde van hun "
                "huis, en een eerlijk deel van de opbrengst."
            ),
            "expectations": (
                "Dat de gemeente hen op tijd en eerlijk betrekt. De wethouder zei vorig jaar "
                "op de informatieavond dat bewoners mee mogen praten over de plek."
            ),
        },
        {
            "key": "inwoners",
            "name": "Inwoners van Lindeveen",
            "kind": "burgers",
            "rights": (
                "Recht op een gemeente die haar afspraken over het klimaat nakomt en zuinig is "
                "met gemeenschapsgeld."
            ),
            "interests": (
                "Schone en betaalbare stroom, een lagere energierekening via de "
                "energiecoöperatie, en een leefbare toekomst voor hun kinderen."
            ),
            "expectations": "Dat de gemeente doet wat zij in de RES heeft beloofd.",
        },
        {
            "key": "cooperatie",
            "name": "Energiecoöperatie Lindeveen Wind",
            "kind": "organisatie",
            "rights": (
                "Recht op een eerlijke en voorspelbare procedure. De coöperatie heeft al "
                "kosten gemaakt voor onderzoek op het Hoge Veld."
            ),
            "interests": (
                "Een project dat zichzelf terugbetaalt, met minstens de helft in handen van "
                "inwoners."
            ),
            "expectations": "Dat de gemeente kiest voor de plek met de meeste opbrengst.",
        },
        {
            "key": "bedrijven",
            "name": "Bedrijven op De Kamp",
            "kind": "bedrijf",
            "rights": "Rechten uit het omgevingsplan om te bouwen en uit te breiden.",
            "interests": (
                "Ruimte om uit te breiden. Een paar bedrijven willen de stroom direct afnemen."
            ),
            "expectations": "Dat windmolens hun uitbreiding niet blokkeren.",
        },
        {
            "key": "bestuur",
            "name": "College en gemeenteraad",
            "kind": "bestuur",
            "rights": "Het college beslist over het advies. De raad stelt het omgevingsplan vast.",
            "interests": (
                "De afspraak uit de RES nakomen en het vertrouwen van de inwoners behouden."
            ),
            "expectations": "Een volledig en eerlijk advies, waarin beide plekken worden gewogen.",
        },
        {
            "key": "provincie",
            "name": "Provincie Zuiderland",
            "kind": "organisatie",
            "rights": (
                "Kan zelf een besluit nemen over windmolens als de gemeenten in de regio hun "
                "afspraken niet halen."
            ),
            "interests": "Dat de regio de doelen uit de RES haalt.",
            "expectations": "Dat Lindeveen op tijd met een plek komt.",
        },
    ],
    # Step 3
    "owner_name": (
        "Het college van burgemeester en wethouders, voorbereid door de wethouder Energie"
    ),
    "group_owns_problem": "nee",
    "referred_to": "College van B en W; daarna de gemeenteraad voor het omgevingsplan",
    "owner_note": (
        "Wij beslissen niet zelf over de plek. Wel zijn wij eigenaar van het advies. Wij "
        "leggen onze hele afweging open aan het college voor, met de argumenten voor beide "
        "plekken. Zo schuiven wij het dilemma niet door zonder eigen oordeel, en leggen we het "
        "ook niet op de lange baan."
    ),
    # Step 4
    "rules": [
        {
            "title": "Regionale Energiestrategie Zuiderland-West: het bod van Lindeveen",
            "verdict": "ja",
            "assessment": (
                "Dit is een afspraak tussen overheden, geen wet. Het is juist om ons eraan te "
                "houden, want de andere gemeenten in de regio rekenen op ons. De afspraak zegt "
                "niet waar de molens moeten komen."
            ),
        },
        {
            "title": (
                "Omgevingswet: uitleggen hoe inwoners zijn betrokken bij een wijziging van het "
                "omgevingsplan"
            ),
            "verdict": "ja",
            "assessment": (
                "De wet vraagt alleen dat wij uitleggen wat we hebben gedaan. Dat is terecht, "
                "maar hier is het minimum niet genoeg: het gesprek met Oosterhoek begon te "
                "laat."
            ),
        },
        {
            "title": "Eigen normen voor geluid en slagschaduw van windmolens in het omgevingsplan",
            "verdict": "twijfel",
            "assessment": (
                "Zolang er geen landelijke normen zijn, stellen wij zelf de norm. Dat geeft "
                "ruimte, maar ook de plicht om die ruimte niet alleen in ons eigen voordeel te "
                "gebruiken. Wij twijfelen of de normen in het concept streng genoeg zijn voor "
                "Oosterhoek."
            ),
        },
        {
            "title": "Participatiebeleid gemeente Lindeveen 2023",
            "verdict": "ja",
            "assessment": (
                "Ons eigen beleid belooft dat inwoners meepraten voordat de keuzes vastliggen. "
                "Dat is hier niet goed gegaan. Het beleid toepassen betekent dat wij de "
                "bewoners nu alsnog echte ruimte geven."
            ),
        },
    ],
    "facts": [
        {
            "text": (
                "Drie molens op het Hoge Veld leveren samen ongeveer 40 gigawattuur per jaar "
                "op. Dat is genoeg voor ongeveer 13.000 huishoudens."
            ),
            "source": "Haalbaarheidsstudie Energiecoöperatie Lindeveen Wind",
        },
        {
            "text": (
                "Op De Kamp passen twee molens, door een gasleiding en een hoogspanningskabel. "
                "Samen leveren zij ongeveer 20 gigawattuur per jaar op."
            ),
            "source": "Verkenning afdeling Ruimtelijke ordening",
        },
        {
            "text": "Het bod van Lindeveen in de RES is 35 gigawattuur per jaar uit wind in 2030.",
            "source": "RES Zuiderland-West 1.0",
        },
        {
            "text": (
                "De dichtstbijzijnde woning in Oosterhoek staat op 650 meter van de geplande "
                "molen. Op De Kamp is de afstand tot de dichtstbijzijnde woning 1.300 meter."
            ),
            "source": "Kaart afdeling Ruimtelijke ordening",
        },
        {
            "text": (
                "Na de eerste informatieavond kwamen 212 reacties uit Oosterhoek binnen. 170 "
                "daarvan waren kritisch."
            ),
            "source": "Verslag informatieavond",
        },
        {
            "text": (
                "De molens op De Kamp zijn op zijn vroegst twee jaar later klaar, omdat eerst "
                "de kabel moet worden verlegd."
            ),
            "source": "Schriftelijke reactie van de netbeheerder",
        },
    ],
    "information_needs": [
        {
            "question": (
                "Hoeveel slagschaduw krijgen de huizen aan de rand van Oosterhoek per jaar, en "
                "helpt een stilstandvoorziening?"
            ),
            "assignee": "Fatima El Amrani, met het adviesbureau",
            "status": "beantwoord",
            "answer": (
                "Zonder maatregel maximaal 14 uur per jaar bij de zes dichtstbijzijnde huizen. "
                "Met een automatische stilstandvoorziening wordt dat bijna nul."
            ),
        },
        {
            "question": "Kunnen bewoners van Oosterhoek financieel meedoen in het project, en hoe?",
            "assignee": "Joost van der Meer",
            "status": "beantwoord",
            "answer": (
                "Ja. De coöperatie kan certificaten van 50 euro uitgeven en een omgevingsfonds "
                "opzetten van 50 cent per megawattuur. Dat past bij de landelijke gedragscode "
                "voor wind op land."
            ),
        },
        {
            "question": (
                "Hoe kijken de bewoners van Oosterhoek naar een kleiner plan, met twee molens "
                "op grotere afstand?"
            ),
            "assignee": "Marieke de Vries",
            "status": "open",
            "answer": "",
        },
    ],
    "facts_sufficient": "deels",
    "facts_note": (
        "De technische feiten zijn bekend. Wat we nog niet weten, is hoe de bewoners van "
        "Oosterhoek naar een kleiner plan kijken. Dat noemen we in het advies als vraag die "
        "het college eerst moet laten uitzoeken."
    ),
    # Step 5
    "arguments": [
        {
            "side": "X",
            "category": "B",
            "text": (
                "De gemeente heeft in de RES een afspraak gemaakt met de regio. Als wij die "
                "niet nakomen, moeten andere gemeenten meer doen. Afspraken nakomen is "
                "betrouwbaar."
            ),
            "principles": ["verantwoording"],
            "core_values": ["Betrouwbaarheid", "Verantwoordelijkheid"],
            "stakeholder": "bestuur",
            "decisive": True,
        },
        {
            "side": "X",
            "category": "G",
            "text": (
                "Drie molens op het Hoge Veld leveren twee keer zoveel stroom op als twee "
                "molens op De Kamp. Zo halen we het bod uit de RES op tijd."
            ),
            "principles": ["doelgerichtheid-doelmatigheid"],
            "stakeholder": "inwoners",
        },
        {
            "side": "X",
            "category": "G",
            "text": (
                "De coöperatie heeft het onderzoek op het Hoge Veld al gedaan. Daardoor kunnen "
                "de molens twee jaar eerder draaien."
            ),
            "principles": ["doelgerichtheid-doelmatigheid"],
            "stakeholder": "cooperatie",
        },
        {
            "side": "X",
            "category": "G",
            "text": (
                "Meer opbrengst betekent meer geld in het omgevingsfonds en meer voordeel voor "
                "alle inwoners die meedoen in de coöperatie."
            ),
            "stakeholder": "inwoners",
        },
        {
            "side": "X",
            "category": "S",
            "text": (
                "Als wij het niet doen, doet de provincie het. Dan hebben we er zelf niets "
                "meer over te zeggen."
            ),
            "stakeholder": "provincie",
        },
        {
            "side": "X",
            "category": "S",
            "text": "Bewoners zijn altijd tegen windmolens, wat je ook doet.",
            "stakeholder": "oosterhoek",
        },
        {
            "side": "Y",
            "category": "B",
            "text": (
                "De bewoners van Oosterhoek hebben recht op een gezonde leefomgeving. Zij "
                "dragen de lasten van de molens, terwijl de hele gemeente profiteert. Dat is "
                "niet eerlijk verdeeld."
            ),
            "r_criteria": ["rechtvaardigheid", "rechtsgelijkheid"],
            "core_values": ["Verantwoordelijkheid"],
            "stakeholder": "oosterhoek",
            "decisive": True,
        },
        {
            "side": "Y",
            "category": "B",
            "text": (
                "De wethouder beloofde dat bewoners mee mogen praten over de plek. Het gesprek "
                "begon pas toen de plek al bijna vastlag. Als wij nu het Hoge Veld adviseren, "
                "breken we die belofte."
            ),
            "principles": ["participatie", "behoorlijke-contacten"],
            "core_values": ["Openheid", "Betrouwbaarheid"],
            "stakeholder": "oosterhoek",
            "decisive": True,
        },
        {
            "side": "Y",
            "category": "G",
            "text": (
                "Bij De Kamp wonen veel minder mensen dicht bij de molens. Er is minder kans "
                "op klachten over geluid en slecht slapen."
            ),
            "stakeholder": "oosterhoek",
        },
        {
            "side": "Y",
            "category": "G",
            "text": (
                "Veel bezwaren en een rechtszaak kunnen het plan op het Hoge Veld jaren "
                "vertragen. Dan is de winst in tijd weg."
            ),
            "principles": ["doelgerichtheid-doelmatigheid"],
            "stakeholder": "bestuur",
        },
        {
            "side": "Y",
            "category": "G",
            "text": (
                "Bedrijven op De Kamp kunnen de stroom direct gebruiken. Dat ontlast het "
                "overvolle stroomnet."
            ),
            "stakeholder": "bedrijven",
        },
        {
            "side": "Y",
            "category": "S",
            "text": "Met De Kamp hebben we geen gedoe met de pers.",
        },
    ],
    # Step 6
    "chosen_option": "derde",
    "third_way": (
        "Twee molens op het Hoge Veld, op de plekken die het verst van Oosterhoek liggen "
        "(minstens 900 meter), met een stilstandvoorziening tegen slagschaduw, financiële "
        "deelname en een omgevingsfonds voor Oosterhoek. Samen leveren zij ongeveer 26 "
        "gigawattuur op. Het tekort op het bod uit de RES vullen we aan met zonnepanelen op de "
        "daken van De Kamp. De bewoners van Oosterhoek denken mee over de precieze plek en de "
        "voorwaarden, voordat het college beslist."
    ),
    "reasoning": (
        "Wij adviseren het college een derde weg. Twee argumenten wegen voor ons het zwaarst, "
        "en het zijn allebei beginselen. Aan de ene kant moeten wij de afspraak uit de RES "
        "nakomen: de regio rekent op ons. Aan de andere kant hebben de bewoners van Oosterhoek "
        "recht op een gezonde leefomgeving, en is hun beloofd dat zij mee mogen praten over de "
        "plek. Drie molens op 650 meter doen de bewoners te veel tekort. Alleen De Kamp haalt "
        "het bod bij lange na niet. Twee molens op grotere afstand, met een eerlijk deel van "
        "de opbrengst voor Oosterhoek, doen recht aan beide beginselen. De smoezen ('de "
        "provincie doet het anders', 'bewoners zijn toch altijd tegen', 'geen gedoe met de "
        "pers') hebben wij bewust niet meegewogen."
    ),
    "r_judgements": {
        "rechtsgelijkheid": (
            "onder_spanning",
            (
                "Oosterhoek krijgt lasten die andere dorpen niet krijgen. Het omgevingsfonds en de "
                "financiële deelname moeten dat verschil eerlijker maken."
            ),
        ),
        "rechtmatigheid": (
            "houdt_stand",
            (
                "Het advies past binnen de wet. De eigen normen voor geluid en slagschaduw moeten "
                "wel met een milieueffectrapport worden onderbouwd."
            ),
        ),
        "rechtvaardigheid": (
            "houdt_stand",
            (
                "Minder molens op grotere afstand en een eerlijk deel van de opbrengst verdelen de "
                "lasten redelijker."
            ),
        ),
    },
    "principle_tests": {
        "openheid-integriteit": (
            "dient",
            "Wij leggen beide plekken en onze hele afweging open aan het college voor.",
        ),
        "participatie": (
            "onder_druk",
            (
                "De bewoners van Oosterhoek zijn laat betrokken. Het advies herstelt dat deels: "
                "zij denken mee over de plek en de voorwaarden, voordat het college beslist."
            ),
        ),
        "behoorlijke-contacten": (
            "dient",
            "Bewoners krijgen een vast aanspreekpunt en een antwoord op elke vraag.",
        ),
        "doelgerichtheid-doelmatigheid": (
            "dient",
            "Met wind en zon samen halen we het bod uit de RES, al is het iets later.",
        ),
        "legitimiteit": ("dient", "College en raad beslissen, op basis van een volledig advies."),
        "zelfreinigend-lerend-vermogen": (
            "dient",
            (
                "Wij leggen vast dat participatie bij volgende projecten begint voordat de plek is "
                "gekozen."
            ),
        ),
        "verantwoording": (
            "dient",
            "Met dit advies kan het college uitleggen waarom het kiest wat het kiest.",
        ),
    },
    # Step 7
    "measures": [
        {
            "stakeholder": "oosterhoek",
            "action": (
                "Een vast aanspreekpunt voor bewoners van Oosterhoek, met elke eerste dinsdag "
                "van de maand een spreekuur in het dorpshuis."
            ),
            "owner": "Fatima El Amrani",
            "due_in_days": 30,
            "status": "gereed",
        },
        {
            "stakeholder": "oosterhoek",
            "action": (
                "Met de coöperatie afspreken: een omgevingsfonds van 50 cent per megawattuur "
                "voor Oosterhoek, beheerd door de bewoners zelf."
            ),
            "owner": "Wethouder Energie, met Energiecoöperatie Lindeveen Wind",
            "due_in_days": 120,
            "status": "in_uitvoering",
        },
        {
            "stakeholder": "oosterhoek",
            "action": (
                "Een stilstandvoorziening tegen slagschaduw als voorwaarde in de vergunning "
                "opnemen."
            ),
            "owner": "Joost van der Meer",
            "due_in_days": 90,
            "status": "gepland",
        },
        {
            "stakeholder": "oosterhoek",
            "action": (
                "In een bewonersbrief uitleggen hoe bewoners een vergoeding kunnen vragen als "
                "hun huis minder waard wordt (nadeelcompensatie)."
            ),
            "owner": "Team Juridische zaken",
            "due_in_days": 60,
            "status": "gepland",
        },
        {
            "stakeholder": "bedrijven",
            "action": (
                "Met de bedrijven op De Kamp bespreken hoe zij zonnepanelen op hun daken "
                "kunnen leggen, met een bijdrage van de gemeente."
            ),
            "owner": "Accountmanager bedrijven",
            "due_in_days": 150,
            "status": "gepland",
        },
    ],
    # Control question: (situation, stance, comment) per participant
    "control_answers": {
        "gespreksleider": (
            "pijnlijk",
            "ja",
            "Het is uit te leggen, maar voor de mensen in Oosterhoek blijft het zwaar.",
        ),
        "deelnemer": (
            "pijnlijk",
            "ja",
            "Ik sta erachter. Wel had ik het gesprek met het dorp veel eerder willen voeren.",
        ),
        "deelnemer2": (
            "onprettig",
            "twijfel",
            (
                "Ik ben bang dat we de zes huizen aan de Veldweg nog te licht wegen. Misschien "
                "moeten we terug naar stap 2."
            ),
        ),
        "manager": ("pijnlijk", "ja", ""),
    },
    # Tegenspraak
    "objections": [
        {
            "step": 2,
            "author": "deelnemer2",
            "text": (
                "We noemen de bewoners van Oosterhoek als één groep. Maar de zes huizen aan de "
                "Veldweg liggen veel dichter bij de molens dan de rest van het dorp. Die horen "
                "apart op de lijst."
            ),
            "handling": "meegewogen",
            "handling_reason": (
                "We hebben de zes huizen apart besproken. De stilstandvoorziening en de uitleg "
                "over nadeelcompensatie zijn vooral voor hen bedoeld."
            ),
        },
        {
            "step": 6,
            "author": "deelnemer",
            "text": (
                "Ik vind dat we het college gewoon De Kamp moeten adviseren. Een derde weg is "
                "een manier om de keuze te ontlopen."
            ),
            "handling": "terzijde",
            "handling_reason": (
                "Besproken. De groep vindt de derde weg geen uitvlucht: hij doet recht aan "
                "beide beginselen en is uit te voeren. Het bezwaar staat in het verslag aan "
                "het college."
            ),
        },
        {
            "step": 4,
            "author": "manager",
            "text": (
                "Het college wil binnen vier weken een advies. Kunnen we de reactie van de "
                "bewoners op een kleiner plan dan wel afwachten?"
            ),
            "handling": "bestuur",
            "handling_reason": (
                "Voorgelegd aan de wethouder Energie. Die besluit of er eerst een extra "
                "bewonersavond komt voordat het college beslist."
            ),
        },
    ],
}


PARTICIPATION = {
    "organisation": "lindeveen",
    "title": "Participatie bij de nieuwe wijk Veldkamp",
    "days_ago": 40,
    "status": "besloten",
    "facilitator": "gespreksleider",
    "created_by": "deelnemer2",
    "participants": [
        "gespreksleider",
        "deelnemer",
        "deelnemer2",
        "manager",
        "integriteitscoordinator",
    ],
    "problem_statement": (
        "De gemeenteraad heeft besloten dat er in Veldkamp 450 woningen komen, waarvan 30 "
        "procent sociale huur. Onze afdeling moet het plan maken voor de participatie van "
        "inwoners. De wethouder wil bewoners alleen laten meepraten over de inrichting: groen, "
        "speelplekken en straatnamen. Dan is het plan op tijd klaar. De bewoners van de "
        "buurwijk De Esch willen ook praten over de toegangsweg, die nu door hun straat loopt, "
        "en over de mix van woningen. Een breder gesprek kost ongeveer drie maanden. Dan kan "
        "de subsidie van het Rijk in gevaar komen. Houden we het gesprek smal, dan voelen "
        "bewoners zich niet serieus genomen."
    ),
    "option_x": (
        "Het gesprek met bewoners beperken tot de inrichting van de wijk, zodat het plan op "
        "tijd klaar is voor de subsidie."
    ),
    "option_y": (
        "Het gesprek verbreden: binnen het besluit van de raad ook de toegangsweg en de mix "
        "van woningen met bewoners bespreken, met drie maanden vertraging."
    ),
    "signals": ["kritische_vragen", "maatschappelijke_signalen", "twijfel"],
    "clear_legal_rule": "nee",
    "legal_rule_note": (
        "De Omgevingswet vraagt dat de gemeente uitlegt hoe zij inwoners heeft betrokken, maar "
        "zegt niet hoe ver dat moet gaan. Het raadsbesluit legt het aantal woningen vast, niet "
        "de toegangsweg of de mix. Geen regel beslist deze keuze voor ons."
    ),
    "stakeholders": [
        {
            "key": "esch",
            "name": "Bewoners van De Esch",
            "kind": "burgers",
            "rights": (
                "Recht om mee te praten volgens het participatiebeleid. Recht op een "
                "zienswijze en op bezwaar en beroep tegen het omgevingsplan."
            ),
            "interests": (
                "Een veilige straat voor hun kinderen, geen bouwverkeer langs de school, en "
                "groen tussen de oude en de nieuwe wijk."
            ),
            "expectations": (
                "Dat de gemeente hun kennis van de buurt gebruikt, en niet alleen vraagt welke "
                "kleur de bankjes krijgen."
            ),
        },
        {
            "key": "woningzoekenden",
            "name": "Woningzoekenden in Lindeveen",
            "kind": "burgers",
            "rights": (
                "De overheid moet zorgen voor voldoende woonruimte (artikel 22 van de Grondwet)."
            ),
            "interests": (
                "Snel een betaalbare woning. Ruim 600 mensen staan ingeschreven; de wachttijd "
                "voor sociale huur is bijna negen jaar."
            ),
            "expectations": "Dat de wijk niet nog verder wordt uitgesteld.",
        },
        {
            "key": "corporatie",
            "name": "Woningcorporatie Thuis in Lindeveen",
            "kind": "organisatie",
            "rights": "Rechten uit de prestatieafspraken met de gemeente.",
            "interests": (
                "Zekerheid over het aantal sociale huurwoningen en over de datum waarop de "
                "bouw begint."
            ),
            "expectations": "Dat de gemeente zich aan de prestatieafspraken houdt.",
        },
        {
            "key": "ontwikkelaar",
            "name": "Projectontwikkelaar Veldkamp BV",
            "kind": "bedrijf",
            "rights": "Rechten uit de overeenkomst met de gemeente over de grond en de planning.",
            "interests": "Geen vertraging, want elke maand kost geld.",
            "expectations": "Dat de afgesproken planning wordt gehaald.",
        },
        {
            "key": "bestuur",
            "name": "Wethouder Wonen en gemeenteraad",
            "kind": "bestuur",
            "rights": (
                "De raad heeft het aantal woningen vastgesteld en stelt later het "
                "omgevingsplan vast."
            ),
            "interests": "Woningen bouwen en het vertrouwen van de inwoners houden.",
            "expectations": (
                "De raad verwacht dat het eigen participatiebeleid wordt toegepast. De "
                "wethouder wil vaart."
            ),
        },
        {
            "key": "medewerkers",
            "name": "Team Wijken en participatie",
            "kind": "medewerkers",
            "rights": "",
            "interests": (
                "Een eerlijk gesprek met bewoners voeren, zonder dat de uitkomst al vastligt."
            ),
            "expectations": "Dat hun advies serieus wordt genomen.",
        },
    ],
    "owner_name": "Ingrid Jansen, afdelingshoofd Ruimtelijke ordening (in mandaat van het college)",
    "group_owns_problem": "ja",
    "owner_note": (
        "Het college heeft het maken van het participatieplan aan onze afdeling overgelaten. "
        "De keuze hoe breed het gesprek is, ligt dus bij ons. Over het aantal woningen beslist "
        "de raad; dat nemen wij niet over. Wij informeren de wethouder vooraf over onze keuze."
    ),
    "rules": [
        {
            "title": (
                "Omgevingswet: uitleggen hoe inwoners zijn betrokken bij een wijziging van het "
                "omgevingsplan"
            ),
            "verdict": "ja",
            "assessment": (
                "De wet vraagt alleen dat wij uitleggen wat we hebben gedaan. Dat minimum is "
                "rechtmatig, maar het is niet genoeg om het vertrouwen van De Esch te winnen."
            ),
        },
        {
            "title": (
                "Raadsbesluit woningbouwprogramma Veldkamp (450 woningen, 30 procent sociale huur)"
            ),
            "verdict": "ja",
            "assessment": (
                "Dit besluit van de raad is de grens. Over het aantal woningen gaat het "
                "gesprek niet. Dat is juist, want de raad is gekozen om die keuze te maken."
            ),
        },
        {
            "title": "Participatiebeleid gemeente Lindeveen 2023",
            "verdict": "ja",
            "assessment": (
                "Het beleid zegt: inwoners praten mee over alles wat nog niet vastligt. De "
                "toegangsweg en de mix van woningen liggen nog niet vast. Het beleid volgen "
                "betekent dus het gesprek verbreden."
            ),
        },
        {
            "title": (
                "Voorwaarden van de rijkssubsidie voor woningbouw (uiterste datum voor de "
                "start van de bouw)"
            ),
            "verdict": "twijfel",
            "assessment": (
                "De regeling eist dat de bouw op tijd begint. Wij twijfelen of drie maanden "
                "vertraging de subsidie echt kost. Dat zoeken we uit."
            ),
        },
    ],
    "facts": [
        {
            "text": (
                "In Lindeveen staan ruim 600 mensen ingeschreven voor een sociale huurwoning. "
                "De gemiddelde wachttijd is 8,7 jaar."
            ),
            "source": "Jaarverslag Thuis in Lindeveen",
        },
        {
            "text": (
                "De rijkssubsidie voor Veldkamp is 3,2 miljoen euro. Die gaat alleen door als "
                "de bouw vóór 1 juli van volgend jaar begint."
            ),
            "source": "Subsidiebeschikking",
        },
        {
            "text": (
                "In het huidige ontwerp loopt de toegangsweg over de Eschweg, langs de basisschool."
            ),
            "source": "Stedenbouwkundig plan, versie 3",
        },
        {
            "text": (
                "Op de bewonersavond kwamen 85 mensen. 60 van hen vroegen om mee te praten "
                "over de toegangsweg."
            ),
            "source": "Verslag bewonersavond De Esch",
        },
        {
            "text": (
                "Een breder gesprek kost ongeveer drie maanden en 40.000 euro extra voor "
                "begeleiding."
            ),
            "source": "Planning team Wijken en participatie",
        },
    ],
    "information_needs": [
        {
            "question": (
                "Kost drie maanden vertraging echt de rijkssubsidie, of is er ruimte in de "
                "startdatum?"
            ),
            "assignee": "Fatima El Amrani",
            "status": "beantwoord",
            "answer": (
                "Met drie maanden vertraging begint de bouw nog net voor 1 juli, maar met "
                "weinig speling. Uitstel aanvragen kan, maar is niet zeker."
            ),
        },
        {
            "question": "Is een tweede toegangsweg via de Kampweg mogelijk?",
            "assignee": "Verkeerskundige, afdeling Openbare ruimte",
            "status": "beantwoord",
            "answer": (
                "Ja, maar die kost ongeveer 600.000 euro extra en loopt over grond van de "
                "provincie."
            ),
        },
    ],
    "facts_sufficient": "ja",
    "facts_note": (
        "De belangrijkste feiten zijn bekend. De ruimte in de planning van de subsidie is "
        "klein, maar ze is er."
    ),
    "arguments": [
        {
            "side": "X",
            "category": "B",
            "text": (
                "Woningzoekenden hebben recht op een overheid die zorgt voor genoeg woningen. "
                "Elke maand vertraging betekent dat gezinnen langer wachten."
            ),
            "principles": ["doelgerichtheid-doelmatigheid"],
            "r_criteria": ["rechtvaardigheid"],
            "core_values": ["Verantwoordelijkheid"],
            "stakeholder": "woningzoekenden",
        },
        {
            "side": "X",
            "category": "B",
            "text": (
                "De raad heeft besloten over de wijk. Wij voeren dat besluit uit, en zetten "
                "het niet via een achterdeur opnieuw ter discussie."
            ),
            "principles": ["legitimiteit"],
            "r_criteria": ["rechtmatigheid"],
            "stakeholder": "bestuur",
        },
        {
            "side": "X",
            "category": "G",
            "text": (
                "Met drie maanden vertraging kan de subsidie van 3,2 miljoen euro vervallen. "
                "Dan komen er misschien minder sociale huurwoningen."
            ),
            "principles": ["doelgerichtheid-doelmatigheid"],
            "stakeholder": "woningzoekenden",
        },
        {
            "side": "X",
            "category": "G",
            "text": (
                "De ontwikkelaar kan de gemeente aanspreken op de vertraging. Dat kost "
                "gemeenschapsgeld."
            ),
            "stakeholder": "ontwikkelaar",
        },
        {
            "side": "X",
            "category": "S",
            "text": (
                "Bewoners willen gewoon geen nieuwe wijk naast de deur. Een breder gesprek "
                "verandert daar niets aan."
            ),
            "stakeholder": "esch",
        },
        {
            "side": "Y",
            "category": "B",
            "text": (
                "Ons eigen participatiebeleid belooft dat inwoners meepraten over alles wat "
                "nog niet vastligt. De toegangsweg ligt niet vast. Houden we het gesprek smal, "
                "dan doen we niet wat we beloofd hebben."
            ),
            "principles": ["participatie", "openheid-integriteit"],
            "core_values": ["Betrouwbaarheid", "Openheid"],
            "stakeholder": "esch",
            "decisive": True,
        },
        {
            "side": "Y",
            "category": "B",
            "text": (
                "Alleen meepraten over de kleur van de bankjes is schijninspraak. Dat schaadt "
                "het vertrouwen in de hele gemeente, niet alleen in De Esch."
            ),
            "principles": ["behoorlijke-contacten", "legitimiteit"],
            "core_values": ["Openheid", "Samenwerking"],
            "stakeholder": "esch",
            "decisive": True,
        },
        {
            "side": "Y",
            "category": "G",
            "text": (
                "Bewoners van De Esch kennen hun straat het best. Zij weten waar de kinderen "
                "naar school lopen. Hun kennis maakt het plan veiliger."
            ),
            "principles": ["participatie"],
            "stakeholder": "esch",
        },
        {
            "side": "Y",
            "category": "G",
            "text": (
                "Als bewoners zich niet gehoord voelen, komen er meer zienswijzen en bezwaren. "
                "Dat kan meer vertraging geven dan drie maanden."
            ),
            "principles": ["doelgerichtheid-doelmatigheid"],
            "stakeholder": "bestuur",
        },
        {
            "side": "Y",
            "category": "S",
            "text": (
                "Als we het gesprek breder maken, kan niemand ons later verwijten dat we niet "
                "geluisterd hebben."
            ),
        },
    ],
    "chosen_option": "Y",
    "reasoning": (
        "Wij kiezen voor het bredere gesprek, binnen het besluit van de raad. Het zwaarst "
        "weegt dat wij onze eigen belofte nakomen: inwoners praten mee over wat nog niet "
        "vastligt. De toegangsweg en de mix van woningen liggen nog niet vast. Een gesprek "
        "over alleen de inrichting zou schijninspraak zijn. Ook het recht van woningzoekenden "
        "op een woning weegt zwaar. Daarom blijft het aantal van 450 woningen staan, beperken "
        "we de vertraging tot drie maanden en vragen we tegelijk uitstel aan voor de subsidie. "
        "Zo komen de woningen er toch."
    ),
    "r_judgements": {
        "rechtsgelijkheid": (
            "houdt_stand",
            (
                "Bewoners van De Esch krijgen dezelfde ruimte om mee te praten als inwoners bij "
                "andere projecten."
            ),
        ),
        "rechtmatigheid": (
            "houdt_stand",
            (
                "Het besluit van de raad blijft de grens. Het bredere gesprek gaat alleen over wat "
                "nog open ligt."
            ),
        ),
        "rechtvaardigheid": (
            "onder_spanning",
            "Woningzoekenden wachten drie maanden langer. Dat is een echte last voor hen.",
        ),
    },
    "principle_tests": {
        "openheid-integriteit": (
            "dient",
            "Wij zeggen vooraf eerlijk waarover bewoners wel en niet meepraten.",
        ),
        "participatie": (
            "dient",
            "Bewoners praten mee over de vragen die er voor hen echt toe doen.",
        ),
        "behoorlijke-contacten": (
            "dient",
            "Bewoners worden serieus genomen en horen wat er met hun inbreng is gedaan.",
        ),
        "doelgerichtheid-doelmatigheid": (
            "onder_druk",
            "Drie maanden vertraging en 40.000 euro extra kosten.",
        ),
        "legitimiteit": (
            "dient",
            "Het besluit van de raad over het aantal woningen blijft overeind.",
        ),
        "zelfreinigend-lerend-vermogen": (
            "dient",
            "Bij volgende projecten leggen we aan het begin vast welke vragen nog open zijn.",
        ),
        "verantwoording": (
            "dient",
            "In het omgevingsplan staat wat er met de inbreng van bewoners is gedaan.",
        ),
    },
    "measures": [
        {
            "stakeholder": "woningzoekenden",
            "action": (
                "Bij het Rijk uitstel aanvragen voor de startdatum van de bouw, zodat de "
                "subsidie niet vervalt."
            ),
            "owner": "Fatima El Amrani",
            "due_in_days": 21,
            "status": "gereed",
        },
        {
            "stakeholder": "woningzoekenden",
            "action": (
                "Met de corporatie afspreken dat de sociale huurwoningen als eerste worden "
                "gebouwd, zodat woningzoekenden zo min mogelijk van de vertraging merken."
            ),
            "owner": "Wethouder Wonen, met Thuis in Lindeveen",
            "due_in_days": 60,
            "status": "in_uitvoering",
        },
        {
            "stakeholder": "ontwikkelaar",
            "action": (
                "Met de ontwikkelaar een nieuwe planning afspreken en de extra kosten eerlijk "
                "verdelen."
            ),
            "owner": "Projectleider Veldkamp",
            "due_in_days": 45,
            "status": "in_uitvoering",
        },
        {
            "stakeholder": "esch",
            "action": (
                "Na elke bewonersavond een verslag sturen, met bij elke inbreng wat ermee is "
                "gedaan."
            ),
            "owner": "Joost van der Meer",
            "due_in_days": 90,
            "status": "gepland",
        },
    ],
    "control_answers": {
        "gespreksleider": ("prettig", "ja", ""),
        "deelnemer": (
            "pijnlijk",
            "ja",
            "Een goed besluit, maar ik denk aan de gezinnen op de wachtlijst.",
        ),
        "deelnemer2": (
            "prettig",
            "ja",
            "Nu kunnen we de bewoners eerlijk vertellen waarover ze meepraten.",
        ),
        "manager": ("pijnlijk", "ja", "Ik neem dit besluit en leg het zelf uit aan de wethouder."),
        "integriteitscoordinator": (
            "pijnlijk",
            "ja",
            "Let erop dat de belofte aan De Esch nu ook echt wordt nagekomen.",
        ),
    },
    "objections": [
        {
            "step": 5,
            "author": "deelnemer",
            "text": (
                "Het argument over woningzoekenden krijgt te weinig aandacht. Er zit niemand "
                "van de wachtlijst aan tafel."
            ),
            "handling": "meegewogen",
            "handling_reason": (
                "Besproken. De corporatie bouwt de sociale huurwoningen als eerste; dat is een "
                "maatregel in stap 7."
            ),
        },
        {
            "step": 3,
            "author": "deelnemer2",
            "text": (
                "De wethouder wil een smal gesprek. Moeten we deze keuze niet aan hem overlaten?"
            ),
            "handling": "terzijde",
            "handling_reason": (
                "Het participatieplan is aan de afdeling overgelaten. De wens van de wethouder "
                "wegen we mee als argument, maar de keuze is aan ons. We informeren hem "
                "vooraf."
            ),
        },
    ],
}


IMPLEMENTATION_TEST = {
    "organisation": "belastingdienst",
    "title": "Uitvoeringstoets heffingskorting voor mantelzorgers per 1 januari",
    "days_ago": 110,
    "status": "besloten",
    "facilitator": "gespreksleider",
    "created_by": "manager",
    "participants": ["gespreksleider", "deelnemer", "deelnemer2", "manager"],
    "problem_statement": (
        "Het kabinet wil per 1 januari een nieuwe heffingskorting voor mantelzorgers invoeren. "
        "Het ministerie vraagt de Belastingdienst om een uitvoeringstoets. Ons team ziet grote "
        "problemen. De Belastingdienst weet niet wie mantelzorger is. Burgers moeten dat zelf "
        "aantonen. En de systemen voor de aangifte van volgend jaar liggen in juni al vast. "
        "Vanuit het ministerie is gevraagd de toets 'positief, met risico's' te maken, omdat "
        "de maatregel in het coalitieakkoord staat. Wij moeten kiezen wat we in de toets "
        "schrijven."
    ),
    "option_x": (
        "In de uitvoeringstoets eerlijk schrijven dat de maatregel per 1 januari niet "
        "uitvoerbaar is, en een start een jaar later adviseren."
    ),
    "option_y": (
        "De toets 'uitvoerbaar onder voorwaarden' noemen, zodat de politieke afspraak per 1 "
        "januari door kan gaan, en de risico's opvangen met extra mensen en handwerk."
    ),
    "signals": ["twijfel", "onrustig_gevoel", "kritische_vragen"],
    "clear_legal_rule": "nee",
    "legal_rule_note": (
        "Geen wet schrijft voor wat er in een uitvoeringstoets moet staan. Het kabinet en de "
        "Tweede Kamer beslissen over de maatregel. Wel geldt voor ons de plicht van goed "
        "ambtenaarschap: eerlijk en volledig adviseren."
    ),
    "stakeholders": [
        {
            "key": "mantelzorgers",
            "name": "Mantelzorgers",
            "kind": "burgers",
            "rights": (
                "Recht op een juiste en tijdige beslissing. Recht op een overheid die hen niet "
                "laat opdraaien voor haar eigen fouten."
            ),
            "interests": (
                "Erkenning en een tegemoetkoming in geld, zonder veel papierwerk en zonder het "
                "risico dat zij later geld moeten terugbetalen."
            ),
            "expectations": "Dat de korting er per 1 januari is, zoals de politiek heeft beloofd.",
        },
        {
            "key": "belastingbetalers",
            "name": "Alle belastingbetalers",
            "kind": "burgers",
            "rights": "Recht op een aangifte die goed werkt en op gelijke behandeling.",
            "interests": "Dat andere verbeteringen van de aangifte niet worden uitgesteld.",
            "expectations": "Dat de Belastingdienst betrouwbaar werkt.",
        },
        {
            "key": "staatssecretaris",
            "name": "Staatssecretaris van Financiën",
            "kind": "bestuur",
            "rights": "Beslist over het voorstel en legt verantwoording af aan de Tweede Kamer.",
            "interests": "De afspraak uit het coalitieakkoord nakomen.",
            "expectations": "Een eerlijke en bruikbare toets, het liefst met een oplossing.",
        },
        {
            "key": "kamer",
            "name": "Tweede Kamer",
            "kind": "bestuur",
            "rights": "Recht op volledige en juiste informatie (artikel 68 van de Grondwet).",
            "interests": "Een wet die in de praktijk werkt.",
            "expectations": "Dat de uitvoeringstoets zegt hoe het echt zit.",
        },
        {
            "key": "medewerkers",
            "name": "Medewerkers klantcontact en behandeling",
            "kind": "medewerkers",
            "rights": "",
            "interests": "Werk dat zij goed kunnen doen, zonder stapels handwerk en boze bellers.",
            "expectations": "Dat het team hun ervaring meeneemt in de toets.",
        },
        {
            "key": "organisaties",
            "name": "Belangenorganisaties van mantelzorgers",
            "kind": "organisatie",
            "rights": "",
            "interests": "Een regeling die mantelzorgers echt bereikt.",
            "expectations": "Dat zij worden betrokken bij de uitwerking.",
        },
    ],
    "owner_name": (
        "Judith Vos, directeur Uitvoeringstoetsen (ondertekent de toets); daarna beslist de "
        "staatssecretaris"
    ),
    "group_owns_problem": "ja",
    "owner_note": (
        "De inhoud van de toets is onze verantwoordelijkheid. Of de maatregel doorgaat, "
        "beslist de politiek. Wij nemen die politieke keuze niet over, maar wij geven onze "
        "eigen verantwoordelijkheid ook niet uit handen."
    ),
    "rules": [
        {
            "title": "Ambtenarenwet 2017: plicht tot goed ambtenaarschap",
            "verdict": "ja",
            "assessment": (
                "Goed ambtenaarschap betekent loyaal én eerlijk adviseren. Loyaliteit aan de "
                "staatssecretaris vraagt juist dat wij de risico's duidelijk opschrijven."
            ),
        },
        {
            "title": (
                "Integraal Afwegingskader voor beleid en regelgeving: de vraag naar uitvoerbaarheid"
            ),
            "verdict": "ja",
            "assessment": (
                "Het afwegingskader vraagt een eerlijk beeld van wat uitvoerbaar is. Dat hier "
                "toepassen is juist."
            ),
        },
        {
            "title": "Artikel 68 Grondwet: de Kamer krijgt de inlichtingen die zij nodig heeft",
            "verdict": "ja",
            "assessment": (
                "De Kamer moet kunnen weten wat de uitvoering van een maatregel vindt. Een te "
                "positieve toets maakt dat onmogelijk."
            ),
        },
        {
            "title": (
                "Afspraak met het ministerie: wijzigingen voor de aangifte liggen vóór 1 juni vast"
            ),
            "verdict": "ja",
            "assessment": (
                "Deze afspraak is er om fouten te voorkomen. Als we haar loslaten, nemen we "
                "een risico dat de burger draagt."
            ),
        },
    ],
    "facts": [
        {
            "text": (
                "De Belastingdienst heeft geen gegevens over wie mantelzorger is. Er bestaat "
                "geen landelijke registratie."
            ),
            "source": "Analyse team Uitvoeringstoetsen",
        },
        {
            "text": (
                "Naar schatting vragen 400.000 mensen de korting aan. Bij een controle van 5 "
                "procent moeten 20.000 aanvragen met de hand worden bekeken."
            ),
            "source": "Impactanalyse, versie 2",
        },
        {
            "text": (
                "Wijzigingen in de aangifte van volgend jaar moeten vóór 1 juni vastliggen. "
                "Het wetsvoorstel komt op zijn vroegst in september in de Kamer."
            ),
            "source": "Planning IV-organisatie",
        },
        {
            "text": (
                "Behandeling met de hand vraagt ongeveer 150 extra medewerkers. Die zijn er nu "
                "niet."
            ),
            "source": "Capaciteitsberekening afdeling Behandeling",
        },
        {
            "text": (
                "Bij vergelijkbare regelingen waarbij burgers zelf opgeven of zij recht "
                "hebben, moest achteraf bij 10 tot 15 procent van de mensen geld worden "
                "teruggevorderd."
            ),
            "source": "Evaluatie eerdere regelingen",
        },
    ],
    "information_needs": [
        {
            "question": (
                "Kan een deel van de tegemoetkoming per 1 januari via een eenvoudiger weg, "
                "bijvoorbeeld via gemeenten die mantelzorgers al kennen?"
            ),
            "assignee": "Nadia Bouzid",
            "status": "beantwoord",
            "answer": (
                "Gemeenten houden niet op dezelfde manier bij wie mantelzorger is. Een "
                "landelijke route via gemeenten vraagt minstens een jaar voorbereiding."
            ),
        },
        {
            "question": (
                "Welke andere wijziging schuift op als de IT-capaciteit naar deze maatregel gaat?"
            ),
            "assignee": "Mark Dekker",
            "status": "beantwoord",
            "answer": (
                "De verbetering van de vooraf ingevulde aangifte voor mensen met een "
                "uitkering. Die helpt juist burgers die het moeilijk hebben."
            ),
        },
    ],
    "facts_sufficient": "ja",
    "facts_note": "De feiten zijn duidelijk genoeg om een eerlijk oordeel te geven.",
    "arguments": [
        {
            "side": "X",
            "category": "B",
            "text": (
                "Zorgvuldigheid is onze eerste kernwaarde. Een regeling invoeren waarvan we "
                "weten dat die veel fouten geeft, is niet zorgvuldig. Dat hebben we bij de "
                "kinderopvangtoeslag pijnlijk geleerd."
            ),
            "principles": ["zelfreinigend-lerend-vermogen"],
            "core_values": ["Zorgvuldigheid"],
            "stakeholder": "mantelzorgers",
            "decisive": True,
        },
        {
            "side": "X",
            "category": "B",
            "text": (
                "De Kamer heeft recht op volledige en juiste informatie. Een te positieve "
                "toets zet de Kamer op het verkeerde been."
            ),
            "principles": ["openheid-integriteit", "verantwoording"],
            "core_values": ["Betrouwbaarheid"],
            "stakeholder": "kamer",
            "decisive": True,
        },
        {
            "side": "X",
            "category": "G",
            "text": (
                "Als we achteraf veel geld moeten terugvorderen, komen juist mantelzorgers in "
                "geldproblemen. Zij hebben het al zwaar."
            ),
            "principles": ["behoorlijke-contacten"],
            "r_criteria": ["rechtvaardigheid"],
            "stakeholder": "mantelzorgers",
            "decisive": True,
        },
        {
            "side": "X",
            "category": "G",
            "text": (
                "De verbetering van de aangifte voor mensen met een uitkering hoeft dan niet "
                "te worden uitgesteld."
            ),
            "r_criteria": ["rechtsgelijkheid"],
            "stakeholder": "belastingbetalers",
        },
        {
            "side": "X",
            "category": "G",
            "text": (
                "Een jaar later beginnen geeft tijd om de regeling samen met "
                "belangenorganisaties eenvoudiger te maken."
            ),
            "principles": ["participatie"],
            "stakeholder": "organisaties",
        },
        {
            "side": "X",
            "category": "S",
            "text": "Als wij nee zeggen, kan niemand ons later iets verwijten.",
        },
        {
            "side": "Y",
            "category": "B",
            "text": (
                "De politiek beslist wat er gebeurt. De maatregel staat in het coalitieakkoord "
                "en heeft steun in de Kamer. Wij zijn er om uit te voeren."
            ),
            "principles": ["legitimiteit"],
            "core_values": ["Verantwoordelijkheid"],
            "stakeholder": "staatssecretaris",
        },
        {
            "side": "Y",
            "category": "B",
            "text": (
                "Mantelzorgers is een tegemoetkoming beloofd per 1 januari. Als de overheid "
                "die belofte niet nakomt, schaadt dat het vertrouwen."
            ),
            "core_values": ["Betrouwbaarheid"],
            "stakeholder": "mantelzorgers",
        },
        {
            "side": "Y",
            "category": "G",
            "text": "Mantelzorgers krijgen een jaar eerder geld.",
            "stakeholder": "mantelzorgers",
        },
        {
            "side": "Y",
            "category": "G",
            "text": (
                "Met extra mensen en handwerk zijn de grootste risico's misschien op te vangen."
            ),
            "principles": ["doelgerichtheid-doelmatigheid"],
            "stakeholder": "medewerkers",
        },
        {
            "side": "Y",
            "category": "S",
            "text": "Het ministerie wil het zo, dus wij hebben eigenlijk geen keus.",
            "stakeholder": "staatssecretaris",
        },
        {
            "side": "Y",
            "category": "S",
            "text": (
                "Andere uitvoeringsorganisaties schrijven ook altijd 'uitvoerbaar met risico's'."
            ),
        },
        {
            "side": "Y",
            "category": "S",
            "text": "Als het misgaat, is dat later een probleem van de politiek, niet van ons.",
        },
    ],
    "chosen_option": "X",
    "reasoning": (
        "Wij schrijven eerlijk dat de maatregel per 1 januari niet uitvoerbaar is, en "
        "adviseren een start een jaar later. Het zwaarst wegen onze kernwaarde zorgvuldigheid "
        "en het recht van de Kamer op juiste informatie. De politiek blijft beslissen: de "
        "staatssecretaris en de Kamer kiezen. Maar zij kunnen alleen goed kiezen als de "
        "uitvoering eerlijk zegt hoe het staat. De smoezen die we hoorden ('het ministerie wil "
        "het zo', 'anderen doen het ook', 'dan is het een probleem van de politiek') schuiven "
        "de verantwoordelijkheid door. Die hebben we niet meegewogen. In de toets beschrijven "
        "we ook wat wél kan: een eenvoudiger regeling, voorbereid samen met "
        "belangenorganisaties."
    ),
    "g_over_b_justification": (
        "Het gevolg voor mantelzorgers weegt hier zwaar, omdat het geen gewone kostenpost is. "
        "Het is schade bij mensen die al kwetsbaar zijn. Aan de kant van Y staan het primaat "
        "van de politiek en de belofte aan mantelzorgers. Aan het primaat van de politiek doen "
        "wij niets af: de staatssecretaris en de Kamer beslissen nog steeds, nu met de juiste "
        "informatie. En een belofte die wordt nagekomen met veel fouten en terugvorderingen, "
        "is voor mantelzorgers geen nagekomen belofte."
    ),
    "r_judgements": {
        "rechtsgelijkheid": (
            "houdt_stand",
            (
                "Alle mantelzorgers krijgen de korting straks op hetzelfde moment en op dezelfde "
                "manier, zonder verschillen door handwerk."
            ),
        ),
        "rechtmatigheid": (
            "houdt_stand",
            "De toets volgt het afwegingskader en de plicht om de Kamer juist te informeren.",
        ),
        "rechtvaardigheid": (
            "onder_spanning",
            "Mantelzorgers wachten een jaar langer op een tegemoetkoming die zij verdienen.",
        ),
    },
    "principle_tests": {
        "openheid-integriteit": (
            "dient",
            "De toets zegt eerlijk wat wij zien, ook al is dat niet wat het ministerie hoopte.",
        ),
        "participatie": (
            "dient",
            (
                "Wij adviseren de regeling samen met belangenorganisaties van mantelzorgers uit te "
                "werken."
            ),
        ),
        "behoorlijke-contacten": (
            "dient",
            (
                "Mantelzorgers krijgen geen regeling die hen later confronteert met "
                "terugvorderingen."
            ),
        ),
        "doelgerichtheid-doelmatigheid": (
            "onder_druk",
            "Het politieke doel wordt een jaar later gehaald.",
        ),
        "legitimiteit": ("dient", "De politiek beslist, met volledige informatie."),
        "zelfreinigend-lerend-vermogen": (
            "dient",
            "Wij passen de lessen uit de toeslagenaffaire toe.",
        ),
        "verantwoording": ("dient", "De toets en deze afweging gaan mee naar de Kamer."),
    },
    "measures": [
        {
            "stakeholder": "staatssecretaris",
            "action": (
                "Een gesprek met de staatssecretaris over de toets, zodat de boodschap niet "
                "alleen op papier komt."
            ),
            "owner": "Judith Vos",
            "due_in_days": 7,
            "status": "gereed",
        },
        {
            "stakeholder": "mantelzorgers",
            "action": (
                "In de toets een eenvoudig alternatief beschrijven, zodat de staatssecretaris "
                "mantelzorgers snel iets kan bieden."
            ),
            "owner": "Nadia Bouzid",
            "due_in_days": 14,
            "status": "gereed",
        },
        {
            "stakeholder": "organisaties",
            "action": (
                "Belangenorganisaties van mantelzorgers uitnodigen om de regeling mee te ontwerpen."
            ),
            "owner": "Judith Vos",
            "due_in_days": 60,
            "status": "in_uitvoering",
        },
        {
            "stakeholder": "medewerkers",
            "action": (
                "Medewerkers van klantcontact een korte uitleg geven voor mantelzorgers die "
                "bellen over de korting."
            ),
            "owner": "Mark Dekker",
            "due_in_days": 30,
            "status": "gereed",
        },
        {
            "stakeholder": "mantelzorgers",
            "action": (
                "Een duidelijke pagina op de website: wanneer de korting komt en wat "
                "mantelzorgers nu al kunnen doen."
            ),
            "owner": "Team Communicatie",
            "due_in_days": 45,
            "status": "in_uitvoering",
        },
    ],
    "control_answers": {
        "gespreksleider": (
            "pijnlijk",
            "ja",
            "Het is de juiste keuze, al zal niet iedereen op het ministerie er blij mee zijn.",
        ),
        "deelnemer": ("prettig", "ja", "Ik ben blij dat we durven te zeggen wat we zien."),
        "deelnemer2": (
            "pijnlijk",
            "ja",
            "Ik denk aan de mantelzorgers die straks bellen en horen dat het nog een jaar duurt.",
        ),
        "manager": ("pijnlijk", "ja", "Ik sta ervoor en leg het zelf uit aan de staatssecretaris."),
    },
    "objections": [
        {
            "step": 3,
            "author": "deelnemer2",
            "text": "Waarom beslissen wij hierover? Dit is toch een politieke keuze?",
            "handling": "terzijde",
            "handling_reason": (
                "Besproken in stap 3. De politiek beslist over de maatregel, wij over de "
                "inhoud van onze toets. Die verantwoordelijkheid kunnen wij niet doorgeven."
            ),
        },
        {
            "step": 6,
            "author": "deelnemer",
            "text": (
                "Het verzoek om de toets 'positief, met risico's' te maken, zet druk op ons "
                "oordeel. Dat moet hoger in de organisatie bekend zijn."
            ),
            "handling": "bestuur",
            "handling_reason": (
                "De directeur heeft het verzoek gemeld bij de directeur-generaal en bij de "
                "integriteitscoördinator. Het staat ook in de begeleidende brief bij de toets."
            ),
        },
        {
            "step": 5,
            "author": "manager",
            "text": "Het argument 'de politiek beslist' is geen smoes. Het is een beginsel.",
            "handling": "meegewogen",
            "handling_reason": (
                "Terecht. Het argument staat als B aan de kant van Y en is meegewogen. Alleen "
                "'het ministerie wil het zo, dus wij hebben geen keus' staat als smoes "
                "genoteerd."
            ),
        },
    ],
}


ENFORCEMENT = {
    "organisation": "zuiderland",
    "title": "Handhaving: werktuigenschuur deels in het natuurnetwerk gebouwd",
    "days_ago": 20,
    "status": "besloten",
    "facilitator": "gespreksleider",
    "created_by": "deelnemer",
    "participants": ["gespreksleider", "deelnemer", "deelnemer2", "manager"],
    "problem_statement": (
        "Bij een controle zagen wij dat een melkveehouder in De Hoeve zijn nieuwe "
        "werktuigenschuur 60 vierkante meter groter heeft gebouwd dan de vergunning toestaat. "
        "Dat deel van de schuur staat in het Natuurnetwerk Zuiderland, waar de provinciale "
        "omgevingsverordening nieuwe gebouwen verbiedt. Het gaat om een strook grasland aan de "
        "rand van zijn erf. De boer zegt dat de aannemer zich heeft vermeten. Een buurman en "
        "een natuurvereniging vragen ons om op te treden. Het stuk schuur afbreken kost de "
        "boer ongeveer 45.000 euro."
    ),
    "option_x": (
        "Handhaven: de boer een last onder dwangsom opleggen, zodat hij het deel van de schuur "
        "in het natuurnetwerk afbreekt."
    ),
    "option_y": (
        "Niet handhaven op afbraak, maar het deel legaliseren met de regeling voor kleine "
        "aanpassingen van het natuurnetwerk, met natuurcompensatie op zijn eigen grond."
    ),
    "signals": ["twijfel", "maatschappelijke_signalen", "kritische_vragen"],
    "clear_legal_rule": "nee",
    "legal_rule_note": (
        "De verordening verbiedt het gebouw, en de provincie moet in beginsel handhaven. Maar "
        "de rechter maakt twee uitzonderingen: als er concreet zicht is op legalisatie, en als "
        "handhaving onevenredig is vergeleken met het belang dat de regel beschermt. Of die "
        "uitzonderingen hier gelden, is precies de vraag. De regel beslist dit dus niet voor "
        "ons."
    ),
    "stakeholders": [
        {
            "key": "boer",
            "name": "De melkveehouder en zijn gezin",
            "kind": "burgers",
            "rights": (
                "Recht op een maatregel die in verhouding staat tot de overtreding (artikel "
                "3:4 Awb). Recht om gehoord te worden voordat wij besluiten, en op bezwaar en "
                "beroep."
            ),
            "interests": (
                "Zijn bedrijf voortzetten zonder een onverwachte kostenpost van 45.000 euro."
            ),
            "expectations": (
                "Dat de provincie meedenkt over een oplossing, omdat het een meetfout was en "
                "geen opzet."
            ),
        },
        {
            "key": "buurman",
            "name": "De buurman, akkerbouwer",
            "kind": "burgers",
            "rights": (
                "Recht op gelijke behandeling. Hij moest een paar jaar geleden zelf een "
                "bouwplan aanpassen aan de regels."
            ),
            "interests": "Een eerlijke behandeling en een open landschap.",
            "expectations": "Dat de provincie voor iedereen dezelfde regels toepast.",
        },
        {
            "key": "natuurvereniging",
            "name": "Natuurvereniging De Groene Zoom",
            "kind": "organisatie",
            "rights": (
                "Recht om te vragen om handhaving, en als belanghebbende bezwaar en beroep in "
                "te stellen."
            ),
            "interests": (
                "Bescherming van het natuurnetwerk tegen verlies dat stukje bij beetje gaat."
            ),
            "expectations": "Dat de provincie haar eigen regels serieus neemt.",
        },
        {
            "key": "inwoners",
            "name": "Inwoners van Zuiderland",
            "kind": "burgers",
            "rights": (
                "Recht op een provincie die regels eerlijk en voor iedereen gelijk handhaaft."
            ),
            "interests": "Een natuurnetwerk dat heel blijft.",
            "expectations": "Dat overtredingen niet lonen.",
        },
        {
            "key": "gs",
            "name": "Gedeputeerde Staten",
            "kind": "bestuur",
            "rights": (
                "Bevoegd gezag voor de verordening; de handhaving is aan de teamleider "
                "gemandateerd."
            ),
            "interests": (
                "Geloofwaardige handhaving en een goede relatie met de boeren in de provincie."
            ),
            "expectations": "Dat besluiten uit te leggen zijn.",
        },
        {
            "key": "toezichthouders",
            "name": "Toezichthouders van de provincie",
            "kind": "medewerkers",
            "rights": "",
            "interests": (
                "Een duidelijke lijn, zodat zij volgende gevallen gelijk kunnen behandelen."
            ),
            "expectations": "Dat het besluit wordt vastgelegd als voorbeeld voor later.",
        },
    ],
    "owner_name": (
        "Esther van Dijk, teamleider Toezicht en handhaving (in mandaat van Gedeputeerde Staten)"
    ),
    "group_owns_problem": "ja",
    "owner_note": (
        "Handhavingsbesluiten van deze omvang zijn aan de teamleider gemandateerd. Wij "
        "schuiven het niet door naar de gedeputeerde, maar informeren hem wel vooraf, omdat de "
        "natuurvereniging misschien naar de rechter gaat."
    ),
    "rules": [
        {
            "title": (
                "Omgevingsverordening Zuiderland: verbod op nieuwe gebouwen in het "
                "Natuurnetwerk Zuiderland"
            ),
            "verdict": "twijfel",
            "assessment": (
                "Het verbod beschermt een belangrijk doel. Maar het hier letterlijk toepassen "
                "op een strook bemest grasland aan de rand van een erf, na een meetfout, dient "
                "dat doel nauwelijks."
            ),
        },
        {
            "title": (
                "Omgevingsverordening Zuiderland: regeling voor kleine aanpassingen van het "
                "natuurnetwerk (tot 500 vierkante meter, met compensatie van minstens het "
                "dubbele oppervlak)"
            ),
            "verdict": "ja",
            "assessment": (
                "Deze regeling is er precies voor kleine gevallen als dit. Toepassen is juist, "
                "als de compensatie echt wordt uitgevoerd."
            ),
        },
        {
            "title": "Algemene wet bestuursrecht, artikel 3:4: evenredigheid",
            "verdict": "ja",
            "assessment": (
                "De nadelen van een besluit mogen niet onevenredig zijn vergeleken met het "
                "doel. Dit moeten wij hier echt toepassen, niet alleen noemen."
            ),
        },
        {
            "title": "Beginselplicht tot handhaving (vaste rechtspraak)",
            "verdict": "ja",
            "assessment": (
                "Handhaven is de regel. Afzien mag alleen met een goede reden die wij "
                "opschrijven. Dat is juist: het voorkomt willekeur."
            ),
        },
        {
            "title": "Handhavingsstrategie Zuiderland",
            "verdict": "twijfel",
            "assessment": (
                "De strategie zegt bij bouwen in het natuurnetwerk: altijd herstel. "
                "Legalisatie noemt zij niet. Wij twijfelen of de schrijvers aan kleine "
                "gevallen als dit hebben gedacht."
            ),
        },
    ],
    "facts": [
        {
            "text": (
                "De schuur is 490 vierkante meter. De vergunning staat 430 vierkante meter "
                "toe. Het extra deel van 60 vierkante meter ligt in het natuurnetwerk."
            ),
            "source": "Controlerapport toezichthouder, meting ter plaatse",
        },
        {
            "text": "De strook is bemest grasland zonder bijzondere planten of dieren.",
            "source": "Advies ecoloog van de provincie",
        },
        {
            "text": (
                "De aannemer heeft schriftelijk verklaard dat hij zich heeft vermeten bij het "
                "uitzetten van de fundering."
            ),
            "source": "Verklaring aannemer",
        },
        {
            "text": "De kopgevel afbreken en opnieuw bouwen kost ongeveer 45.000 euro.",
            "source": "Offerte, ingediend door de boer",
        },
        {
            "text": (
                "In 2022 moest een andere boer een stal van 300 vierkante meter afbreken. Die "
                "stond midden in een verbindingszone voor dieren en kon niet worden "
                "gelegaliseerd."
            ),
            "source": "Handhavingsdossier 2022",
        },
        {
            "text": (
                "De boer biedt aan om 150 vierkante meter grasland langs de sloot om te vormen "
                "tot een houtwal."
            ),
            "source": "Gesprek met de boer",
        },
    ],
    "information_needs": [
        {
            "question": (
                "Past deze situatie binnen de regeling voor kleine aanpassingen van het "
                "natuurnetwerk?"
            ),
            "assignee": "Koen Hendriks",
            "status": "beantwoord",
            "answer": (
                "Ja. Het gaat om minder dan 500 vierkante meter, en de boer biedt compensatie "
                "van meer dan het dubbele oppervlak."
            ),
        },
        {
            "question": (
                "Is een houtwal als compensatie meer waard voor de natuur dan de strook grasland?"
            ),
            "assignee": "Ecoloog van de provincie",
            "status": "beantwoord",
            "answer": (
                "Ja. Een houtwal langs de sloot verbindt twee bosjes en is waardevol voor "
                "vogels en vleermuizen. De strook grasland is dat niet."
            ),
        },
    ],
    "facts_sufficient": "ja",
    "facts_note": "Alle feiten die nodig zijn, zijn bekend en vastgelegd in het dossier.",
    "arguments": [
        {
            "side": "X",
            "category": "B",
            "text": (
                "Rechtsgelijkheid: een andere boer moest in 2022 wel afbreken. Als wij nu niet "
                "handhaven, behandelen wij mensen ongelijk."
            ),
            "r_criteria": ["rechtsgelijkheid"],
            "core_values": ["Verantwoordelijkheid & rechtvaardigheid"],
            "stakeholder": "buurman",
        },
        {
            "side": "X",
            "category": "B",
            "text": (
                "Regels die de provincie zelf heeft gemaakt, moet zij ook zelf serieus nemen. "
                "Anders is de verordening niet geloofwaardig."
            ),
            "principles": ["legitimiteit"],
            "r_criteria": ["rechtmatigheid"],
            "core_values": ["Transparantie & betrouwbaarheid"],
            "stakeholder": "natuurvereniging",
        },
        {
            "side": "X",
            "category": "G",
            "text": (
                "Als een te groot gebouw blijft staan, kunnen anderen denken dat te groot "
                "bouwen loont."
            ),
            "principles": ["doelgerichtheid-doelmatigheid"],
            "stakeholder": "inwoners",
        },
        {
            "side": "X",
            "category": "G",
            "text": (
                "Het natuurnetwerk wordt stukje bij beetje kleiner als kleine overtredingen "
                "blijven staan."
            ),
            "stakeholder": "natuurvereniging",
        },
        {
            "side": "X",
            "category": "S",
            "text": "Regels zijn regels. Naar de gevolgen kijken wij niet.",
        },
        {
            "side": "Y",
            "category": "B",
            "text": (
                "Evenredigheid: 45.000 euro kosten voor 60 vierkante meter grasland zonder "
                "bijzondere natuur staat niet in verhouding tot het doel van de regel."
            ),
            "r_criteria": ["rechtvaardigheid", "rechtmatigheid"],
            "core_values": ["Verantwoordelijkheid & rechtvaardigheid"],
            "stakeholder": "boer",
            "decisive": True,
        },
        {
            "side": "Y",
            "category": "B",
            "text": (
                "De verordening heeft zelf een regeling voor kleine aanpassingen. Die "
                "gebruiken is ook de regels toepassen."
            ),
            "principles": ["legitimiteit"],
            "r_criteria": ["rechtmatigheid"],
        },
        {
            "side": "Y",
            "category": "B",
            "text": (
                "Het was een meetfout, geen opzet. De boer heeft de fout zelf erkend en werkt "
                "mee. Dat verdient een eerlijke behandeling."
            ),
            "principles": ["behoorlijke-contacten"],
            "core_values": ["Eerlijkheid"],
            "stakeholder": "boer",
        },
        {
            "side": "Y",
            "category": "G",
            "text": (
                "Een houtwal van 150 vierkante meter is meer waard voor de natuur dan de "
                "strook grasland. Het natuurnetwerk gaat erop vooruit."
            ),
            "principles": ["doelgerichtheid-doelmatigheid"],
            "stakeholder": "natuurvereniging",
            "decisive": True,
        },
        {
            "side": "Y",
            "category": "G",
            "text": (
                "Het bedrijf van de boer en zijn gezin komt niet in de problemen door een fout "
                "van de aannemer."
            ),
            "stakeholder": "boer",
        },
        {
            "side": "Y",
            "category": "S",
            "text": "Een handhavingszaak tegen een boer geeft alleen maar gedoe in de pers.",
            "stakeholder": "gs",
        },
    ],
    "chosen_option": "Y",
    "reasoning": (
        "Wij handhaven niet op afbraak, maar legaliseren het deel van de schuur met de "
        "regeling voor kleine aanpassingen. De voorwaarde is dat de boer een houtwal van 150 "
        "vierkante meter aanlegt. Het zwaarst weegt de evenredigheid: afbreken kost de boer "
        "veel geld, terwijl de natuur er nauwelijks iets mee wint. Met de houtwal wint de "
        "natuur juist wel. De rechtsgelijkheid nemen wij serieus: wij leggen in de "
        "handhavingsstrategie vast wanneer legalisatie wel en niet kan. 'Regels zijn regels' "
        "en 'gedoe in de pers' hebben wij niet meegewogen."
    ),
    "g_over_b_justification": (
        "Aan de kant van X staat de rechtsgelijkheid: een andere boer moest in 2022 wel "
        "afbreken. Wij laten hier een gevolg, de winst voor de natuur, meewegen naast het "
        "beginsel van evenredigheid. Dat doen wij omdat het doel van de regel, de natuur "
        "beschermen, met compensatie beter wordt gediend dan met afbraak. Het geval uit 2022 "
        "is niet gelijk: die stal was vijf keer zo groot, stond midden in een verbindingszone "
        "en kon niet worden gelegaliseerd. Gelijke gevallen behandelen wij gelijk, ongelijke "
        "ongelijk. Wij leggen dit verschil vast, zodat volgende gevallen op dezelfde manier "
        "worden beoordeeld."
    ),
    "r_judgements": {
        "rechtsgelijkheid": (
            "onder_spanning",
            (
                "Het verschil met het geval uit 2022 is groot en uit te leggen. Toch kunnen de "
                "buurman en de natuurvereniging het anders zien."
            ),
        ),
        "rechtmatigheid": (
            "houdt_stand",
            (
                "De legalisatie gebruikt een regeling uit de verordening zelf. Er is concreet "
                "zicht op legalisatie, en dat staat in het besluit."
            ),
        ),
        "rechtvaardigheid": (
            "houdt_stand",
            (
                "De maatregel staat in verhouding tot de overtreding, en de natuur gaat erop "
                "vooruit."
            ),
        ),
    },
    "principle_tests": {
        "openheid-integriteit": (
            "dient",
            (
                "Wij maken het besluit en de reden openbaar, ook voor de buurman en de "
                "natuurvereniging."
            ),
        ),
        "participatie": (
            "niet_aan_de_orde",
            "Het gaat om een besluit over één perceel. Wel zijn alle betrokkenen gehoord.",
        ),
        "behoorlijke-contacten": (
            "dient",
            (
                "De boer, de buurman en de natuurvereniging zijn gehoord en krijgen het besluit "
                "met uitleg."
            ),
        ),
        "doelgerichtheid-doelmatigheid": (
            "dient",
            "Het doel van de regel wordt met compensatie beter gediend dan met afbraak.",
        ),
        "legitimiteit": (
            "dient",
            (
                "Het besluit gebruikt de regels en de ruimte die Provinciale Staten zelf hebben "
                "gegeven."
            ),
        ),
        "zelfreinigend-lerend-vermogen": (
            "dient",
            (
                "De handhavingsstrategie wordt aangevuld, zodat kleine gevallen voortaan gelijk "
                "worden behandeld."
            ),
        ),
        "verantwoording": (
            "onder_druk",
            (
                "De natuurvereniging kan vinden dat wij te soepel zijn. Wij moeten het besluit "
                "goed kunnen uitleggen, ook aan de rechter."
            ),
        ),
    },
    "measures": [
        {
            "stakeholder": "natuurvereniging",
            "action": (
                "De boer legt een houtwal van 150 vierkante meter aan langs de sloot; dat is "
                "een voorwaarde bij de legalisatie. Na een jaar controleren wij of de "
                "beplanting is aangeslagen."
            ),
            "owner": "Sanne Mulder",
            "due_in_days": 150,
            "status": "gepland",
        },
        {
            "stakeholder": "natuurvereniging",
            "action": (
                "Een gesprek met de natuurvereniging om het besluit uit te leggen en hun zorg "
                "over verlies van natuur stukje bij beetje te bespreken."
            ),
            "owner": "Esther van Dijk",
            "due_in_days": 14,
            "status": "gereed",
        },
        {
            "stakeholder": "buurman",
            "action": (
                "Een brief aan de buurman met uitleg waarom dit geval verschilt van het geval "
                "uit 2022."
            ),
            "owner": "Koen Hendriks",
            "due_in_days": 10,
            "status": "gereed",
        },
        {
            "stakeholder": "toezichthouders",
            "action": (
                "De handhavingsstrategie aanvullen met een regel voor kleine overtredingen in "
                "het natuurnetwerk: wanneer legalisatie met compensatie kan, en wanneer niet."
            ),
            "owner": "Esther van Dijk, met de beleidsadviseur handhaving",
            "due_in_days": 120,
            "status": "in_uitvoering",
        },
        {
            "stakeholder": "boer",
            "action": (
                "Samen met de boer de aanvraag voor legalisatie invullen, zodat hij geen "
                "adviseur hoeft in te huren."
            ),
            "owner": "Koen Hendriks",
            "due_in_days": 30,
            "status": "in_uitvoering",
        },
    ],
    "control_answers": {
        "gespreksleider": ("prettig", "ja", ""),
        "deelnemer": (
            "pijnlijk",
            "ja",
            (
                "Ik deed de controle. Het voelt goed dat we naar de situatie kijken, maar de "
                "buurman zal het moeilijk vinden."
            ),
        ),
        "deelnemer2": (
            "prettig",
            "twijfel",
            (
                "Ik twijfel of de rechter het met ons eens is als de natuurvereniging in beroep "
                "gaat."
            ),
        ),
        "manager": ("pijnlijk", "ja", "Uit te leggen. Ik informeer de gedeputeerde vooraf."),
    },
    "objections": [
        {
            "step": 4,
            "author": "deelnemer2",
            "text": (
                "Voor de kosten van afbraak hebben we alleen de offerte van de boer zelf. Die "
                "kan te hoog zijn."
            ),
            "handling": "meegewogen",
            "handling_reason": (
                "Terecht. Onze eigen schatting is 35.000 tot 45.000 euro. Ook dan staat "
                "afbraak niet in verhouding."
            ),
        },
        {
            "step": 5,
            "author": "deelnemer",
            "text": "De natuurvereniging zit niet aan tafel. We praten over hen, niet met hen.",
            "handling": "meegewogen",
            "handling_reason": (
                "Wij hebben de vereniging voor het besluit gebeld en hun standpunt "
                "opgeschreven. Na het besluit volgt een gesprek; dat is een maatregel in stap "
                "7."
            ),
        },
        {
            "step": 6,
            "author": "deelnemer2",
            "text": "Moet dit niet naar de gedeputeerde? Het ligt gevoelig.",
            "handling": "terzijde",
            "handling_reason": (
                "Het besluit is aan de teamleider gemandateerd. De gedeputeerde wordt vooraf "
                "geïnformeerd, maar de beslissing ligt bij ons."
            ),
        },
    ],
}


# Still in progress: steps 1 to 4 done, the weighing of arguments has not started.
VILLAGE_HALL = {
    "organisation": "zuiderland",
    "title": "Subsidie voor dorpshuis Westerbroek te laat aangevraagd",
    "days_ago": 5,
    "status": "in_behandeling",
    "facilitator": "gespreksleider",
    "created_by": "deelnemer2",
    "participants": ["gespreksleider", "deelnemer", "deelnemer2"],
    "problem_statement": (
        "Stichting Dorpshuis Westerbroek vroeg 38.000 euro subsidie aan voor een nieuw dak met "
        "zonnepanelen. De aanvraag kwam twee dagen na de sluitingsdatum binnen, omdat de "
        "penningmeester in het ziekenhuis lag. De regeling zegt dat te late aanvragen niet in "
        "behandeling worden genomen. Er is nog geld over in de regeling, omdat er minder "
        "aanvragen waren dan verwacht. Zonder subsidie moet het dorpshuis misschien sluiten."
    ),
    "option_x": "De aanvraag afwijzen omdat die te laat is, zoals de regeling voorschrijft.",
    "option_y": (
        "De aanvraag toch in behandeling nemen met een beroep op de hardheidsclausule, omdat "
        "er een bijzondere reden is."
    ),
    "signals": ["twijfel", "onrustig_gevoel"],
    "clear_legal_rule": "nee",
    "legal_rule_note": (
        "De subsidieregeling heeft een harde sluitingsdatum. Maar de Algemene "
        "subsidieverordening heeft een hardheidsclausule: Gedeputeerde Staten mogen afwijken "
        "als de regel in een bijzonder geval onredelijk uitpakt. De regels laten dus ruimte."
    ),
    "stakeholders": [
        {
            "key": "dorpshuis",
            "name": "Stichting Dorpshuis Westerbroek en de dorpsbewoners",
            "kind": "burgers",
            "rights": (
                "Recht op een zorgvuldige beslissing en op een beroep op de hardheidsclausule."
            ),
            "interests": (
                "Het dorpshuis openhouden. Het is de enige ontmoetingsplek in het dorp, met de "
                "bibliotheek en het spreekuur van de huisarts."
            ),
            "expectations": "Dat de provincie begrip heeft voor de ziekte van een vrijwilliger.",
        },
        {
            "key": "andere_aanvragers",
            "name": "Verenigingen en stichtingen die wel op tijd aanvroegen",
            "kind": "organisatie",
            "rights": "Recht op gelijke behandeling.",
            "interests": "Dat de regels voor iedereen hetzelfde zijn.",
            "expectations": "Dat een sluitingsdatum ook echt een sluitingsdatum is.",
        },
        {
            "key": "gs",
            "name": "Gedeputeerde Staten",
            "kind": "bestuur",
            "rights": "Alleen zij mogen de hardheidsclausule toepassen.",
            "interests": "Leefbare dorpen en een betrouwbare subsidieregeling.",
            "expectations": "Een goed onderbouwd advies.",
        },
    ],
    "owner_name": "Gedeputeerde Staten (alleen zij mogen de hardheidsclausule toepassen)",
    "group_owns_problem": "nee",
    "referred_to": "De gedeputeerde voor Leefbaarheid, met een advies van het team",
    "owner_note": (
        "Wij mogen zelf niet afwijken van de regeling. Wij bereiden een advies aan "
        "Gedeputeerde Staten voor, met onze afweging erbij."
    ),
    "rules": [
        {
            "title": "Subsidieregeling Leefbaarheid kleine kernen: sluitingsdatum",
            "verdict": "twijfel",
            "assessment": (
                "De datum zorgt voor gelijke kansen. Maar de regeling is bedoeld om "
                "voorzieningen in kleine dorpen te behouden. Letterlijk toepassen kan hier dat "
                "doel schaden."
            ),
        },
        {
            "title": "Algemene subsidieverordening Zuiderland: hardheidsclausule",
            "verdict": "ja",
            "assessment": (
                "De clausule is er voor bijzondere gevallen. Of dit er een is, moeten wij goed "
                "onderbouwen."
            ),
        },
    ],
    "facts": [
        {
            "text": "De aanvraag kwam twee dagen na de sluitingsdatum binnen.",
            "source": "Registratie subsidieportaal",
        },
        {
            "text": (
                "De penningmeester lag in de week voor de sluitingsdatum in het ziekenhuis. "
                "Hij is de enige met toegang tot het portaal."
            ),
            "source": "Brief van de stichting, met een verklaring van het ziekenhuis",
        },
        {
            "text": "Van het budget van 1,2 miljoen euro is 210.000 euro niet verdeeld.",
            "source": "Overzicht team Subsidies",
        },
    ],
    "information_needs": [
        {
            "question": (
                "Zijn er organisaties die na de sluitingsdatum hebben gebeld en daarna niet "
                "meer hebben aangevraagd?"
            ),
            "assignee": "Koen Hendriks",
            "status": "open",
            "answer": "",
        },
        {
            "question": "Hoe is de hardheidsclausule in eerdere jaren toegepast?",
            "assignee": "Sanne Mulder",
            "status": "beantwoord",
            "answer": (
                "Twee keer in vijf jaar, beide keren bij ziekte of overlijden van de enige "
                "persoon die de aanvraag kon doen."
            ),
        },
    ],
    "facts_sufficient": "deels",
    "facts_note": (
        "We weten nog niet of andere organisaties door de sluitingsdatum zijn afgehaakt. Dat "
        "is belangrijk voor de rechtsgelijkheid."
    ),
    "objections": [
        {
            "step": 2,
            "author": "deelnemer",
            "text": (
                "We vergeten de organisaties die niet hebben aangevraagd omdat de datum "
                "voorbij was. Zij horen ook bij de belanghebbenden."
            ),
            "handling": "open",
            "handling_reason": "",
        },
    ],
}


# Closed at step 1: a clear legal rule forbids it, so it is no dilemma.
NOT_A_DILEMMA = {
    "organisation": "belastingdienst",
    "title": "Verzoek van een collega om gegevens van een bekende Nederlander in te zien",
    "days_ago": 12,
    "status": "gesloten",
    "facilitator": "gespreksleider",
    "created_by": "deelnemer2",
    "participants": ["gespreksleider", "deelnemer2", "integriteitscoordinator"],
    "problem_statement": (
        "Een collega van een ander team vroeg mij om even in het systeem te kijken of een "
        "bekende Nederlander, die nu in het nieuws is, een betalingsregeling heeft. Hij zei "
        "dat het voor zijn werk was, maar hij werkt niet aan dit dossier. Ik wil mijn collega "
        "niet afwijzen, maar ik voel me er niet goed bij."
    ),
    "option_x": "De gegevens opzoeken en de collega vertellen wat ik zie.",
    "option_y": "Weigeren en de collega vragen het verzoek via de gewone weg te doen.",
    "signals": ["onrustig_gevoel", "twijfel"],
    "clear_legal_rule": "ja",
    "legal_rule_note": (
        "De geheimhoudingsplicht in artikel 67 van de Algemene wet inzake rijksbelastingen "
        "verbiedt het delen van gegevens van belastingplichtigen met iemand die ze niet nodig "
        "heeft voor zijn werk. Ook de AVG verbiedt inzage zonder doel. Elke inzage in het "
        "systeem wordt vastgelegd."
    ),
    "closed_reason": (
        "Dit is geen dilemma, maar een kwestie van goed of fout: de wet verbiedt het. Wij "
        "zoeken de gegevens niet op. Mark meldt het verzoek bij de integriteitscoördinator; "
        "dat is geen beschuldiging, maar een signaal. In het volgende teamoverleg bespreken we "
        "hoe je zo'n verzoek vriendelijk en duidelijk weigert."
    ),
}


# --- The casebook (moresprudentie) of Gemeente Lindeveen ----------------------------------
#
# Eight dilemmas of the municipality, decided and finalised as a decision record, so that an
# integrity coordinator can search them, review them and share one with other organisations.
# ``"finalise": True`` makes ``load_demo`` finalise the session through ``casebook.records``,
# by its facilitator, as the finalise page does.
#
# The control answers tell a story for the signals dashboard: in the unit Werk en inkomen three
# answers in less than ninety days were negative (the situation felt *onprettig*, or someone
# did not stand behind the decision), so a signal is open that asks for a conversation about
# the structural causes. The other units stay below the threshold.

PRINCIPLE_CODES = [
    "openheid-integriteit",
    "participatie",
    "behoorlijke-contacten",
    "doelgerichtheid-doelmatigheid",
    "legitimiteit",
    "zelfreinigend-lerend-vermogen",
    "verantwoording",
]


def principle_tests(tested):
    """All seven principles: the ones the group discussed, the rest "niet aan de orde"."""
    return {code: tested.get(code, ("niet_aan_de_orde", "")) for code in PRINCIPLE_CODES}


CAREGIVER_HOME = {
    "organisation": "lindeveen",
    "title": "Mantelzorgwoning in de achtertuin zonder vergunning",
    "days_ago": 160,
    "status": "besloten",
    "finalise": True,
    "facilitator": "deelnemer4",
    "created_by": "deelnemer4",
    "participants": ["deelnemer4", "gespreksleider", "manager", "integriteitscoordinator"],
    "problem_statement": (
        "Een inwoner van de Dorpsstraat heeft zonder vergunning een houten woonunit in zijn "
        "achtertuin gezet. Zijn moeder van 84 woont daar, omdat zij niet meer alleen kan wonen. "
        "Een buurvrouw heeft een handhavingsverzoek ingediend: de unit staat op 1 meter van "
        "haar erf en neemt haar licht weg. Een vergunning voor een mantelzorgwoning is mogelijk, "
        "maar deze unit is groter dan het omgevingsplan toestaat. Wij moeten beslissen op het "
        "verzoek van de buurvrouw."
    ),
    "option_x": (
        "Handhaven: een last onder dwangsom opleggen, zodat de unit binnen zes maanden weg is "
        "of kleiner wordt gemaakt."
    ),
    "option_y": (
        "Niet handhaven: de unit gedogen zolang de moeder er woont, omdat de zorg voor haar "
        "zwaarder weegt."
    ),
    "signals": ["twijfel", "kritische_vragen"],
    "clear_legal_rule": "nee",
    "legal_rule_note": (
        "De gemeente moet in beginsel handhaven. Maar handhaving mag niet onevenredig zijn, en "
        "een tijdelijke vergunning voor mantelzorg is mogelijk. De regel beslist dit dus niet "
        "voor ons."
    ),
    "stakeholders": [
        {
            "key": "moeder",
            "name": "De moeder die in de unit woont",
            "kind": "burgers",
            "rights": "Recht op zorg en een veilige woonplek dicht bij haar familie.",
            "interests": "Zo lang mogelijk zelfstandig wonen, met haar zoon dichtbij.",
            "expectations": "Dat de gemeente rekening houdt met haar gezondheid.",
        },
        {
            "key": "zoon",
            "name": "De zoon, eigenaar van het huis",
            "kind": "burgers",
            "rights": "Recht op een evenredige maatregel en om gehoord te worden.",
            "interests": "Zijn moeder verzorgen zonder hoge kosten voor een nieuwe unit.",
            "expectations": "Begrip, omdat hij niet wist dat de unit te groot was.",
        },
        {
            "key": "buurvrouw",
            "name": "De buurvrouw die om handhaving vraagt",
            "kind": "burgers",
            "rights": (
                "Recht op een besluit op haar verzoek, en op bescherming door de regels van het "
                "omgevingsplan."
            ),
            "interests": "Licht in haar tuin en keuken, en privacy.",
            "expectations": "Dat de gemeente de regels voor iedereen gelijk toepast.",
        },
    ],
    "owner_name": "Teamleider Vergunningen en handhaving, in mandaat van het college",
    "group_owns_problem": "ja",
    "owner_note": "Handhavingsbesluiten van deze omvang zijn aan de teamleider gemandateerd.",
    "rules": [
        {
            "title": "Omgevingsplan Lindeveen: regels voor bijbehorende bouwwerken",
            "verdict": "twijfel",
            "assessment": (
                "De regel beschermt de buren terecht. Letterlijk toepassen zou hier betekenen "
                "dat een oude vrouw moet verhuizen om een paar vierkante meter."
            ),
        },
        {
            "title": "Algemene wet bestuursrecht, artikel 3:4: evenredigheid",
            "verdict": "ja",
            "assessment": "Wij moeten de gevolgen voor alle betrokkenen tegen elkaar afwegen.",
        },
    ],
    "facts": [
        {
            "text": (
                "De unit is 48 vierkante meter. Het omgevingsplan staat 30 vierkante meter toe."
            ),
            "source": "Controle door de toezichthouder",
        },
        {
            "text": (
                "De huisarts verklaart dat de moeder dagelijks zorg nodig heeft van haar zoon."
            ),
            "source": "Verklaring huisarts, met toestemming gedeeld",
        },
    ],
    "facts_sufficient": "ja",
    "arguments": [
        {
            "side": "X",
            "category": "B",
            "text": (
                "De buurvrouw heeft recht op de bescherming die het omgevingsplan haar belooft. "
                "Wie zonder vergunning bouwt, mag daar niet voordeel van hebben."
            ),
            "principles": ["legitimiteit"],
            "r_criteria": ["rechtmatigheid", "rechtsgelijkheid"],
            "core_values": ["Betrouwbaarheid"],
            "stakeholder": "buurvrouw",
        },
        {
            "side": "X",
            "category": "G",
            "text": "Als wij dit gedogen, volgen er meer units die te groot zijn.",
            "principles": ["doelgerichtheid-doelmatigheid"],
        },
        {
            "side": "X",
            "category": "S",
            "text": "Regels zijn regels; als wij uitzonderingen maken, komt er geen eind aan.",
        },
        {
            "side": "Y",
            "category": "B",
            "text": (
                "De zorg voor een kwetsbare oudere weegt zwaar. Een dwangsom zou haar uit haar "
                "woonplek halen, terwijl de overtreding klein is."
            ),
            "principles": ["behoorlijke-contacten"],
            "r_criteria": ["rechtvaardigheid"],
            "core_values": ["Professionaliteit"],
            "stakeholder": "moeder",
            "decisive": True,
        },
        {
            "side": "Y",
            "category": "G",
            "text": "Een nieuwe, kleinere unit kost de familie ongeveer 25.000 euro.",
            "stakeholder": "zoon",
        },
    ],
    "chosen_option": "derde",
    "third_way": (
        "Een tijdelijke vergunning voor mantelzorg zolang de moeder er woont, op voorwaarde dat "
        "de zoon een haag en een lichtdoorlatend scherm plaatst aan de kant van de buurvrouw. "
        "Als de mantelzorg stopt, gaat de unit binnen een jaar weg."
    ),
    "reasoning": (
        "Het zwaarst weegt de zorg voor de moeder: afbraak nu zou haar schade doen die niet in "
        "verhouding staat tot de overtreding. Maar de buurvrouw heeft ook rechten. Daarom geen "
        "gedogen zonder einde, maar een tijdelijke vergunning met voorwaarden die haar licht en "
        "privacy beschermen, en een vaste einddatum."
    ),
    "r_judgements": {
        "rechtsgelijkheid": (
            "houdt_stand",
            "Andere mantelzorgers kunnen dezelfde tijdelijke vergunning krijgen.",
        ),
        "rechtmatigheid": ("houdt_stand", "De tijdelijke vergunning past binnen de wet."),
        "rechtvaardigheid": (
            "houdt_stand",
            "De oplossing doet recht aan de moeder en aan de buurvrouw.",
        ),
    },
    "principle_tests": principle_tests(
        {
            "behoorlijke-contacten": ("dient", "We zijn bij beide buren langs geweest."),
            "legitimiteit": ("dient", "De regels van het omgevingsplan blijven de basis."),
            "verantwoording": ("dient", "Het besluit legt uit waarom we zo wegen."),
        }
    ),
    "measures": [
        {
            "stakeholder": "buurvrouw",
            "action": (
                "Met de buurvrouw bespreken welke haag en welk scherm zij wil, en dat vastleggen "
                "in de vergunning."
            ),
            "owner": "Bram Hoekstra",
            "due_in_days": 30,
            "status": "gereed",
        },
    ],
    "control_answers": {
        "deelnemer4": ("prettig", "ja", ""),
        "gespreksleider": ("prettig", "ja", ""),
        "manager": ("pijnlijk", "ja", "Goed besluit, maar we zijn laat met de uitleg aan buren."),
        "integriteitscoordinator": ("prettig", "ja", "Dit is een goed voorbeeld voor later."),
    },
}


SPORTS_GRANT = {
    "organisation": "lindeveen",
    "title": "Subsidie voor een sportclub waarvan een wethouder bestuurslid is",
    "days_ago": 130,
    "status": "besloten",
    "finalise": True,
    "facilitator": "gespreksleider",
    "created_by": "deelnemer2",
    "participants": ["gespreksleider", "deelnemer2", "integriteitscoordinator", "manager"],
    "problem_statement": (
        "Voetbalclub VV Lindeveen vraagt 18.000 euro subsidie voor een nieuwe kleedruimte voor "
        "meisjesteams. De aanvraag voldoet aan de regeling. De partner van een wethouder is "
        "penningmeester van de club. De wethouder gaat niet over sport. Toch vragen twee andere "
        "clubs, die minder kregen, of hier vriendjespolitiek speelt."
    ),
    "option_x": "De subsidie nu toekennen, zoals de regeling voorschrijft.",
    "option_y": (
        "De aanvraag aanhouden tot een andere gemeente of een externe adviseur hem heeft "
        "beoordeeld."
    ),
    "signals": ["kritische_vragen", "onrustig_gevoel"],
    "clear_legal_rule": "nee",
    "legal_rule_note": (
        "De regeling schrijft toekenning voor als de aanvraag voldoet. Geen regel verbiedt "
        "subsidie aan een club waarin familie van een bestuurder actief is. Het gaat om de "
        "schijn van belangenverstrengeling."
    ),
    "stakeholders": [
        {
            "key": "club",
            "name": "VV Lindeveen en de meisjesteams",
            "kind": "organisatie",
            "rights": "Recht op een besluit volgens de regeling, binnen de termijn.",
            "interests": "Een kleedruimte voor 120 meisjes die nu in een container omkleden.",
            "expectations": "Dat zij niet de dupe worden van wie er in het bestuur zit.",
        },
        {
            "key": "clubs",
            "name": "Andere sportclubs in Lindeveen",
            "kind": "organisatie",
            "rights": "Recht op gelijke behandeling.",
            "interests": "Een eerlijke verdeling van het sportbudget.",
            "expectations": "Dat de gemeente uitlegt hoe zij beslist.",
        },
        {
            "key": "inwoners",
            "name": "Inwoners van Lindeveen",
            "kind": "burgers",
            "rights": "Recht op een integer bestuur.",
            "interests": "Vertrouwen dat subsidie niet afhangt van wie je kent.",
            "expectations": "Openheid over mogelijke belangen.",
        },
    ],
    "owner_name": "Het team Subsidies, namens het college",
    "group_owns_problem": "ja",
    "rules": [
        {
            "title": "Subsidieregeling Sport en bewegen Lindeveen",
            "verdict": "ja",
            "assessment": "De aanvraag voldoet aan alle voorwaarden.",
        },
        {
            "title": "Gedragscode integriteit college van B en W",
            "verdict": "ja",
            "assessment": (
                "De wethouder moet zich buiten de besluitvorming houden. Dat heeft hij gedaan."
            ),
        },
    ],
    "facts": [
        {
            "text": "De wethouder heeft zijn belang vorig jaar gemeld in het register.",
            "source": "Register nevenfuncties en belangen college",
        },
        {
            "text": "De aanvraag is beoordeeld door een medewerker die de wethouder niet kent.",
            "source": "Dossier subsidieaanvraag",
        },
    ],
    "facts_sufficient": "ja",
    "arguments": [
        {
            "side": "X",
            "category": "B",
            "text": (
                "De club voldoet aan de regeling. De meisjes mogen niet benadeeld worden door "
                "wie er in het bestuur zit."
            ),
            "principles": ["legitimiteit"],
            "r_criteria": ["rechtsgelijkheid", "rechtmatigheid"],
            "core_values": ["Betrouwbaarheid"],
            "stakeholder": "club",
            "decisive": True,
        },
        {
            "side": "X",
            "category": "G",
            "text": "Met uitstel staat de bouw stil en blijven de meisjes in de container.",
            "stakeholder": "club",
        },
        {
            "side": "Y",
            "category": "B",
            "text": (
                "Ook de schijn van vriendjespolitiek schaadt het vertrouwen in de gemeente. "
                "Een onafhankelijke toets laat zien dat wij zorgvuldig zijn."
            ),
            "principles": ["openheid-integriteit"],
            "core_values": ["Openheid"],
            "stakeholder": "inwoners",
        },
        {
            "side": "Y",
            "category": "S",
            "text": "Dan kan niemand ons iets verwijten.",
        },
    ],
    "chosen_option": "derde",
    "third_way": (
        "De subsidie nu toekennen, en in de beschikking en op de website openbaar maken hoe de "
        "aanvraag is beoordeeld, wie beoordeelde en dat de wethouder er buiten bleef."
    ),
    "reasoning": (
        "Het recht van de club op gelijke behandeling weegt het zwaarst: uitstel zou de meisjes "
        "straffen voor een belang dat al gemeld is. De zorg over de schijn nemen we serieus met "
        "openheid over hoe we beslisten, niet met uitstel."
    ),
    "r_judgements": {
        "rechtsgelijkheid": ("houdt_stand", "De club wordt behandeld als elke andere club."),
        "rechtmatigheid": ("houdt_stand", "Toekenning volgt de regeling."),
        "rechtvaardigheid": ("houdt_stand", ""),
    },
    "principle_tests": principle_tests(
        {
            "openheid-integriteit": ("dient", "We maken de beoordeling openbaar."),
            "legitimiteit": ("dient", ""),
            "verantwoording": ("dient", "De raad krijgt een korte uitleg."),
        }
    ),
    "measures": [
        {
            "stakeholder": "clubs",
            "action": (
                "Een avond voor alle sportclubs over hoe subsidies worden verdeeld en beoordeeld."
            ),
            "owner": "Team Subsidies",
            "due_in_days": 60,
            "status": "gepland",
        },
    ],
    "control_answers": {
        "gespreksleider": ("prettig", "ja", ""),
        "deelnemer2": ("pijnlijk", "twijfel", "De andere clubs zullen dit toch scheef vinden."),
        "integriteitscoordinator": ("prettig", "ja", ""),
        "manager": ("prettig", "ja", ""),
    },
}


GIFT = {
    "organisation": "lindeveen",
    "title": "Een cadeau van een inwoner aan haar consulent",
    "days_ago": 100,
    "status": "besloten",
    "finalise": True,
    "facilitator": "deelnemer3",
    "created_by": "deelnemer3",
    "participants": ["deelnemer3", "deelnemer5", "integriteitscoordinator"],
    "problem_statement": (
        "Een oudere inwoner heeft een moeilijk jaar achter de rug: haar man overleed en zij "
        "raakte haar weg kwijt in de regels voor bijzondere bijstand. Haar consulent heeft haar "
        "daar veel bij geholpen. Nu staat zij aan de balie met een zelfgebreide sjaal en een "
        "cadeaubon van 50 euro voor de consulent. Zij heeft nog een aanvraag lopen."
    ),
    "option_x": "Het cadeau aannemen, omdat weigeren haar kwetst.",
    "option_y": (
        "Het cadeau vriendelijk weigeren, omdat zij nog een aanvraag heeft lopen en het de "
        "schijn van een gunst wekt."
    ),
    "signals": ["twijfel", "onrustig_gevoel"],
    "clear_legal_rule": "nee",
    "legal_rule_note": (
        "Onze gedragscode staat kleine geschenken tot 50 euro toe, maar vraagt terughoudendheid "
        "als er een besluit loopt. De regel geeft ruimte en vraagt een afweging."
    ),
    "stakeholders": [
        {
            "key": "inwoner",
            "name": "De inwoner die het cadeau geeft",
            "kind": "burgers",
            "rights": "Recht op een besluit dat los staat van een cadeau.",
            "interests": "Haar dank laten blijken.",
            "expectations": "Dat haar gebaar gewaardeerd wordt.",
        },
        {
            "key": "consulent",
            "name": "De consulent",
            "kind": "medewerkers",
            "rights": "Recht op een duidelijke lijn van de organisatie.",
            "interests": "Een goede band met de inwoner en geen schijn van belangen.",
            "expectations": "Steun van collega's.",
        },
    ],
    "owner_name": "De consulent, met haar teamleider",
    "group_owns_problem": "ja",
    "rules": [
        {
            "title": "Gedragscode integriteit gemeente Lindeveen: geschenken en uitnodigingen",
            "verdict": "ja",
            "assessment": "De code is hier juist: melden en afwegen.",
        },
    ],
    "facts": [
        {
            "text": "De aanvraag bijzondere bijstand wordt door een andere collega beoordeeld.",
            "source": "Zaaksysteem Werk en inkomen",
        },
        {
            "text": "De cadeaubon is 50 euro waard; de sjaal heeft zij zelf gebreid.",
            "source": "Melding van de consulent",
        },
    ],
    "facts_sufficient": "ja",
    "arguments": [
        {
            "side": "X",
            "category": "B",
            "text": (
                "Een gebaar van dank weigeren kwetst iemand die zich al afhankelijk voelt. "
                "Wij zien de mens achter de vraag."
            ),
            "principles": ["behoorlijke-contacten"],
            "core_values": ["Professionaliteit"],
            "stakeholder": "inwoner",
        },
        {
            "side": "X",
            "category": "S",
            "text": "Iedereen neemt wel eens wat aan; dat hoort erbij.",
        },
        {
            "side": "Y",
            "category": "B",
            "text": (
                "Zolang er een aanvraag loopt, mag er geen enkele twijfel zijn dat het besluit "
                "los staat van een cadeau."
            ),
            "principles": ["openheid-integriteit"],
            "r_criteria": ["rechtsgelijkheid"],
            "core_values": ["Betrouwbaarheid"],
            "stakeholder": "inwoner",
            "decisive": True,
        },
        {
            "side": "Y",
            "category": "G",
            "text": "Collega's weten niet meer waar de grens ligt als we dit aannemen.",
            "principles": ["zelfreinigend-lerend-vermogen"],
            "stakeholder": "consulent",
        },
    ],
    "chosen_option": "derde",
    "third_way": (
        "De sjaal aannemen en melden; de cadeaubon vriendelijk teruggeven met uitleg, en de "
        "inwoner een kaart sturen namens het team."
    ),
    "reasoning": (
        "Het zwaarst weegt dat het besluit over haar aanvraag boven elke twijfel staat. Een "
        "cadeaubon is geld en dat nemen we niet aan. De sjaal is een persoonlijk gebaar zonder "
        "geldwaarde; die weigeren zou haar onnodig kwetsen."
    ),
    "r_judgements": {
        "rechtsgelijkheid": ("houdt_stand", "Het besluit over haar aanvraag staat er los van."),
        "rechtmatigheid": ("houdt_stand", ""),
        "rechtvaardigheid": ("onder_spanning", "Teruggeven blijft pijnlijk voor haar."),
    },
    "principle_tests": principle_tests(
        {
            "openheid-integriteit": ("dient", "Alles is gemeld in het geschenkenregister."),
            "behoorlijke-contacten": ("onder_druk", "Zij kan zich afgewezen voelen."),
        }
    ),
    "measures": [
        {
            "stakeholder": "inwoner",
            "action": "Een persoonlijke kaart namens het team, met uitleg over de cadeaubon.",
            "owner": "Sevda Yilmaz",
            "due_in_days": 7,
            "status": "gereed",
        },
    ],
    "control_answers": {
        "deelnemer3": ("onprettig", "ja", "Ik vond het naar om haar de bon terug te geven."),
        "deelnemer5": ("pijnlijk", "ja", ""),
        "integriteitscoordinator": ("prettig", "ja", ""),
    },
}


SIDE_JOB = {
    "organisation": "lindeveen",
    "title": "Nevenwerk als tekenaar van bouwplannen in de eigen regio",
    "days_ago": 85,
    "status": "besloten",
    "finalise": True,
    "facilitator": "gespreksleider",
    "created_by": "manager",
    "participants": ["gespreksleider", "manager", "deelnemer4", "integriteitscoordinator"],
    "problem_statement": (
        "Een vergunningverlener wil naast zijn baan als zzp'er bouwtekeningen maken voor "
        "particulieren. Hij heeft het geld nodig, en zijn vakkennis is groot. Zijn klanten "
        "zouden in de buurgemeenten wonen, maar de grens is dichtbij en mensen verhuizen. "
        "Moeten wij dit nevenwerk toestaan?"
    ),
    "option_x": "Het nevenwerk toestaan, met voorwaarden.",
    "option_y": "Het nevenwerk weigeren, omdat het te dicht bij zijn eigen werk ligt.",
    "signals": ["twijfel"],
    "clear_legal_rule": "nee",
    "legal_rule_note": (
        "De Ambtenarenwet verbiedt nevenwerk alleen als het de goede vervulling van de functie "
        "of het belang van de dienst schaadt. Dat moeten wij afwegen."
    ),
    "stakeholders": [
        {
            "key": "medewerker",
            "name": "De vergunningverlener",
            "kind": "medewerkers",
            "rights": "Recht op nevenwerk, tenzij het belang van de dienst zich daartegen verzet.",
            "interests": "Een extra inkomen met werk dat hij goed kan.",
            "expectations": "Een eerlijke afweging, geen verbod uit voorzorg.",
        },
        {
            "key": "aanvragers",
            "name": "Aanvragers van een omgevingsvergunning",
            "kind": "burgers",
            "rights": "Recht op een onpartijdige beoordeling.",
            "interests": "Geen voordeel voor wie de goede tekenaar kent.",
            "expectations": "Dat de gemeente belangen scheidt.",
        },
    ],
    "owner_name": "Manager Ruimtelijke ordening",
    "group_owns_problem": "ja",
    "rules": [
        {
            "title": "Ambtenarenwet 2017, artikel 8: nevenwerkzaamheden",
            "verdict": "ja",
            "assessment": "Melden en afwegen is hier juist.",
        },
    ],
    "facts": [
        {
            "text": (
                "In de afgelopen twee jaar kwam 6 procent van de aanvragen van buiten Lindeveen."
            ),
            "source": "Zaaksysteem Vergunningen",
        },
        {
            "text": "De medewerker beoordeelt vooral verbouwingen van woningen.",
            "source": "Functiebeschrijving",
        },
    ],
    "facts_sufficient": "ja",
    "arguments": [
        {
            "side": "X",
            "category": "B",
            "text": (
                "Een ambtenaar heeft recht op nevenwerk. Een verbod uit voorzorg is niet "
                "evenredig als er goede voorwaarden mogelijk zijn."
            ),
            "principles": ["legitimiteit"],
            "r_criteria": ["rechtvaardigheid"],
            "core_values": ["Verantwoordelijkheid"],
            "stakeholder": "medewerker",
            "decisive": True,
        },
        {
            "side": "X",
            "category": "G",
            "text": "Als wij weigeren, vertrekt hij misschien; vergunningverleners zijn schaars.",
        },
        {
            "side": "Y",
            "category": "B",
            "text": (
                "Aanvragers moeten erop kunnen rekenen dat niemand hun plan beoordeelt die er "
                "ook aan verdient."
            ),
            "principles": ["openheid-integriteit"],
            "r_criteria": ["rechtsgelijkheid"],
            "core_values": ["Betrouwbaarheid"],
            "stakeholder": "aanvragers",
        },
        {
            "side": "Y",
            "category": "S",
            "text": "Dat hebben we nooit toegestaan.",
        },
    ],
    "chosen_option": "X",
    "reasoning": (
        "Het recht op nevenwerk weegt het zwaarst, omdat de risico's met voorwaarden klein te "
        "maken zijn: geen klanten in Lindeveen, nooit een plan beoordelen waaraan hij of een "
        "bekende heeft gewerkt, en het nevenwerk staat in het register."
    ),
    "r_judgements": {
        "rechtsgelijkheid": ("onder_spanning", "Alleen met strikte voorwaarden houdt dit stand."),
        "rechtmatigheid": ("houdt_stand", ""),
        "rechtvaardigheid": ("houdt_stand", ""),
    },
    "principle_tests": principle_tests(
        {
            "openheid-integriteit": (
                "onder_druk",
                "Het risico op verstrengeling blijft, ook met voorwaarden.",
            ),
            "verantwoording": ("dient", "Het nevenwerk staat in het openbare register."),
        }
    ),
    "measures": [
        {
            "stakeholder": "aanvragers",
            "action": (
                "In het zaaksysteem een signaal inbouwen als een aanvraag van een klant van de "
                "medewerker binnenkomt."
            ),
            "owner": "Informatievoorziening",
            "due_in_days": 30,
            "status": "in_uitvoering",
        },
    ],
    "control_answers": {
        "gespreksleider": ("prettig", "ja", ""),
        "manager": ("prettig", "ja", ""),
        "deelnemer4": ("pijnlijk", "twijfel", "Ik ben benieuwd of het signaal er echt komt."),
        "integriteitscoordinator": ("prettig", "ja", ""),
    },
    "objections": [
        {
            "step": 6,
            "author": "deelnemer4",
            "text": "Klanten uit de buurgemeente kunnen volgend jaar in Lindeveen wonen.",
            "handling": "meegewogen",
            "handling_reason": (
                "Daarom de voorwaarde dat hij nooit een plan van een klant beoordeelt."
            ),
        },
    ],
}


RECOVERY = {
    "organisation": "lindeveen",
    "title": "Bijstand terugvorderen na een gift voor een uitvaart",
    "days_ago": 60,
    "status": "besloten",
    "finalise": True,
    "facilitator": "deelnemer3",
    "created_by": "deelnemer3",
    "participants": ["deelnemer3", "deelnemer5", "gespreksleider", "manager"],
    "problem_statement": (
        "Een vrouw in de bijstand kreeg van haar zus 2.400 euro om de uitvaart van hun moeder "
        "te betalen. Zij heeft dat niet gemeld, omdat zij dacht dat het niet hoefde: het geld "
        "ging meteen naar de uitvaartondernemer. Bij een controle zagen wij het op haar "
        "rekening. De wet zegt dat wij bijstand terugvorderen als iemand inkomsten niet meldt. "
        "Maar de wet geeft ook ruimte als er dringende redenen zijn."
    ),
    "option_x": "De 2.400 euro volledig terugvorderen en een boete opleggen.",
    "option_y": "Afzien van terugvordering en boete, omdat het geld voor de uitvaart was.",
    "signals": ["twijfel", "onrustig_gevoel"],
    "clear_legal_rule": "nee",
    "legal_rule_note": (
        "De Participatiewet verplicht tot terugvorderen, maar laat de gemeente afzien van "
        "terugvordering en boete bij dringende redenen. Wat een dringende reden is, moeten wij "
        "zelf wegen."
    ),
    "stakeholders": [
        {
            "key": "vrouw",
            "name": "De vrouw in de bijstand",
            "kind": "burgers",
            "rights": "Recht op een evenredig besluit en om gehoord te worden.",
            "interests": "Geen schuld die zij nooit kan aflossen.",
            "expectations": "Begrip voor een fout zonder opzet.",
        },
        {
            "key": "inwoners",
            "name": "Inwoners die de bijstand betalen",
            "kind": "burgers",
            "rights": "Recht op zorgvuldige besteding van gemeenschapsgeld.",
            "interests": "Dat regels voor iedereen gelden.",
            "expectations": "Dat de gemeente fraude aanpakt.",
        },
    ],
    "owner_name": "Teamleider Werk en inkomen",
    "group_owns_problem": "ja",
    "rules": [
        {
            "title": "Participatiewet, artikel 58: terugvordering",
            "verdict": "nee",
            "assessment": (
                "Letterlijk toepassen zou een schuld maken van een gift die nooit haar inkomen "
                "was. Dat is hier niet juist."
            ),
        },
    ],
    "facts": [
        {
            "text": "Het geld ging binnen twee dagen naar de uitvaartondernemer.",
            "source": "Bankafschriften, met toestemming ingezien",
        },
        {
            "text": "Zij heeft een schuld van 3.100 euro en een afbetalingsregeling.",
            "source": "Schuldhulpverlening",
        },
    ],
    "facts_sufficient": "ja",
    "arguments": [
        {
            "side": "X",
            "category": "B",
            "text": (
                "Iedereen moet inkomsten melden; als wij dit laten lopen, meten wij met twee maten."
            ),
            "principles": ["legitimiteit"],
            "r_criteria": ["rechtsgelijkheid", "rechtmatigheid"],
            "stakeholder": "inwoners",
        },
        {
            "side": "X",
            "category": "S",
            "text": "De accountant kijkt mee; we willen geen bevinding.",
        },
        {
            "side": "Y",
            "category": "B",
            "text": (
                "Een gift voor de uitvaart van je moeder is geen inkomen om van te leven. "
                "Terugvorderen straft rouw en maakt een bestaande schuld groter."
            ),
            "principles": ["behoorlijke-contacten"],
            "r_criteria": ["rechtvaardigheid"],
            "core_values": ["Professionaliteit"],
            "stakeholder": "vrouw",
            "decisive": True,
        },
        {
            "side": "Y",
            "category": "G",
            "text": "Een nieuwe schuld maakt haar traject bij schuldhulpverlening kansloos.",
            "stakeholder": "vrouw",
        },
    ],
    "chosen_option": "Y",
    "reasoning": (
        "De dringende reden weegt het zwaarst: het geld was bestemd voor de uitvaart en is daar "
        "meteen aan besteed. Wij zien af van terugvordering en boete, en leggen haar uit welke "
        "giften zij voortaan moet melden."
    ),
    "r_judgements": {
        "rechtsgelijkheid": (
            "onder_spanning",
            "Wie wel meldde, kreeg misschien hetzelfde. Daarom leggen we de lijn vast.",
        ),
        "rechtmatigheid": ("houdt_stand", "De wet geeft deze ruimte."),
        "rechtvaardigheid": ("houdt_stand", ""),
    },
    "principle_tests": principle_tests(
        {
            "behoorlijke-contacten": ("dient", ""),
            "doelgerichtheid-doelmatigheid": ("onder_druk", "Wij zien af van 2.400 euro."),
            "zelfreinigend-lerend-vermogen": (
                "dient",
                "Een werkinstructie over giften voor uitvaarten.",
            ),
        }
    ),
    "measures": [
        {
            "stakeholder": "vrouw",
            "action": (
                "Een gesprek waarin wij uitleggen welke giften zij moet melden, met een folder."
            ),
            "owner": "Lotte Verbeek",
            "due_in_days": 14,
            "status": "gereed",
        },
        {
            "stakeholder": "inwoners",
            "action": "Een werkinstructie over giften bij overlijden, zodat we gelijk beslissen.",
            "owner": "Teamleider Werk en inkomen",
            "due_in_days": 30,
            "status": "gepland",
        },
    ],
    "control_answers": {
        "deelnemer3": (
            "onprettig",
            "ja",
            "Ik sta erachter, maar de controle voelde als jacht op iemand in rouw.",
        ),
        "deelnemer5": ("pijnlijk", "nee", "Wij hadden de regel gewoon moeten toepassen."),
        "gespreksleider": ("pijnlijk", "ja", ""),
        "manager": ("prettig", "ja", ""),
    },
    "objections": [
        {
            "step": 6,
            "author": "deelnemer5",
            "text": "Andere klanten die een gift niet meldden, moesten wel terugbetalen.",
            "handling": "terzijde",
            "handling_reason": (
                "Die gevallen gingen niet over een uitvaart. De werkinstructie moet de lijn "
                "voortaan gelijk maken."
            ),
        },
    ],
}


COST_SHARING = {
    "organisation": "lindeveen",
    "title": "Kostendelersnorm nu de zoon weer thuis woont",
    "days_ago": 35,
    "status": "besloten",
    "finalise": True,
    "facilitator": "deelnemer3",
    "created_by": "deelnemer5",
    "participants": ["deelnemer3", "deelnemer5", "integriteitscoordinator"],
    "problem_statement": (
        "Een moeder in de bijstand neemt haar zoon van 23 weer in huis. Hij sliep drie maanden "
        "bij vrienden en in zijn auto. Met de kostendelersnorm gaat haar uitkering ongeveer 400 "
        "euro per maand omlaag, omdat zij nu samen de kosten kunnen delen. Maar de zoon heeft "
        "nog geen inkomen. Zij zegt: dan moet hij weer weg."
    ),
    "option_x": "De kostendelersnorm toepassen vanaf de dag dat de zoon er woont.",
    "option_y": (
        "De kostendelersnorm een half jaar niet toepassen, zodat de zoon kan blijven tot hij "
        "werk of een eigen plek heeft."
    ),
    "signals": ["twijfel", "onrustig_gevoel"],
    "clear_legal_rule": "nee",
    "legal_rule_note": (
        "De Participatiewet laat de gemeente de bijstand aanpassen aan de omstandigheden "
        "(maatwerk). Een vaste regel die dit geval beslist, is er niet."
    ),
    "stakeholders": [
        {
            "key": "moeder",
            "name": "De moeder",
            "kind": "burgers",
            "rights": "Recht op bijstand die past bij haar situatie.",
            "interests": "Haar zoon helpen zonder zelf in de schulden te komen.",
            "expectations": "Dat de gemeente meedenkt.",
        },
        {
            "key": "zoon",
            "name": "De zoon van 23",
            "kind": "burgers",
            "rights": "Recht op hulp bij dakloosheid.",
            "interests": "Een dak boven zijn hoofd en rust om werk te zoeken.",
            "expectations": "Een kans om weer op te bouwen.",
        },
    ],
    "owner_name": "Teamleider Werk en inkomen",
    "group_owns_problem": "ja",
    "rules": [
        {
            "title": "Participatiewet, artikel 22a: kostendelersnorm",
            "verdict": "twijfel",
            "assessment": "De regel gaat uit van delen, maar de zoon heeft niets om te delen.",
        },
        {
            "title": "Participatiewet, artikel 18: bijstand afstemmen op de omstandigheden",
            "verdict": "ja",
            "assessment": "Dit artikel geeft de ruimte voor maatwerk.",
        },
    ],
    "facts": [
        {
            "text": "De zoon staat ingeschreven bij een uitzendbureau en heeft een intake gehad.",
            "source": "Gesprek met de zoon",
        },
        {
            "text": "Zonder maatwerk gaat de uitkering van de moeder ongeveer 400 euro omlaag.",
            "source": "Berekening Werk en inkomen",
        },
    ],
    "facts_sufficient": "deels",
    "facts_note": "We weten niet hoe snel de zoon werk vindt.",
    "arguments": [
        {
            "side": "X",
            "category": "B",
            "text": "Andere huishoudens met een inwonend kind krijgen ook de kostendelersnorm.",
            "principles": ["legitimiteit"],
            "r_criteria": ["rechtsgelijkheid"],
            "stakeholder": "moeder",
        },
        {
            "side": "X",
            "category": "G",
            "text": "Uitzonderingen maken het werk voor consulenten ingewikkelder.",
        },
        {
            "side": "Y",
            "category": "B",
            "text": (
                "Een jongeman terug de straat op sturen om een regel over kosten delen is niet "
                "rechtvaardig: hij heeft niets om te delen."
            ),
            "principles": ["behoorlijke-contacten", "doelgerichtheid-doelmatigheid"],
            "r_criteria": ["rechtvaardigheid"],
            "core_values": ["Professionaliteit", "Verantwoordelijkheid"],
            "stakeholder": "zoon",
            "decisive": True,
        },
        {
            "side": "Y",
            "category": "G",
            "text": "Dakloosheid kost de samenleving en de zoon veel meer dan 400 euro per maand.",
            "stakeholder": "zoon",
        },
    ],
    "chosen_option": "derde",
    "third_way": (
        "De kostendelersnorm drie maanden niet toepassen, met een plan met de zoon voor werk. "
        "Na drie maanden kijken we opnieuw."
    ),
    "reasoning": (
        "Wij volgen de lijn uit de zaak van de gift voor de uitvaart: maatwerk als de regel "
        "iemand treft op een manier die de wet niet bedoelt. De zoon krijgt drie maanden rust, "
        "met een plan. Zo blijft het een uitzondering met een einde, en geen nieuwe regel."
    ),
    "r_judgements": {
        "rechtsgelijkheid": ("onder_spanning", "Andere gezinnen kregen dit niet."),
        "rechtmatigheid": ("houdt_stand", "Artikel 18 geeft deze ruimte."),
        "rechtvaardigheid": ("houdt_stand", ""),
    },
    "principle_tests": principle_tests(
        {
            "behoorlijke-contacten": ("dient", ""),
            "doelgerichtheid-doelmatigheid": ("dient", "Dakloosheid voorkomen is goedkoper."),
            "zelfreinigend-lerend-vermogen": (
                "onder_druk",
                "Tweede keer in korte tijd dat de regel knelt; dit moet naar het beleid.",
            ),
        }
    ),
    "measures": [
        {
            "stakeholder": "zoon",
            "action": "Een werkplan met de zoon en het uitzendbureau.",
            "owner": "Lotte Verbeek",
            "due_in_days": 21,
            "status": "in_uitvoering",
        },
    ],
    "control_answers": {
        "deelnemer3": (
            "onprettig",
            "ja",
            "Weer een gezin waar de regel knelt. Dit gaat niet over één geval.",
        ),
        "deelnemer5": ("pijnlijk", "twijfel", ""),
        "integriteitscoordinator": (
            "pijnlijk",
            "ja",
            "Dit moet een gesprek over het beleid worden.",
        ),
    },
    "precedents": [
        {
            "earlier": "Bijstand terugvorderen na een gift voor een uitvaart",
            "stance": "volgt",
            "reason": (
                "Ook daar ging maatwerk voor, omdat de regel iemand trof op een manier die de "
                "wet niet bedoelt."
            ),
        },
    ],
}


GREEN_MAINTENANCE = {
    "organisation": "lindeveen",
    "title": "Groenonderhoud gunnen aan het sociale werkbedrijf of aan de laagste bieder",
    "days_ago": 120,
    "status": "besloten",
    "finalise": True,
    "facilitator": "gespreksleider",
    "created_by": "manager",
    "participants": ["gespreksleider", "manager", "deelnemer", "integriteitscoordinator"],
    "problem_statement": (
        "Het contract voor het onderhoud van het openbaar groen loopt af. Het sociale "
        "werkbedrijf Lindewerk doet dit werk al twaalf jaar, met 40 mensen met een afstand tot "
        "de arbeidsmarkt. Een marktverkenning laat zien dat een commercieel hoveniersbedrijf "
        "het 15 procent goedkoper kan. Wij kunnen de opdracht voorbehouden aan een sociale "
        "werkplaats, of open aanbesteden op prijs en kwaliteit."
    ),
    "option_x": "Open aanbesteden, met gunning op prijs en kwaliteit.",
    "option_y": "De opdracht voorbehouden aan sociale werkplaatsen.",
    "signals": ["kritische_vragen"],
    "clear_legal_rule": "nee",
    "legal_rule_note": (
        "De Aanbestedingswet staat beide toe: een voorbehouden opdracht (artikel 2.82) en een "
        "open aanbesteding. De keuze ligt bij ons."
    ),
    "stakeholders": [
        {
            "key": "werknemers",
            "name": "De 40 medewerkers van Lindewerk",
            "kind": "burgers",
            "rights": "Recht op werk naar vermogen.",
            "interests": "Zinvol werk, een vast ritme en collega's.",
            "expectations": "Dat de gemeente hen niet laat vallen.",
        },
        {
            "key": "bedrijven",
            "name": "Hoveniersbedrijven in de regio",
            "kind": "bedrijf",
            "rights": "Recht op gelijke kansen bij overheidsopdrachten.",
            "interests": "Meedingen naar een opdracht van 1,2 miljoen euro per jaar.",
            "expectations": "Een open en eerlijke procedure.",
        },
        {
            "key": "inwoners",
            "name": "Inwoners van Lindeveen",
            "kind": "burgers",
            "rights": "Recht op zorgvuldige besteding van belastinggeld.",
            "interests": "Goed onderhouden groen en lage kosten.",
            "expectations": "",
        },
    ],
    "owner_name": "Het college, op advies van de manager Openbare ruimte",
    "group_owns_problem": "nee",
    "referred_to": "College van B en W",
    "rules": [
        {
            "title": "Aanbestedingswet 2012, artikel 2.82: voorbehouden opdrachten",
            "verdict": "ja",
            "assessment": "De wet geeft de ruimte; wij moeten de keuze uitleggen.",
        },
        {
            "title": "Inkoopbeleid Lindeveen: social return",
            "verdict": "ja",
            "assessment": "Ons beleid vraagt dat opdrachten ook sociale waarde opleveren.",
        },
    ],
    "facts": [
        {
            "text": "Een open aanbesteding bespaart naar schatting 180.000 euro per jaar.",
            "source": "Marktverkenning inkoopadviseur",
        },
        {
            "text": (
                "Zonder deze opdracht verliest Lindewerk werk voor ongeveer 25 van de 40 mensen."
            ),
            "source": "Brief van Lindewerk",
        },
    ],
    "facts_sufficient": "ja",
    "arguments": [
        {
            "side": "X",
            "category": "B",
            "text": "Bedrijven hebben recht op gelijke kansen bij overheidsopdrachten.",
            "principles": ["legitimiteit"],
            "r_criteria": ["rechtsgelijkheid"],
            "stakeholder": "bedrijven",
        },
        {
            "side": "X",
            "category": "G",
            "text": "Een besparing van 180.000 euro per jaar kan naar ander beleid.",
            "principles": ["doelgerichtheid-doelmatigheid"],
            "stakeholder": "inwoners",
        },
        {
            "side": "Y",
            "category": "B",
            "text": (
                "Mensen met een afstand tot de arbeidsmarkt hebben recht op werk. De gemeente "
                "heeft beloofd dat haar inkoop daaraan bijdraagt."
            ),
            "principles": ["participatie", "doelgerichtheid-doelmatigheid", "verantwoording"],
            "r_criteria": ["rechtvaardigheid"],
            "core_values": ["Verantwoordelijkheid", "Samenwerking"],
            "stakeholder": "werknemers",
            "decisive": True,
        },
        {
            "side": "Y",
            "category": "G",
            "text": "Werkloosheid van 25 mensen kost de gemeente aan uitkeringen bijna evenveel.",
            "stakeholder": "werknemers",
        },
        {
            "side": "Y",
            "category": "S",
            "text": "Lindewerk doet het al twaalf jaar, dus waarom zouden we iets veranderen?",
        },
    ],
    "chosen_option": "Y",
    "reasoning": (
        "Het recht op werk van de medewerkers van Lindewerk weegt het zwaarst, en het past bij "
        "ons eigen inkoopbeleid. De besparing is voor een groot deel schijn, omdat "
        "uitkeringen stijgen. Wij adviseren het college de opdracht voor te behouden, met "
        "harde afspraken over kwaliteit."
    ),
    "r_judgements": {
        "rechtsgelijkheid": ("onder_spanning", "Commerciële bedrijven kunnen niet meedingen."),
        "rechtmatigheid": ("houdt_stand", "Artikel 2.82 staat dit toe."),
        "rechtvaardigheid": ("houdt_stand", ""),
    },
    "principle_tests": principle_tests(
        {
            "doelgerichtheid-doelmatigheid": ("dient", ""),
            "legitimiteit": ("dient", ""),
            "verantwoording": ("dient", "De raad krijgt de afweging met de cijfers."),
        }
    ),
    "measures": [
        {
            "stakeholder": "bedrijven",
            "action": (
                "Hoveniers in de regio uitnodigen voor onderaanneming van het zware boomonderhoud."
            ),
            "owner": "Inkoopadviseur",
            "due_in_days": 45,
            "status": "gepland",
        },
    ],
    "control_answers": {
        "gespreksleider": ("prettig", "ja", ""),
        "manager": ("prettig", "ja", ""),
        "deelnemer": ("pijnlijk", "twijfel", "Is dit eerlijk tegenover de hoveniers?"),
        "integriteitscoordinator": ("prettig", "ja", ""),
    },
}


FOI_REQUEST = {
    "organisation": "lindeveen",
    "title": "Woo-verzoek over appjes van een wethouder met een projectontwikkelaar",
    "days_ago": 25,
    "status": "besloten",
    "finalise": True,
    "facilitator": "beheerder",
    "created_by": "beheerder",
    "participants": ["beheerder", "gespreksleider", "deelnemer2", "integriteitscoordinator"],
    "problem_statement": (
        "Een journalist vraagt met de Wet open overheid alle berichten tussen de wethouder "
        "Ruimte en een projectontwikkelaar over het Stationsplein. Er zijn 140 berichten, ook "
        "WhatsApp-berichten. Een deel gaat over persoonlijke zaken en over meningen die nog "
        "niet zijn besproken in het college. De ontwikkelaar vraagt om de berichten niet te "
        "openbaren, omdat er bedrijfsgegevens in staan."
    ),
    "option_x": (
        "Zoveel mogelijk openbaar maken, en alleen persoonsgegevens en bedrijfsgeheimen lakken."
    ),
    "option_y": (
        "De berichten met meningen en onderhandelingen weigeren, om het lopende project en de "
        "ontwikkelaar te beschermen."
    ),
    "signals": ["media", "kritische_vragen"],
    "clear_legal_rule": "nee",
    "legal_rule_note": (
        "De Woo geeft weigergronden, maar vraagt bij elk bericht een afweging. De wet beslist "
        "niet per bericht voor ons."
    ),
    "stakeholders": [
        {
            "key": "journalist",
            "name": "De journalist en zijn lezers",
            "kind": "burgers",
            "rights": "Recht op openbaarheid van overheidsinformatie.",
            "interests": "Weten hoe het project tot stand kwam.",
            "expectations": "Een besluit binnen de termijn.",
        },
        {
            "key": "ontwikkelaar",
            "name": "De projectontwikkelaar",
            "kind": "bedrijf",
            "rights": "Recht op bescherming van bedrijfsgeheimen.",
            "interests": "Een sterke positie in de onderhandeling.",
            "expectations": "Dat vertrouwelijke gesprekken vertrouwelijk blijven.",
        },
        {
            "key": "wethouder",
            "name": "De wethouder Ruimte",
            "kind": "bestuur",
            "rights": "Recht op bescherming van persoonlijke gegevens.",
            "interests": "",
            "expectations": "",
        },
    ],
    "owner_name": "Het college, voorbereid door het team Informatievoorziening",
    "group_owns_problem": "nee",
    "referred_to": "College van B en W",
    "rules": [
        {
            "title": "Wet open overheid, artikel 5.1 en 5.2: weigergronden",
            "verdict": "ja",
            "assessment": "Per bericht wegen, en meningen zo mogelijk geanonimiseerd openbaren.",
        },
    ],
    "facts": [
        {
            "text": "Van de 140 berichten bevatten er 22 bedrijfsgegevens over grondprijzen.",
            "source": "Inventarisatie Informatievoorziening",
        },
        {
            "text": "De onderhandeling over de grondprijs is nog niet afgerond.",
            "source": "Projectleider Stationsplein",
        },
    ],
    "facts_sufficient": "ja",
    "arguments": [
        {
            "side": "X",
            "category": "B",
            "text": (
                "Inwoners hebben recht te weten hoe een wethouder met een ontwikkelaar omgaat. "
                "Openheid is de regel, geheimhouding de uitzondering."
            ),
            "principles": ["openheid-integriteit", "verantwoording"],
            "r_criteria": ["rechtmatigheid"],
            "core_values": ["Openheid"],
            "stakeholder": "journalist",
            "decisive": True,
        },
        {
            "side": "X",
            "category": "G",
            "text": "Weigeren wekt de indruk dat er iets te verbergen is.",
        },
        {
            "side": "Y",
            "category": "G",
            "text": "Openbare grondprijzen verzwakken de positie van de gemeente.",
            "principles": ["doelgerichtheid-doelmatigheid"],
            "stakeholder": "ontwikkelaar",
        },
        {
            "side": "Y",
            "category": "S",
            "text": "Appjes zijn geen officiële stukken.",
        },
    ],
    "chosen_option": "X",
    "reasoning": (
        "Openheid weegt het zwaarst: het gaat om de omgang van een bestuurder met een partij "
        "die geld verdient aan een gemeentelijk besluit. Wij lakken alleen persoonsgegevens en "
        "de grondprijzen zolang de onderhandeling loopt. Appjes zijn gewoon documenten onder "
        "de Woo."
    ),
    "r_judgements": {
        "rechtsgelijkheid": ("houdt_stand", ""),
        "rechtmatigheid": ("houdt_stand", "Elke lakking heeft een weigergrond."),
        "rechtvaardigheid": ("houdt_stand", ""),
    },
    "principle_tests": principle_tests(
        {
            "openheid-integriteit": ("dient", ""),
            "doelgerichtheid-doelmatigheid": ("onder_druk", "De onderhandeling wordt lastiger."),
            "verantwoording": ("dient", ""),
        }
    ),
    "measures": [
        {
            "stakeholder": "ontwikkelaar",
            "action": "De ontwikkelaar vooraf laten weten welke berichten openbaar worden.",
            "owner": "Ruud Visser",
            "due_in_days": 10,
            "status": "gereed",
        },
    ],
    "control_answers": {
        "beheerder": ("prettig", "ja", ""),
        "gespreksleider": ("prettig", "ja", ""),
        "deelnemer2": ("pijnlijk", "ja", "De wethouder zal hier niet blij mee zijn."),
        "integriteitscoordinator": ("prettig", "ja", ""),
    },
    "objections": [
        {
            "step": 5,
            "author": "deelnemer2",
            "text": "Moeten we de wethouder niet eerst vragen wat hij wil?",
            "handling": "terzijde",
            "handling_reason": (
                "De wethouder wordt gehoord als belanghebbende, maar de afweging is aan ons "
                "en daarna aan het hele college."
            ),
        },
    ],
}


HOUSE_VISIT = {
    "organisation": "lindeveen",
    "title": "Onaangekondigd huisbezoek bij een vermoeden van samenwonen",
    "days_ago": 50,
    "status": "besloten",
    "finalise": True,
    "facilitator": "deelnemer5",
    "created_by": "deelnemer5",
    "participants": ["deelnemer5", "deelnemer3", "gespreksleider"],
    "problem_statement": (
        "Een anonieme tip zegt dat een bijstandsgerechtigde moeder samenwoont met een nieuwe "
        "partner. Er zijn geen andere aanwijzingen. Een onaangekondigd huisbezoek geeft snel "
        "duidelijkheid, maar het is een grote inbreuk op haar privacy, met kinderen in huis."
    ),
    "option_x": "Onaangekondigd op huisbezoek gaan.",
    "option_y": "Eerst een gesprek op het kantoor, en alleen bij meer aanwijzingen een huisbezoek.",
    "signals": ["twijfel"],
    "clear_legal_rule": "nee",
    "legal_rule_note": (
        "Een huisbezoek mag alleen met toestemming en met een redelijke grond. Of een anonieme "
        "tip genoeg is, moeten wij wegen."
    ),
    "stakeholders": [
        {
            "key": "moeder",
            "name": "De moeder en haar kinderen",
            "kind": "burgers",
            "rights": "Recht op bescherming van haar woning en privéleven.",
            "interests": "Rust voor haar kinderen.",
            "expectations": "Dat de gemeente haar niet wantrouwt zonder reden.",
        },
        {
            "key": "inwoners",
            "name": "Inwoners die de bijstand betalen",
            "kind": "burgers",
            "rights": "",
            "interests": "Dat bijstand terechtkomt bij wie er recht op heeft.",
            "expectations": "",
        },
    ],
    "owner_name": "Teamleider Werk en inkomen",
    "group_owns_problem": "ja",
    "rules": [
        {
            "title": "Participatiewet, artikel 53a: onderzoek naar de woonsituatie",
            "verdict": "ja",
            "assessment": "Een redelijke grond is nodig; een losse tip is dat niet.",
        },
    ],
    "facts": [
        {"text": "Er is één anonieme tip, zonder verdere details.", "source": "Meldpunt"},
        {"text": "De moeder heeft altijd alles op tijd gemeld.", "source": "Dossier"},
    ],
    "facts_sufficient": "deels",
    "arguments": [
        {
            "side": "X",
            "category": "G",
            "text": "Een huisbezoek geeft snel duidelijkheid.",
            "stakeholder": "inwoners",
        },
        {
            "side": "Y",
            "category": "B",
            "text": (
                "De woning is beschermd. Zonder redelijke grond gaan wij niet binnen, ook niet "
                "als het sneller is."
            ),
            "principles": ["behoorlijke-contacten", "legitimiteit"],
            "r_criteria": ["rechtmatigheid", "rechtvaardigheid"],
            "core_values": ["Professionaliteit"],
            "stakeholder": "moeder",
            "decisive": True,
        },
    ],
    "chosen_option": "Y",
    "reasoning": (
        "Het recht op bescherming van de woning weegt het zwaarst. Een anonieme tip is geen "
        "redelijke grond. Wij nodigen haar uit voor een gesprek."
    ),
    "r_judgements": {
        "rechtsgelijkheid": ("houdt_stand", ""),
        "rechtmatigheid": ("houdt_stand", ""),
        "rechtvaardigheid": ("houdt_stand", ""),
    },
    "principle_tests": principle_tests({"behoorlijke-contacten": ("dient", "")}),
    "compensation_note": (
        "Geen maatregel nodig: de moeder merkt alleen een gewoon gesprek op kantoor."
    ),
    "control_answers": {
        "deelnemer5": ("prettig", "ja", ""),
        "deelnemer3": ("prettig", "ja", ""),
        "gespreksleider": ("prettig", "ja", ""),
    },
}


# Zuiderland shares its enforcement case with other government organisations, so that a
# coordinator of Lindeveen finds it under "Gedeeld door andere organisaties".
ENFORCEMENT["finalise"] = True


SESSIONS = [
    WINDMILLS,
    PARTICIPATION,
    IMPLEMENTATION_TEST,
    ENFORCEMENT,
    VILLAGE_HALL,
    NOT_A_DILEMMA,
    CAREGIVER_HOME,
    SPORTS_GRANT,
    GREEN_MAINTENANCE,
    GIFT,
    SIDE_JOB,
    RECOVERY,
    HOUSE_VISIT,
    COST_SHARING,
    FOI_REQUEST,
]


# The integrity coordinator's review of finalised cases (annotations and links). A review is
# only written when ``load_demo`` creates the case, so edits made in the app survive.
REVIEWS = [
    {
        "organisation": "lindeveen",
        "title": CAREGIVER_HOME["title"],
        "lessons": (
            "Handhaven hoeft niet alles of niets te zijn. Een tijdelijke vergunning met "
            "voorwaarden beschermt de buren en laat ruimte voor zorg. Ga vroeg bij beide buren "
            "langs."
        ),
        "themes": ["Handhaving", "Mantelzorg", "Evenredigheid"],
        "leading": True,
        "review_in_days": 200,
    },
    {
        "organisation": "lindeveen",
        "title": SPORTS_GRANT["title"],
        "lessons": (
            "Tegen de schijn van belangenverstrengeling helpt openheid over hoe je besliste "
            "beter dan uitstel. Controleer of het belang in het register staat."
        ),
        "themes": ["Belangenverstrengeling", "Subsidies"],
        "leading": False,
    },
    {
        "organisation": "lindeveen",
        "title": GIFT["title"],
        "lessons": "Geld of een cadeaubon nemen we niet aan; een persoonlijk gebaar soms wel.",
        "themes": ["Geschenken", "Belangenverstrengeling"],
        "leading": False,
    },
    {
        "organisation": "lindeveen",
        "title": SIDE_JOB["title"],
        "lessons": "Nevenwerk dicht bij de eigen taak: voorwaarden en een signaal in het systeem.",
        "themes": ["Nevenwerkzaamheden", "Belangenverstrengeling"],
        "leading": False,
        "links": [
            (
                "onderscheidt",
                SPORTS_GRANT["title"],
                (
                    "Hier gaat het om het eigen belang van een medewerker, niet om de schijn "
                    "rond een bestuurder. Daarom voorwaarden, en niet alleen openheid."
                ),
            ),
        ],
    },
    {
        "organisation": "lindeveen",
        "title": RECOVERY["title"],
        "lessons": (
            "De wet geeft ruimte voor dringende redenen. Leg de lijn vast in een "
            "werkinstructie, anders beslist elke consulent anders."
        ),
        "themes": ["Maatwerk in de bijstand"],
        "leading": False,
        "review_in_days": 90,
    },
    {
        "organisation": "lindeveen",
        "title": COST_SHARING["title"],
        "lessons": "Tweede keer dat de regel knelt: bespreek dit met de beleidsafdeling.",
        "themes": ["Maatwerk in de bijstand", "Dakloosheid"],
        "leading": False,
        "links": [
            (
                "volgt",
                RECOVERY["title"],
                "Dezelfde lijn: maatwerk als de regel iemand treft zoals de wet niet bedoelt.",
            ),
        ],
    },
]


# Cases shared anonymised beyond the organisation (level "overheid": other government
# organisations), with the problem owner's consent, through ``casebook.anonymise``.
SHARES = [
    {
        "organisation": "lindeveen",
        "title": CAREGIVER_HOME["title"],
        "level": "overheid",
        "consent_by": "Teamleider Vergunningen en handhaving",
        "consent_days_ago": 14,
        # Other government organisations may know whose case it is; people stay anonymous.
        "keep_organisation_name": True,
    },
    {
        "organisation": "zuiderland",
        "title": ENFORCEMENT["title"],
        "level": "overheid",
        "consent_by": "Teamleider Toezicht en handhaving",
        "consent_days_ago": 6,
        # Other government organisations may know whose case it is; people stay anonymous.
        "keep_organisation_name": True,
    },
]


# Dilemmas reported through "Dilemma melden", not yet handled. An anonymous report has no
# sender at all; a named one shows its sender the status.
INTAKE_REPORTS = [
    {
        "organisation": "lindeveen",
        "kind": "kritiek",
        "anonymous": True,
        "sender": None,
        "days_ago": 6,
        "text": (
            "In ons team moeten we steeds vaker nee zeggen tegen mensen die het echt nodig "
            "hebben, omdat de regels geen ruimte laten. Ik durf dat niet in het teamoverleg te "
            "zeggen. Kunnen we hier een keer echt over praten?"
        ),
    },
    {
        "organisation": "lindeveen",
        "kind": "vraag",
        "anonymous": False,
        "sender": "deelnemer2",
        "days_ago": 3,
        "text": (
            "Een bewonersvereniging nodigt mij persoonlijk uit voor hun jubileumfeest. Ik "
            "beoordeel volgende maand hun subsidieaanvraag. Mag ik gaan?"
        ),
    },
]
