"""The per-language actor lexicons (plain data in ``lagebild/lang/<lang>/actors/``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...lang import lang_file, read_list, read_table
from ..places.gazetteer import Gazetteer, get_gazetteer, norm

INFLECTION_ENDINGS = {
    "de": ("innen", "in", "en", "n", "s", "es", "e"),
    "en": ("es", "s"),
}


@dataclass(frozen=True)
class Known:
    """An organisation or person from our lexicon."""

    name: str
    country: str | None  # ISO alpha-3
    sector: str | None
    cameo: str | None


@dataclass(frozen=True)
class Role:
    lemma: str
    sector: str | None
    person: bool


class ActorLexicon:
    def __init__(self, lang: str):
        self.lang = lang
        self.gaz: Gazetteer = get_gazetteer(lang)
        self.spelled: set[str] = set()  # names exactly as listed ("dpa" is listed in lower case)
        self.orgs = self._known("organisations.tsv")
        self.persons = self._known("persons.tsv")
        self.max_tokens = max((len(k.split()) for k in list(self.orgs) + list(self.persons)), default=1)
        self.first_words = {k.split()[0] for k in list(self.orgs) + list(self.persons) if " " in k}
        self.roles: dict[str, Role] = {}
        self.role_suffixes: list[tuple[str, Role]] = []
        for row in read_table(lang_file(lang, "actors", "roles.tsv")):
            row = row + [""] * (4 - len(row))
            lemma, sector, kind, match = row[0].strip().lower(), row[1].strip() or None, row[2].strip(), row[3].strip()
            role = Role(lemma, sector, kind != "group")
            self.roles[lemma] = role
            if match == "suffix":
                self.role_suffixes.append((lemma, role))
        self.role_suffixes.sort(key=lambda x: -len(x[0]))
        self.pronouns = {
            r[0].strip().lower(): (r[1].strip() if len(r) > 1 else "any")
            for r in read_table(lang_file(lang, "actors", "pronouns.tsv"))
        }
        self.locative = {w.lower() for w in read_list(lang_file(lang, "actors", "locative.txt"))}
        markers = {r[0].strip(): r[1].split("|") for r in read_table(lang_file(lang, "actors", "markers.tsv"))}
        self.genitive = [m.strip().lower() for m in markers.get("genitive", [])]
        self.determiners = {m.strip().lower() for m in markers.get("determiner", [])}
        self.coordination = {m.strip().lower() for m in markers.get("coordination", [])}
        self.titles = {m.strip() for m in markers.get("title", [])}
        self.armed = {m.strip().lower() for m in markers.get("armed", [])}  # "bewaffnete Gruppen" → UAF
        self.media = {m.strip().lower() for m in markers.get("medium", [])}  # "die Zeitung „Morgenpost“"
        # type nouns of media as word sequences ("news agency"), longest first: "the news agency Tass"
        self.media_phrases = sorted({tuple(m.split()) for m in self.media if m}, key=lambda p: -len(p))
        # stance prefixes: "anti-Israel protesters" oppose Israel, "pro-Russian separatists" support Russia; in
        # both the word after the prefix names what the group is for or against, not the group's own country
        # nouns for a part or members of the group a modifier names: "opposition groups", "military sources"
        self.members = {m.strip().lower() for m in markers.get("member", []) if m.strip()}
        self.stance = {m.strip().lower() for m in markers.get("opposing", []) + markers.get("supporting", []) if m.strip()}

    def _known(self, filename: str) -> dict[str, Known]:
        out: dict[str, Known] = {}
        for row in read_table(lang_file(self.lang, "actors", filename)):
            row = row + [""] * (4 - len(row))
            names = [n.strip() for n in row[0].split("|") if n.strip()]
            if not names:
                continue
            country = row[1].strip() or None
            sector = row[2].strip() or None
            cameo = row[3].strip() or (country + (sector or "") if country else sector)
            known = Known(names[0], country, sector, cameo)
            for name in names:
                out.setdefault(norm(name), known)
                self.spelled.add(name)
        return out

    def role(self, word: str) -> Role | None:
        """The role a (possibly inflected, possibly compound) noun names, else None."""
        w = norm(word)
        if self.lang == "de" and not word[:1].isupper():
            return None
        candidates = [w] + [w[: -len(e)] for e in INFLECTION_ENDINGS.get(self.lang, ()) if w.endswith(e) and len(w) - len(e) >= 3]
        if self.lang == "en" and w.endswith("ies"):
            candidates.append(w[:-3] + "y")
        for cand in candidates:
            if cand in self.roles:
                return self.roles[cand]
        for cand in candidates:
            for suffix, role in self.role_suffixes:
                if cand.endswith(suffix) and len(cand) > len(suffix):
                    if role.sector is None and self.lang == "de":
                        # "Regierungssprecher", "Armeesprecher": the compound's first part gives the sector
                        prefix = cand[: -len(suffix)]
                        for p in (prefix, prefix[:-1] if prefix.endswith("s") else None):
                            if p and len(p) >= 4 and p in self.roles and self.roles[p].sector:
                                return Role(role.lemma, self.roles[p].sector, role.person)
                    return role
        return None

    def nationality(self, word: str) -> str | None:
        """Alpha-3 of a nationality adjective/inhabitant noun/country name (``französische`` → FRA)."""
        return self.gaz.to_alpha3(self.gaz.country_of_word(word))

    def adjective_country(self, word: str) -> str | None:
        """Alpha-3 if ``word`` is a nationality adjective (lower case in German) or an English one."""
        if self.lang == "de" and not word[:1].islower() and "-" not in word:
            return None
        return self.nationality(word)

    def hyphen_prefix(self, word: str) -> tuple[str, str] | None:
        """Split "US-Armee" / "Hamas-Kämpfer" into (prefix, rest) when both parts are non-empty."""
        if "-" not in word.strip("-"):
            return None
        prefix, rest = word.split("-", 1)
        return (prefix, rest) if prefix and rest else None


@lru_cache(maxsize=4)
def get_lexicon(lang: str) -> ActorLexicon:
    return ActorLexicon(lang)
