"""The seven principles of the Nederlandse Code voor Goed Openbaar Bestuur (BZK, 2009)
and the three R's of reflectie 2, in the guide's Dutch wording with an English translation.

The codes are stable: wording may change in a later migration, codes never do.
"""

from django.db import migrations

PRINCIPLES = [
    (
        "openheid-integriteit",
        1,
        "Openheid en integriteit",
        "Openness and integrity",
        "Het bestuur is open en integer en maakt duidelijk wat het daaronder verstaat. "
        "Het bestuur geeft in zijn gedrag het goede voorbeeld, binnen en buiten de organisatie.",
        "The administration is open and acts with integrity, and makes clear what it means by "
        "that. In its conduct it sets the right example, inside and outside the organisation.",
    ),
    (
        "participatie",
        2,
        "Participatie",
        "Participation",
        "Het bestuur weet wat er leeft in de maatschappij en laat zien wat het daarmee doet.",
        "The administration knows what is going on in society and shows what it does with that.",
    ),
    (
        "behoorlijke-contacten",
        3,
        "Behoorlijke contacten met burgers",
        "Proper dealings with citizens",
        "Het bestuur en de medewerkers van de organisatie gedragen zich behoorlijk in contacten "
        "met burgers.",
        "The administration and the staff of the organisation behave properly in their dealings "
        "with citizens.",
    ),
    (
        "doelgerichtheid-doelmatigheid",
        4,
        "Doelgerichtheid en doelmatigheid",
        "Purposefulness and efficiency",
        "Het bestuur maakt de doelen van de organisatie bekend en neemt de beslissingen en "
        "maatregelen die nodig zijn om de gestelde doelen te behalen.",
        "The administration makes the organisation's goals known and takes the decisions and "
        "measures needed to reach them.",
    ),
    (
        "legitimiteit",
        5,
        "Legitimiteit",
        "Legitimacy",
        "Het bestuur neemt alleen beslissingen en maatregelen die het mag nemen, in "
        "overeenstemming zijn met de geldende wet- en regelgeving. De beslissingen moeten "
        "rechtvaardig zijn.",
        "The administration only takes decisions and measures it is allowed to take, in line "
        "with the laws and regulations in force. Its decisions must be just.",
    ),
    (
        "zelfreinigend-lerend-vermogen",
        6,
        "Zelfreinigend en lerend vermogen",
        "Self-correcting and learning capacity",
        "Het bestuur leidt de organisatie, laat zich controleren en is aanspreekbaar. Het bestuur "
        "verbetert zijn prestaties en die van de organisatie door te leren van eventuele fouten "
        "en andere ervaringen.",
        "The administration leads the organisation, lets itself be checked and can be held to "
        "account. It improves its own performance and that of the organisation by learning from "
        "mistakes and other experiences.",
    ),
    (
        "verantwoording",
        7,
        "Verantwoording",
        "Accountability",
        "Het bestuur is bereid zich regelmatig en ruimhartig jegens de omgeving te "
        "verantwoorden.",
        "The administration is willing to account for itself to its surroundings regularly and "
        "generously.",
    ),
]

R_CRITERIA = [
    (
        "rechtsgelijkheid",
        1,
        "Rechtsgelijkheid",
        "Equality before the law",
        "Elke burger is gelijk voor het recht en voor de wet.",
        "Every citizen is equal before the law.",
    ),
    (
        "rechtmatigheid",
        2,
        "Rechtmatigheid",
        "Lawfulness",
        "Het recht en de wet volgen.",
        "Following the law and regulations.",
    ),
    (
        "rechtvaardigheid",
        3,
        "Rechtvaardigheid",
        "Justice",
        "Recht doen: de wet niet letterlijk nemen maar letten op de situatie, waarbij "
        "proportionaliteit in acht wordt genomen (bijvoorbeeld in de verhouding "
        "overtreding-maatregel).",
        "Doing justice: not taking the law literally but looking at the situation, with "
        "proportionality (for example between offence and measure).",
    ),
]

FIELDS = ("code", "number", "name_nl", "name_en", "statement_nl", "statement_en")


def load(apps, schema_editor):
    for model_name, rows in (("Principle", PRINCIPLES), ("RCriterion", R_CRITERIA)):
        model = apps.get_model("principles", model_name)
        for row in rows:
            values = dict(zip(FIELDS, row, strict=True))
            model.objects.update_or_create(code=values.pop("code"), defaults=values)


def unload(apps, schema_editor):
    apps.get_model("principles", "Principle").objects.all().delete()
    apps.get_model("principles", "RCriterion").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("principles", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
