"""The masthead words of UN documents in the six official languages (en, fr, es, ru, zh, ar).

Every function takes an ISO language code; an unknown code falls back to English. Where a
corner of the masthead stays in English in a language version (the distribution, date and
"Original:" lines of the Russian, Chinese and Arabic versions), the function says so by
returning the English text. :data:`SOURCES` says, for each convention, where it was seen in a
real UN document or that it is unverified.

Pure Python: no Qt, no I/O.
"""

from __future__ import annotations

import datetime

from drafting.session_ordinals import MAX_SESSION, MIN_SESSION, session_ordinal  # noqa: F401 (part of this API)
from drafting.sessions import CND, ECOSOC, GENERAL_ASSEMBLY, SECURITY_COUNCIL

LANGUAGES = ("en", "fr", "es", "ru", "zh", "ar")

SOURCES: dict[str, str] = {
    # Session line
    "en.session": "A/RES/67/193 (corpus ga-res-67-193-en.txt): 'Sixty-seventh session'",
    "fr.session": "A/RES/76/268 (fr): 'Soixante-seizième session'; A/63/959 (fr, docplayer.fr):"
    " 'Soixante-troisième session'; other forms by French grammar (traditional spelling)",
    "es.session": "A/59/100 'Quincuagésimo noveno período de sesiones' (studylib.es), A/57/551"
    " 'Quincuagésimo séptimo…' (mydokument.com), A/53/100 'Quincuagésimo tercer período de sesiones'"
    " (docslib.org: apocope in a compound), A/31/PV.90 'Trigésimo primer período de sesiones'"
    " (documentop.com); 11-19 (undécimo, duodécimo, decimotercer…) unverified",
    "ru.session": "A/69/972 and A/69/L.52 (ru, ksors.info): 'Шестьдесят девятая сессия'; other forms"
    " by Russian grammar (е for ё as in UN Russian)",
    "zh.session": "corpus ga-draft-central-asia-drugs-zh.txt: '第七十八届会议'; ≥ 100 (第一百零一届…) by"
    " Chinese numeral rules, unverified",
    "ar.session": "A/74/L.75 (ar bitext): 'الدورة الرابعة والسبعون'; CCPR/C/SR.2040 'الدورة الخامسة"
    " والسبعون', CEDAW/C/SR.849 'الدورة الحادية والأربعون' (docstore.ohchr.org)",
    "ar.session_100_plus": "unverified: 'الحادية بعد المائة' (n - 100 'بعد المائة', as UN Arabic names"
    " the sessions of treaty bodies past 100, from memory, not found in the search corpus);"
    " 100 itself 'المائة'",
    # Agenda item
    "en.agenda_item": "A/RES/67/193: 'Agenda item 104'",
    "fr.agenda_item": "A/RES/76/268 (fr): 'Point 126 de l’ordre du jour'; A/63/959 'Point 110 de"
    " l’ordre du jour'",
    "es.agenda_item": "A/57/551 (es): 'Tema 104 del programa'",
    "ru.agenda_item": "A/69/972 (ru): 'Пункт 118 повестки дня'; A/69/L.52 'Пункт 129 повестки дня'",
    "zh.agenda_item": "corpus ga-draft-central-asia-drugs-zh.txt: '议程项目 64'",
    "ar.agenda_item": "A/74/L.75 (ar bitext): 'البند 7 من جدول الأعمال'",
    # Distribution
    "en.distribution": "A/RES/67/193: 'Distr.: General'; A/74/L.75 'Distr.: Limited'",
    "fr.distribution": "'Distr. générale': A/RES/76/268 (fr), A/63/959 (fr); 'Distr. limitée' and"
    " 'Distr. restreinte' unverified (French grammar)",
    "es.distribution": "'Distr. general': A/59/100, A/57/551, A/53/100 (es); 'Distr. limitada' and"
    " 'Distr. reservada' unverified (a Vienna L-document, A/AC.105/C.1/L.268, prints"
    " 'Distr.: Limitada')",
    "ru.distribution": "in English: A/69/972 (ru) 'Distr.: General', A/69/L.52 (ru) 'Distr.: Limited'",
    "zh.distribution": "in English: A/ES-11/L.1 (zh, zh.wikisource.org) 'Distr.: Limited'",
    "ar.distribution": "in English: A/74/L.75 (ar bitext) 'Distr.: Limited'",
    # Masthead date
    "en.date": "A/RES/67/193: '20 December 2012'",
    "fr.date": "A/RES/76/268 (fr): '21 juin 2022'; A/63/959 '22 septembre 2009'; '1er' for the first"
    " day by French typography, seen in UN French text ('1er juillet 2006', press.un.org AG/AB/3749)",
    "es.date": "A/57/551 (es): '4 de diciembre de 2002'; '1 de diciembre de 1999' (no ordinal) in"
    " A/RES/66/54 (es)",
    "ru.date": "in English: A/69/972 (ru), A/69/L.52 (ru) '19 February 2015'",
    "zh.date": "in English: A/ES-11/L.1 (zh) '1 March 2022'",
    "ar.date": "in English: A/74/L.75 (ar bitext) '16 July 2020'",
    # Version language line
    "fr.version_language": "A/63/959 (fr, docplayer.fr) and IDB.49/1/Add.1 (fr): 'Français'",
    "es.version_language": "A/59/100, A/57/551 (es): 'Español'",
    "ru.version_language": "A/69/972, A/69/L.52 (ru): 'Russian' (in English)",
    "zh.version_language": "A/ES-11/L.1 (zh, zh.wikisource.org): 'Chinese' (in English)",
    "ar.version_language": "A/74/L.75 (ar bitext): 'Arabic' (in English)",
    # Original language line
    "en.original_language": "A/74/L.75 (en): 'Original: English'",
    "fr.original_language": "A/63/959 (fr, 2009) and IDB.49/1/Add.1 (fr, 2021): 'Original : anglais'"
    " (space before the colon; A/53/250 of 1998 still printed 'Original: anglais'); names of other"
    " languages by French grammar",
    "es.original_language": "A/59/100, A/57/551 (es): 'Original: inglés'; other language names"
    " by Spanish grammar (lower case)",
    "ru.original_language": "in English: A/69/972, A/69/L.52 (ru) 'Original: English'",
    "zh.original_language": "in English: A/ES-11/L.1 (zh) 'Original: English'",
    "ar.original_language": "in English: A/74/L.75 (ar bitext) 'Original: English'",
    # Organization and organs
    "en.organization": "A/RES/67/193",
    "fr.organization": "A/RES/76/268 (fr), A/63/959 (fr): 'Nations Unies'",
    "es.organization": "A/59/100, A/57/551 (es): 'Naciones Unidas'",
    "ru.organization": "A/69/972, A/69/L.52 (ru): 'Организация Объединенных Наций'",
    "zh.organization": "A/ES-11/L.1 (zh): '联合国'",
    "ar.organization": "A/74/L.75, A/AC.109/2019/L.18 (ar bitexts): 'الأمم المتحدة'",
    "fr.organ_names": "'Assemblée générale' A/RES/76/268 (fr); the other three are the organs' official"
    " French names, not checked in a masthead here",
    "es.organ_names": "'Asamblea General' A/57/551 (es); the other three are the official Spanish"
    " names, not checked in a masthead here",
    "ru.organ_names": "'Генеральная Ассамблея' A/69/L.52 (ru); the other three not checked in a"
    " masthead here",
    "zh.organ_names": "'大会' A/ES-11/L.1 (zh) and the corpus draft; '麻醉药品委员会' in the corpus draft;"
    " the other two not checked in a masthead here",
    "ar.organ_names": "'الجمعية العامة' A/74/L.75 (ar); the other three not checked in a masthead here",
    # Organ line
    "en.organ_line": "A/RES/67/193: 'The General Assembly,'",
    "fr.organ_line": "A/RES/76/268 (fr): 'L’Assemblée générale,'; other organs by French grammar",
    "es.organ_line": "'La Asamblea General,' in A/RES/66/54 (es, UNDL es-en corpus copy); other"
    " organs by Spanish grammar",
    "ru.organ_line": "A/69/L.52 (ru): 'Генеральная Ассамблея,'",
    "zh.organ_line": "corpus ga-draft-central-asia-drugs-zh.txt: '大会，'",
    "ar.organ_line": "A/74/L.75 and A/AC.109/2019/L.18 (ar bitexts): 'إن الجمعية العامة،'",
    # Draft designation
    "en.draft_designation": "A/72 Central Asia draft (en, uzbinbkk.com copy): '…: draft resolution'",
    "fr.draft_designation": "unverified in a masthead ('projet de résolution' in UN French prose,"
    " press.un.org AG/AB/3749)",
    "es.draft_designation": "unverified in a masthead ('proyecto de resolución' in A/31/PV.90 (es))",
    "ru.draft_designation": "A/69/L.52 (ru): 'проект резолюции'",
    "zh.draft_designation": "corpus ga-draft-central-asia-drugs-zh.txt: '决议草案'",
    "ar.draft_designation": "A/AC.109/2019/L.18 (ar bitext): 'مشروع قرار'",
    # Lists of names
    "en.join_names": "A/72 Central Asia draft (en, uzbinbkk.com copy): 'Kazakhstan, Kyrgyzstan, Tajikistan,"
    " Turkmenistan and Uzbekistan'",
    "fr.join_names": "unverified in a sponsors line (French grammar: '…, B et C')",
    "es.join_names": "unverified in a sponsors line (Spanish grammar: '…, B y C')",
    "ru.join_names": "A/69/L.52 (ru) sponsors line: '…, Хорватия, Черногория, Эквадор и Эритрея'",
    "zh.join_names": "corpus ga-draft-central-asia-drugs-zh.txt: '哈萨克斯坦、…、土库曼斯坦和乌兹别克斯坦'",
    "ar.join_names": "partly verified: CEDAW/C/SR.849 (ar, docstore.ohchr.org) lists States as"
    " 'A وB وC' (و attached to every later name, no comma); not checked in a sponsors line;"
    " un.org/ar pages also write 'A، وB، وC'",
    # Adoption heading
    "en.adoption_heading": "A/RES/67/193: 'Resolution adopted by the General Assembly on 20 December 2012'",
    "fr.adoption_heading": "A/RES/76/268 (fr): 'Résolution adoptée par l’Assemblée générale le 10 juin 2022'",
    "es.adoption_heading": "A/RES/66/54 (es, UNDL es-en corpus copy): 'Resolución aprobada por la"
    " Asamblea General el 2 de diciembre de 2011'",
    "ru.adoption_heading": "A/RES/69/323 (ru, genocideprevention.am copy): 'Резолюция, принятая"
    " Генеральной Ассамблеей 11 сентября 2015 года'; other organs (instrumental case) unverified",
    "zh.adoption_heading": "unverified: date first, '2015年9月25日大会决议'; the words '大会决议' seen"
    " in A/RES/50/28 and A/RES/54/254 (zh copies) whose headings carry no date",
    "ar.adoption_heading": "unverified: 'قرار اتخذته الجمعية العامة في 25 أيلول/سبتمبر 2015'; the"
    " double month names ('6 كانون الأول/ديسمبر 2006', '13 آذار/مارس 2003') are verified in UN Arabic"
    " texts (A/RES/61/53 copy, A/74/L.75)",
}
"""Where each convention was verified ("lang.convention" -> source), or "unverified…"."""


def _lang(language: str) -> str:
    return language if language in LANGUAGES else "en"


# --- Sessions ---------------------------------------------------------------------------------


def session_line(number: int, language: str) -> str:
    """The masthead session line: "Sixty-seventh session", "Soixante-septième session",
    "Quincuagésimo séptimo período de sesiones", "Шестьдесят девятая сессия", "第七十八届会议",
    "الدورة الرابعة والسبعون"."""
    ordinal = session_ordinal(number, language)
    lang = _lang(language)
    if lang == "fr":
        return f"{ordinal} session"
    if lang == "es":
        return f"{ordinal} período de sesiones"
    if lang == "ru":
        return f"{ordinal} сессия"
    if lang == "zh":
        return f"{ordinal}会议"
    if lang == "ar":
        return f"الدورة {ordinal}"
    return f"{ordinal} session"


# --- Agenda item, distribution, date, languages -------------------------------------------------


def agenda_item_line(item: str, language: str) -> str:
    """ "Agenda item 104", "Point 104 de l’ordre du jour", "Tema 104 del programa",
    "Пункт 104 повестки дня", "议程项目 104", "البند 104 من جدول الأعمال"; ``item`` may be "18 (b)"."""
    lang = _lang(language)
    if lang == "fr":
        return f"Point {item} de l’ordre du jour"
    if lang == "es":
        return f"Tema {item} del programa"
    if lang == "ru":
        return f"Пункт {item} повестки дня"
    if lang == "zh":
        return f"议程项目 {item}"
    if lang == "ar":
        return f"البند {item} من جدول الأعمال"
    return f"Agenda item {item}"


_DISTRIBUTION = {
    "fr": {"General": "Distr. générale", "Limited": "Distr. limitée", "Restricted": "Distr. restreinte"},
    "es": {"General": "Distr. general", "Limited": "Distr. limitada", "Restricted": "Distr. reservada"},
}


def distribution_line(distribution: str, language: str) -> str:
    """ "Distr.: General" (also in the ru, zh and ar versions), "Distr. générale", "Distr. general".
    ``distribution`` is the English value of the model ("General", "Limited", "Restricted"); a value
    outside those three is printed the English way."""
    table = _DISTRIBUTION.get(_lang(language), {})
    return table.get(distribution, f"Distr.: {distribution}")


MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
MONTHS_ES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip
MONTHS_RU_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
MONTHS_AR = (
    "كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
    "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
)  # fmt: skip
"""UN Arabic names a month twice (Levantine/Gregorian), as in "6 كانون الأول/ديسمبر 2006"."""
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _date_en(date: datetime.date) -> str:
    return f"{date.day} {_MONTHS_EN[date.month - 1]} {date.year}"


def _date_fr(date: datetime.date) -> str:
    day = "1er" if date.day == 1 else str(date.day)
    return f"{day} {MONTHS_FR[date.month - 1]} {date.year}"


def _date_es(date: datetime.date) -> str:
    return f"{date.day} de {MONTHS_ES[date.month - 1]} de {date.year}"


def _date_in_text(date: datetime.date, lang: str) -> str:
    """A date as running text of the language writes it (the adoption heading)."""
    if lang == "fr":
        return _date_fr(date)
    if lang == "es":
        return _date_es(date)
    if lang == "ru":
        return f"{date.day} {MONTHS_RU_GENITIVE[date.month - 1]} {date.year} года"
    if lang == "zh":
        return f"{date.year}年{date.month}月{date.day}日"
    if lang == "ar":
        return f"{date.day} {MONTHS_AR[date.month - 1]} {date.year}"
    return _date_en(date)


def date_in_text(date: datetime.date, language: str) -> str:
    """A date as the running text of ``language`` writes it ("11 сентября 2015 года",
    "2015年9月25日"): the adoption heading, a concept paper's date line."""
    return _date_in_text(date, _lang(language))


def masthead_date(date: datetime.date, language: str) -> str:
    """The date in the masthead corner: "6 July 2015" (en, and the ru, zh, ar versions),
    "21 juin 2022" ("1er juin 2022"), "4 de diciembre de 2002"."""
    lang = _lang(language)
    if lang in ("fr", "es"):
        return _date_in_text(date, lang)
    return _date_en(date)


_VERSION_LANGUAGE = {"fr": "Français", "es": "Español", "ru": "Russian", "zh": "Chinese", "ar": "Arabic"}


def version_language_line(language: str) -> str | None:
    """The line a language version prints under the date ("Español", "Russian"…); None for English."""
    return _VERSION_LANGUAGE.get(_lang(language))


_LANGUAGE_NAMES = {
    "fr": {
        "English": "anglais", "French": "français", "Spanish": "espagnol", "Russian": "russe",
        "Chinese": "chinois", "Arabic": "arabe",
    },
    "es": {
        "English": "inglés", "French": "francés", "Spanish": "español", "Russian": "ruso",
        "Chinese": "chino", "Arabic": "árabe",
    },
}  # fmt: skip


def original_language_line(original: str, language: str) -> str:
    """ "Original: English" (en, and the ru, zh, ar versions), "Original : anglais",
    "Original: inglés". ``original`` is an English language name; "English/French" is translated
    part by part; a name the table does not know is kept."""
    lang = _lang(language)
    names = _LANGUAGE_NAMES.get(lang)
    if names is None:
        return f"Original: {original}"
    translated = "/".join(names.get(part.strip(), part.strip()) for part in original.split("/"))
    return f"Original : {translated}" if lang == "fr" else f"Original: {translated}"


# --- Organization, organs ----------------------------------------------------------------------

_ORGANIZATION = {
    "en": "United Nations",
    "fr": "Nations Unies",
    "es": "Naciones Unidas",
    "ru": "Организация Объединенных Наций",
    "zh": "联合国",
    "ar": "الأمم المتحدة",
}


def organization_name(language: str) -> str:
    return _ORGANIZATION[_lang(language)]


_ORGANS: dict[str, dict[str, str]] = {
    "fr": {
        GENERAL_ASSEMBLY: "Assemblée générale", ECOSOC: "Conseil économique et social",
        SECURITY_COUNCIL: "Conseil de sécurité", CND: "Commission des stupéfiants",
    },
    "es": {
        GENERAL_ASSEMBLY: "Asamblea General", ECOSOC: "Consejo Económico y Social",
        SECURITY_COUNCIL: "Consejo de Seguridad", CND: "Comisión de Estupefacientes",
    },
    "ru": {
        GENERAL_ASSEMBLY: "Генеральная Ассамблея", ECOSOC: "Экономический и Социальный Совет",
        SECURITY_COUNCIL: "Совет Безопасности", CND: "Комиссия по наркотическим средствам",
    },
    "zh": {
        GENERAL_ASSEMBLY: "大会", ECOSOC: "经济及社会理事会", SECURITY_COUNCIL: "安全理事会",
        CND: "麻醉药品委员会",
    },
    "ar": {
        GENERAL_ASSEMBLY: "الجمعية العامة", ECOSOC: "المجلس الاقتصادي والاجتماعي",
        SECURITY_COUNCIL: "مجلس الأمن", CND: "لجنة المخدرات",
    },
}  # fmt: skip


ORGANS_NAMED = (GENERAL_ASSEMBLY, ECOSOC, SECURITY_COUNCIL, CND)
"""The organs whose names the tables give in every language."""


def organ_name(organ: str, language: str) -> str:
    """The organ's name in ``language``; an organ the table does not know is returned unchanged."""
    return _ORGANS.get(_lang(language), {}).get(organ, organ)


_ARTICLE_FR = {GENERAL_ASSEMBLY: "L’", ECOSOC: "Le ", SECURITY_COUNCIL: "Le ", CND: "La "}
_ARTICLE_ES = {GENERAL_ASSEMBLY: "La ", ECOSOC: "El ", SECURITY_COUNCIL: "El ", CND: "La "}
_BY_FR = {GENERAL_ASSEMBLY: "par l’", ECOSOC: "par le ", SECURITY_COUNCIL: "par le ", CND: "par la "}
_BY_ES = {GENERAL_ASSEMBLY: "por la ", ECOSOC: "por el ", SECURITY_COUNCIL: "por el ", CND: "por la "}
_RU_INSTRUMENTAL = {
    GENERAL_ASSEMBLY: "Генеральной Ассамблеей",
    ECOSOC: "Экономическим и Социальным Советом",
    SECURITY_COUNCIL: "Советом Безопасности",
    CND: "Комиссией по наркотическим средствам",
}
_AR_MASCULINE_ORGANS = {ECOSOC, SECURITY_COUNCIL}
"""المجلس and مجلس are masculine: "قرار اتخذه مجلس الأمن"; the Assembly and the Commission feminine."""


def organ_line(organ: str, language: str) -> str:
    """The line before the preamble: "The General Assembly,", "L’Assemblée générale,",
    "La Asamblea General,", "Генеральная Ассамблея,", "大会，", "إن الجمعية العامة،"."""
    lang = _lang(language)
    name = organ_name(organ, lang)
    if lang == "fr":
        return f"{_ARTICLE_FR.get(organ, '')}{name},"
    if lang == "es":
        return f"{_ARTICLE_ES.get(organ, '')}{name},"
    if lang == "ru":
        return f"{name},"
    if lang == "zh":
        return f"{name}，"
    if lang == "ar":
        return f"إن {name}،"
    return f"The {name},"


_DRAFT = {
    "en": "draft resolution",
    "fr": "projet de résolution",
    "es": "proyecto de resolución",
    "ru": "проект резолюции",
    "zh": "决议草案",
    "ar": "مشروع قرار",
}


def draft_designation(language: str) -> str:
    """What a sponsors line calls the text: "draft resolution", "projet de résolution"…"""
    return _DRAFT[_lang(language)]


_AND = {"en": " and ", "fr": " et ", "es": " y ", "ru": " и "}


def join_names(names: list[str], language: str) -> str:
    """ "A, B and C", "A, B et C", "A, B y C", "A, B и C", "A、B和C", "A وB وC" (Arabic attaches
    و to every later name, see SOURCES["ar.join_names"])."""
    names = list(names)
    if not names:
        return ""
    lang = _lang(language)
    if lang == "zh":
        return names[0] if len(names) == 1 else "、".join(names[:-1]) + "和" + names[-1]
    if lang == "ar":
        return " ".join([names[0], *(f"و{name}" for name in names[1:])])
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + _AND[lang] + names[-1]


def adoption_heading(organ: str, date: datetime.date, language: str) -> str:
    """ "Resolution adopted by the General Assembly on 20 December 2012" and its equivalents (see
    SOURCES for which are verified). An organ the tables do not know is named unchanged."""
    lang = _lang(language)
    when = _date_in_text(date, lang)
    name = organ_name(organ, lang)
    if lang == "fr":
        return f"Résolution adoptée {_BY_FR.get(organ, 'par ')}{name} le {when}"
    if lang == "es":
        return f"Resolución aprobada {_BY_ES.get(organ, 'por ')}{name} el {when}"
    if lang == "ru":
        return f"Резолюция, принятая {_RU_INSTRUMENTAL.get(organ, name)} {when}"
    if lang == "zh":
        return f"{when}{name}决议"
    if lang == "ar":
        verb = "اتخذه" if organ in _AR_MASCULINE_ORGANS else "اتخذته"
        return f"قرار {verb} {name} في {when}"
    return f"Resolution adopted by the {name} on {when}"
