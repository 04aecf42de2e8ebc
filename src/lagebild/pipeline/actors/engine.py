"""Actor mentions and their grouping into document-level actors (plain functions).

Mentions come from ``doc.ents`` when the base pipeline has NER, and from our lexicons everywhere:
known organisations and persons, role nouns ("Sprecherin", "Streitkräfte", German compounds such as
"Außenministerin"), nationality adjectives ("französische"), hyphen prefixes ("US-Armee"), genitive
complements ("die Sprecherin des Außenministeriums", "Präsident Russlands"), inhabitants ("die Russen"),
countries and capitals used as actors ("Moskau wies zurück" → RUS GOV) and personal pronouns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ...document import Actor
from ..places.gazetteer import norm
from .lexicon import ActorLexicon, Known

PER_LABELS = {"PER", "PERSON"}
ORG_LABELS = {"ORG"}
GPE_LABELS = {"GPE", "LOC"}
MISC_LABELS = {"MISC", "NORP", "OTH"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "sb", "csubj"}


@dataclass
class Mention:
    start: int  # token index
    end: int
    kind: str  # PER | ORG | ROLE | GPE | PRON
    name: str
    country: str | None = None  # alpha-3
    sector: str | None = None
    cameo: str | None = None
    key: str | None = None
    person: bool = False
    role: str | None = None  # role lemma
    acts: bool = False
    parts: list[tuple[int, int]] = field(default_factory=list)  # extra token spans merged in
    actor: str | None = None


def _has_ner(doc: Doc) -> bool:
    return doc.has_annotation("ENT_IOB")


def _has_dep(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def _known_mention(start: int, end: int, known: Known, kind: str, text: str) -> Mention:
    return Mention(
        start, end, kind, known.name, known.country, known.sector, known.cameo,
        key=f"{kind}:{known.name}", person=(kind == "PER"),
    )


class MentionFinder:
    def __init__(self, doc: Doc, lex: ActorLexicon):
        self.doc = doc
        self.lex = lex
        self.gaz = lex.gaz
        self.taken = [False] * len(doc)
        self.mentions: list[Mention] = []
        self.blocked = [False] * len(doc)  # tokens that can not start a mention (e.g. absorbed)
        self._places: dict | None = None

    # -- helpers --------------------------------------------------------------------------------
    def _add(self, m: Mention) -> Mention:
        for i in range(m.start, m.end):
            self.taken[i] = True
        self.mentions.append(m)
        return m

    def _free(self, start: int, end: int) -> bool:
        return all(not self.taken[i] for i in range(start, end))

    def _lookup_known(self, text: str) -> tuple[Known, str] | None:
        if len(text) <= 4 and text.islower() and text not in self.lex.spelled:
            return None  # "is", "who", "un" are words, not "IS", "WHO", "UN"
        key = norm(text)
        if key in self.lex.orgs:
            return self.lex.orgs[key], "ORG"
        if key in self.lex.persons:
            return self.lex.persons[key], "PER"
        return None

    def _city_mention(self, start: int, end: int) -> Mention | None:
        """A city the places layer found at exactly this span ("beschoss die Stadt Charkiw")."""
        if self._places is None:
            self._places = {(p.start, p.end): p for p in self.doc._.lb_places or [] if p.country}
        s_char = self.doc[start].idx
        e_char = self.doc[end - 1].idx + len(self.doc[end - 1].text)
        p = self._places.get((s_char, e_char))
        if p is not None:
            a3 = self.gaz.to_alpha3(p.country)
            return Mention(start, end, "GPE", p.text, a3, None, a3, key=f"CITY:{p.name}")
        return None

    def _country_mention(self, start: int, end: int) -> Mention | None:
        text = self.doc[start:end].text
        cands = self.gaz.lookup(text)
        country = next((c for c in cands if c.kind in ("country", "region")), None)
        if country is not None:
            a3 = self.gaz.to_alpha3(country.country)
            name = self.gaz.country_name(country.country) if country.kind == "country" else country.name
            return Mention(start, end, "GPE", name, a3, None, a3, key=f"GPE:{a3}")
        a2 = self.gaz.capital_country(text)
        if a2:
            a3 = self.gaz.to_alpha3(a2)
            return Mention(start, end, "GPE", text, a3, "GOV", f"{a3}GOV", key=f"GPE:{a3}", acts=True)
        return None

    def _institution_before_person(self, i: int) -> bool:
        """English: an institution noun (a role word that names no person: army, police, government) right before a
        person role noun ("army spokesman", "police officers")."""
        doc, lex = self.doc, self.lex
        if lex.lang != "en" or i + 1 >= len(doc) or self._lookup_known(doc[i].text) is not None:
            return False
        role, head = lex.role(doc[i].text), lex.role(doc[i + 1].text)
        return role is not None and not role.person and head is not None and bool(head.person)

    # -- passes ---------------------------------------------------------------------------------
    def from_ents(self) -> None:
        if not _has_ner(self.doc):
            return
        place_spans = [(p.start, p.end) for p in self.doc._.lb_places or []]
        for ent in self.doc.ents:
            if not self._free(ent.start, ent.end):
                continue
            if any(s <= ent.start_char and ent.end_char <= e and e - s > ent.end_char - ent.start_char for s, e in place_spans):
                continue  # a fragment of a longer place name ("Vereinigten Arabischen" in "… Emirate")
            label = ent.label_
            if len(ent) == 1 and label not in GPE_LABELS and self.gaz.nationality.get(norm(ent.text)) \
                    and self._lookup_known(ent.text) is None and not self._country_mention(ent.start, ent.end):
                continue  # "Filipino peacekeepers": a nationality word, left to the lexicon pass (adjective + role)
            if len(ent) == 1 and self._institution_before_person(ent.start):
                continue  # "Army officers" with "Army" as ORG: one group, left to the lexicon pass
            known = self._lookup_known(ent.text)
            gpe = (self._country_mention(ent.start, ent.end) or self._city_mention(ent.start, ent.end)) \
                if label not in GPE_LABELS else None
            if known is not None:
                self._add(_known_mention(ent.start, ent.end, known[0], known[1], ent.text))
            elif gpe is not None and (gpe.sector is None or len(ent) == 1 or (gpe.key or "").startswith("CITY:")):
                self._add(gpe)  # a country or capital the NER mislabelled (e.g. "Japan" as PER)
            elif label in ORG_LABELS | PER_LABELS and len(ent) > 1 and self._inner_gpe(ent):
                pass  # "Vorgehen Moskaus" (ORG): only the place inside acts
            elif label in PER_LABELS:
                self._add(self._person_with_title(ent))
            elif label in ORG_LABELS:
                m = Mention(ent.start, ent.end, "ORG", ent.text, key=f"ORG:{norm(ent.text)}")
                self._fill_from_tokens(m, ent)
                self._add(m)
            elif label in GPE_LABELS:
                m = self._country_mention(ent.start, ent.end)
                if m is not None:
                    self._add(m)
            elif label in MISC_LABELS and len(ent) == 1:
                a3 = self.lex.nationality(ent.text)
                if a3:
                    self._add(Mention(ent.start, ent.end, "GPE", ent.text, a3, None, a3, key=f"GPE:{a3}"))

    def _person_with_title(self, ent: Span) -> Mention:
        """A person entity that starts with a nationality adjective and/or role words ("Japanese Prime Minister
        Ryutaro Hashimoto", "President Bush"): the known person behind the title, else the title's country/sector."""
        country = sector = None
        k = ent.start
        while k < ent.end - 1:
            tok = self.doc[k]
            a3 = self.lex.nationality(tok.text) if tok.text[:1].isupper() else None
            role = self.lex.role(tok.text)
            if a3 and country is None and not self._lookup_known(tok.text):
                country = a3
            elif role is not None or tok.text in self.lex.titles or tok.lower_ in ("prime", "foreign", "defence",
                                                                                   "defense", "interior", "vice"):
                sector = sector or (role.sector if role is not None else None)
            else:
                break
            k += 1
        if k > ent.start:
            known = self._lookup_known(self.doc[k : ent.end].text)
            if known is not None:
                m = _known_mention(ent.start, ent.end, known[0], known[1], ent.text)
                m.country = m.country or country
                return m
        return Mention(ent.start, ent.end, "PER", ent.text, country, sector, person=True)

    def _inner_gpe(self, ent: Span) -> bool:
        for tok in ent:
            if tok.text[:1].isupper():
                m = self._country_mention(tok.i, tok.i + 1)
                if m is not None and not self.lex.role(ent[0].text):
                    self._add(m)
                    return True
        return False

    def _fill_from_tokens(self, m: Mention, span: Span) -> None:
        """An ORG like "Russisches Verteidigungsministerium": country/sector from its words."""
        for tok in span:
            if m.country is None:
                m.country = self.lex.nationality(tok.text)
            role = self.lex.role(tok.text)
            if role and m.sector is None:
                m.sector = role.sector

    def from_lexicon(self) -> None:
        doc, lex, n = self.doc, self.lex, len(self.doc)
        i = 0
        while i < n:
            if self.taken[i]:
                i += 1
                continue
            hit = None
            max_width = min(lex.max_tokens, n - i) if norm(doc[i].text) in lex.first_words else 1
            for width in range(max_width, 0, -1):
                if not self._free(i, i + width):
                    continue
                found = self._lookup_known(doc[i : i + width].text)
                if found is not None:
                    hit = (width, found)
                    break
            if hit is not None:
                width, (known, kind) = hit
                self._add(_known_mention(i, i + width, known, kind, doc[i : i + width].text))
                i += width
                continue
            tok = doc[i]
            text = tok.text
            split = lex.hyphen_prefix(text)
            if split is not None:
                m = self._compound(i, *split)
                if m is not None:
                    self._add(m)
                    i += 1
                    continue
            role = lex.role(text)
            if self._institution_before_person(i) and self._free(i, i + 2):
                head = lex.role(doc[i + 1].text)
                # "army spokesman", "police officers", "military leaders": one group of people, whose sector is the
                # institution's ("government soldiers" stay MIL: a government names no sector of its own people)
                sector = head.sector if role.sector == "GOV" and head.sector else role.sector or head.sector
                self._add(Mention(i, i + 2, "ROLE", doc[i : i + 2].text, None, sector, key=None, person=True,
                                  role=head.lemma))
                i += 2
                continue
            if role is not None and lex.lang == "en" and i + 1 < n and doc[i + 1].lower_ in EN_MODIFIED_NOUNS:
                role = None  # "military aid": an adjective here
            if role is not None:
                self._add(Mention(i, i + 1, "ROLE", text, None, role.sector, key=None, person=role.person, role=role.lemma))
                i += 1
                continue
            if text[:1].isupper() and tok.is_alpha or text in ("U.S.", "U.N.", "U.K."):
                m = self._gpe_or_inhabitant(i)
                if m is not None:
                    self._add(m)
                    i = m.end
                    continue
            m = self._adjective_noun(i)
            if m is not None:
                self._add(m)
                i = m.end
                continue
            pron = lex.pronouns.get(tok.lower_)
            if pron is not None:
                self._add(Mention(i, i + 1, "PRON", text, key=None, person=(pron == "person"), role=pron))
            i += 1

    def _compound(self, i: int, prefix: str, rest: str) -> Mention | None:
        """US-Armee → USA MIL; Hamas-Kämpfer → PSE REB; Nato-Truppen → IGO MIL."""
        role = self.lex.role(rest[:1].upper() + rest[1:]) if self.lex.lang == "de" else self.lex.role(rest)
        known = self._lookup_known(prefix)
        country = None if known else self.lex.nationality(prefix)
        if role is None and known is None:
            return None
        if role is None and known is not None:
            return None  # "Nato-Gipfel": not an actor
        text = self.doc[i].text
        if known is not None:
            k = known[0]
            sector = role.sector or k.sector
            cameo = (k.country + (sector or "")) if k.country else k.cameo
            return Mention(i, i + 1, "ROLE", text, k.country, sector, cameo, key=None, person=role.person, role=role.lemma)
        if country is None:
            return None
        return Mention(i, i + 1, "ROLE", text, country, role.sector, key=None, person=role.person, role=role.lemma)

    def _adjective_noun(self, i: int) -> Mention | None:
        """A nationality adjective with a (non-role) noun: "russische Oligarchen", "Japanese vessels"."""
        doc, lex = self.doc, self.lex
        if i + 1 >= len(doc) or self.taken[i + 1]:
            return None
        tok, nxt = doc[i], doc[i + 1]
        if not nxt.is_alpha or lex.role(nxt.text) is not None:
            return None  # roles are handled by the role phrase
        if lex.lang == "de":
            if not tok.text[:1].islower() or not nxt.text[:1].isupper():
                return None
        elif not nxt.text[:1].islower():
            return None
        a3 = lex.adjective_country(tok.text)
        if not a3 or _is_event_noun(lex.lang, nxt.lower_):
            return None  # "israelischer Luftangriff": an event, whose source the event layer takes from the adjective
        return Mention(i, i + 2, "GPE", doc[i : i + 2].text, a3, None, a3, key=f"GPE:{a3}")

    def _gpe_or_inhabitant(self, i: int) -> Mention | None:
        doc, gaz = self.doc, self.gaz
        top = min(4, len(doc) - i) if norm(doc[i].text) in gaz.first_words else 1
        for width in range(top, 0, -1):
            if not self._free(i, i + width):
                continue
            m = self._country_mention(i, i + width) or self._city_mention(i, i + width)
            if m is not None:
                return m
        tok = doc[i]
        if self.lex.lang == "en" and i + 1 < len(doc) and self._free(i, i + 2):
            a2 = gaz.nationality.get(norm(doc[i : i + 2].text))  # "South Sudanese", "Sri Lankan"
            if a2:
                a3 = gaz.to_alpha3(a2)
                return Mention(i, i + 2, "GPE", doc[i : i + 2].text, a3, None, a3, key=f"GPE:{a3}")
        a2 = gaz.nationality.get(norm(tok.text))
        if a2 and (self.lex.lang != "de" or tok.text[:1].isupper()):
            a3 = gaz.to_alpha3(a2)
            return Mention(i, i + 1, "GPE", tok.text, a3, None, a3, key=f"GPE:{a3}")
        return None

    # -- stance prefixes ------------------------------------------------------------------------
    def block_stance(self) -> None:
        """"anti-Israel protesters", "pro-Russian separatists": the prefixed word is no actor and gives the group
        no country (the group's country comes from the text's places, see :func:`assign_focus_country`)."""
        for s, e in stance_targets(self.doc, self.lex):
            for t in range(s, e):
                self.taken[t] = True

    # -- role nouns used as modifiers -------------------------------------------------------------
    def drop_modifier_roles(self) -> None:
        """"its military cooperation", "the government budget", "police reform": a role noun that modifies a
        following common noun (compound/amod in the parse) names no actor. Kept where the head is itself an
        actor mention ("government troops") or an event noun ("police raids", "a government
        crackdown", "Russia's military buildup": the modifier is the agent); a member noun as the head
        ("opposition groups", "military sources") joins the role's mention."""
        doc = self.doc
        if not _has_dep(doc):
            return
        covered = {t for x in self.mentions for t in range(x.start, x.end)}
        keep = []
        for m in self.mentions:
            if m.kind == "ROLE" and m.end - m.start == 1 and m.role is not None and self._modifies_noun(m.start, covered):
                head = doc[m.start].head
                if head.lower_ not in self.lex.members:
                    continue
                m.end = head.i + 1  # "opposition groups", "military sources": the group's members act
                for t in range(m.start, m.end):
                    self.taken[t] = True
            keep.append(m)
        self.mentions = keep

    def _modifies_noun(self, i: int, covered: set[int]) -> bool:
        doc = self.doc
        tok = doc[i]
        if tok.dep_ not in MODIFIER_DEPS:
            return False
        head = tok.head
        if not (i < head.i <= i + 3) or head.pos_ != "NOUN" or head.ent_type_ or head.i in covered:
            return False
        if any(doc[t].pos_ not in ("NOUN", "ADJ", "PROPN") or doc[t].i in covered for t in range(i + 1, head.i)):
            return False  # only a noun phrase's own modifiers in between
        return not _is_event_noun(self.lex.lang, head.lower_)  # "police raids": the police act

    # -- media named after their type noun -------------------------------------------------------
    def _media_type_nouns(self) -> list[tuple[int, int, Mention | None]]:
        """(start, end, role mention or None) of medium type nouns: a role mention ("Zeitung", German compounds
        such as "Wochenzeitung") or a listed word sequence ("news agency", "broadcaster")."""
        doc, lex = self.doc, self.lex
        out = [(m.start, m.end, m) for m in self.mentions
               if m.kind == "ROLE" and m.role in lex.media and m.end - m.start == 1]
        starts = {s for s, _e, _m in out}
        lower = [t.lower_ for t in doc]
        for i in range(len(doc)):
            if i in starts:
                continue
            for phrase in lex.media_phrases:
                w = len(phrase)
                if tuple(lower[i : i + w]) == phrase:
                    if all(x.kind == "ROLE" and x.start >= i and x.end <= i + w
                           for x in self.mentions if x.start < i + w and x.end > i):
                        out.append((i, i + w, None))
                    break
        return sorted(out, key=lambda x: x[0])

    def media_names(self) -> None:
        """"die Zeitung „Morgenpost“", "der Sender CNN", "the newspaper Haaretz", "the news agency Tass": one
        organisation actor named by the medium's own name (sector MED; the type noun stays in the mention span)."""
        for start, noun_end, m in self._media_type_nouns():
            if m is not None and m not in self.mentions:
                continue
            found = self._medium_name(noun_end)
            if found is None:
                continue
            end, ns, ne = found
            name = self.doc[ns:ne].text
            if self.lex.nationality(name):
                continue  # "the daily Israeli raids": a nationality word, no title
            inside = [x for x in self.mentions if x is not m and x.start < end and x.end > noun_end]
            typed = [x for x in self.mentions if x is not m and x.start >= start and x.end <= noun_end]
            if any(x.start < noun_end or x.end > end or x.kind in ("GPE", "PRON") for x in inside):
                continue  # a place ("die Medien Russlands") or a mention reaching past the name
            bare = self._strip_article(ns, ne)
            known = self._lookup_known(name) or self._lookup_known(bare)
            if known is not None:
                new = _known_mention(start, end, known[0], known[1], name)
                new.sector = new.sector or "MED"
            else:
                new = Mention(start, end, "ORG", name, None, "MED", key=f"ORG:{norm(bare)}")
            new.role = m.role if m is not None else " ".join(t.lower_ for t in self.doc[start:noun_end])
            nat = self._medium_nationality(start)  # "the Israeli newspaper Haaretz", "die russische Zeitung „X“"
            if nat is not None:
                new.start, new.country = nat[0], new.country or nat[1]
                if nat[2] is not None:
                    typed.append(nat[2])
            drop = {id(m)} | {id(x) for x in inside + typed}
            self.mentions = [x for x in self.mentions if id(x) not in drop]
            self._add(new)
            self._repeat_name(new, bare)

    def _medium_nationality(self, start: int) -> tuple[int, str, Mention | None] | None:
        """(start, alpha-3, mention to drop) of a nationality adjective right before a medium's type noun."""
        j = start - 1
        if j < 0:
            return None
        prev = next((x for x in self.mentions if x.start == j and x.end == start), None)
        if prev is not None:
            if prev.kind == "GPE" and prev.sector is None and prev.country and self.lex.nationality(self.doc[j].text) \
                    and not self.gaz.lookup(self.doc[j].text):
                return j, prev.country, prev  # "Israeli" (not the country "Israel")
            return None
        if self.taken[j]:
            return None
        a3 = self.lex.adjective_country(self.doc[j].text)
        if a3 and not self.gaz.lookup(self.doc[j].text):
            return j, a3, None
        return None

    def _repeat_name(self, medium: Mention, bare: str) -> None:
        """Later bare uses of a medium's name ("Die Morgenpost zitierte …") are mentions of it too."""
        words = bare.split()
        for i in range(medium.end, len(self.doc) - len(words) + 1):
            if [t.text for t in self.doc[i : i + len(words)]] == words and self._free(i, i + len(words)):
                self._add(Mention(i, i + len(words), "ORG", medium.name, medium.country, medium.sector, medium.cameo,
                                  key=medium.key, role=medium.role))

    def _strip_article(self, ns: int, ne: int) -> str:
        """"Der Spiegel" → "Spiegel" (for the grouping key and the lexicon)."""
        if ne - ns > 1 and self.doc[ns].lower_ in self.lex.determiners:
            ns += 1
        return self.doc[ns:ne].text

    def _medium_name(self, k: int) -> tuple[int, int, int] | None:
        """(mention end, name start, name end) of a medium's name at token ``k``: a quoted title, an entity
        that is not a place, an acronym or a known organisation."""
        doc = self.doc
        if k >= len(doc):
            return None
        if doc[k].text in OPEN_QUOTES:
            close = next((j for j in range(k + 1, min(k + 8, len(doc))) if doc[j].text in CLOSE_QUOTES), None)
            if close is None or close == k + 1:
                return None
            words = doc[k + 1 : close]
            if any(not (w.text[:1].isupper() or w.lower_ in NAME_LINKS or w.text in (".", "-")) for w in words[1:]) \
                    or not (words[0].text[:1].isupper() or self._lookup_known(words.text)):
                return None  # a quotation ("„Wir prüfen das“"), not a title
            return close + 1, k + 1, close
        ent = next((e for e in doc.ents if e.start == k), None) if _has_ner(doc) else None
        if ent is not None and ent.label_ not in GPE_LABELS:
            return ent.end, k, ent.end
        tok = doc[k]
        if (tok.is_alpha and tok.text.isupper() and len(tok.text) >= 2) or self._lookup_known(tok.text):
            return k + 1, k, k + 1
        return None

    # -- role phrases ---------------------------------------------------------------------------
    def _index(self) -> None:
        """token index -> mentions covering it (built once; spans only grow by absorbing neighbours)."""
        self.at: dict[int, list[Mention]] = {}
        for x in self.mentions:
            for t in range(x.start, x.end):
                self.at.setdefault(t, []).append(x)

    def _covering(self, j: int, exclude: Mention | None = None) -> Mention | None:
        return next((x for x in self.at.get(j, ()) if x is not exclude), None)

    def _starting(self, lo: int, hi: int) -> list[Mention]:
        """Mentions starting in token range [lo, hi], left to right."""
        out = []
        for t in range(lo, hi + 1):
            out.extend(x for x in self.at.get(t, ()) if x.start == t)
        return out

    def expand_roles(self) -> None:
        doc, lex = self.doc, self.lex
        self._index()
        by_start = {m.start: m for m in self.mentions}
        for m in sorted(self.mentions, key=lambda x: x.start):
            if m.kind != "ROLE" or m.key == "absorbed":
                continue
            # left: nationality adjectives, a country genitive ("Frankreichs Präsident"), an org ("Hamas militants")
            j = m.start - 1
            steps = 0
            while j >= 0 and steps < 3:
                tok = doc[j]
                if tok.text in ("'s", "\u2019s", "'") and j > 0:
                    j -= 1  # "Montenegro's prime minister"
                    continue
                prev = self._covering(j, exclude=m)
                if prev is not None and prev.kind in ("GPE", "ORG") and prev.key != "absorbed":
                    if prev.kind == "GPE" and prev.sector == "GOV" and lex.lang == "de":
                        break  # "Berlin Polizei" is unusual; keep capitals separate
                    m.country = m.country or prev.country
                    if prev.kind == "ORG":
                        m.sector = m.sector or prev.sector
                        if not prev.country:
                            m.cameo = prev.cameo
                    m.start = prev.start
                    prev.key = "absorbed"
                    break
                a3 = lex.adjective_country(tok.text)
                if lex.lang == "en" and j > 0 and not self.taken[j - 1] and doc[j - 1].text in ("South", "North", "Sri", "New"):
                    two = lex.adjective_country(doc[j - 1].text + " " + tok.text)  # "South Sudanese", "North Korean"
                    if two:
                        a3, j = two, j - 1
                if a3 and not self.taken[j]:
                    m.country = m.country or a3
                    m.start = j
                    j -= 1
                    steps += 1
                    continue
                if lex.lang == "en" and tok.is_alpha and tok.text[:1].isupper() and steps < 2 and tok.lower_ not in lex.determiners \
                        and not self.taken[j]:
                    j -= 1  # "British Defence Secretary": title words
                    steps += 1
                    continue
                if tok.lower_ in lex.armed and not self.taken[j]:
                    m.sector = m.sector or "UAF"  # unidentified armed forces ("bewaffnete Gruppen")
                    m.start = j
                    j -= 1
                    steps += 1
                    continue
                if tok.is_alpha and tok.text[:1].islower() and tok.lower_ not in lex.determiners and steps < 2 and _adjective_like(tok, lex.lang):
                    j -= 1  # another adjective ("der neue französische Präsident")
                    steps += 1
                    continue
                break
            # right: genitive complement ("des Außenministeriums", "Russlands", "of Iraq")
            k = m.end
            if k < len(doc) and m.country is None or m.sector is None:
                comp = self._genitive_complement(k)
                if comp is not None:
                    other, new_end = comp
                    m.country = m.country or other.country
                    if m.sector is None:
                        m.sector = other.sector
                    if not m.country and other.cameo and not other.country:
                        m.cameo = other.cameo
                    other.key = "absorbed"
                    m.end = new_end
            # "die Regierung in Berlin": a locative complement gives the country
            if m.country is None and k < len(doc) and doc[k].lower_ in lex.locative:
                loc = next((x for x in self._starting(k + 1, k + 2) if x.kind == "GPE"), None)
                if loc is not None:
                    m.country = loc.country
            # apposition: a person's name right after a person role ("Präsident Macron")
            if m.person:
                self._apposition(m, by_start)
        self.mentions = [x for x in self.mentions if x.key != "absorbed"]

    def _genitive_complement(self, k: int) -> tuple[Mention, int] | None:
        doc, lex = self.doc, self.lex
        if k >= len(doc):
            return None
        # bare German genitive of a country: "die Armee Russlands"
        direct = next((x for x in self._starting(k, k) if x.kind in ("GPE", "ORG")), None)
        if direct is not None and lex.lang == "de" and doc[k].text.endswith("s"):
            return direct, direct.end
        for marker in lex.genitive:
            words = marker.split()
            if [t.lower_ for t in doc[k : k + len(words)]] != words:
                continue
            start = k + len(words)
            for x in self._starting(start, start + 3):
                if start <= x.start <= start + 3 and x.kind in ("GPE", "ORG", "ROLE") and x.key != "absorbed":
                    if any(not (doc[t].is_alpha or doc[t].text in ("U.S.", "U.N.")) for t in range(start, x.start)):
                        break
                    if x.kind == "ROLE" and x.person:
                        break
                    if x.kind in ("ROLE", "ORG") and x.country is None:
                        # "des russischen Verteidigungsministeriums": the complement's own nationality adjective
                        x.country = next((c for t in range(start, x.start) if (c := lex.adjective_country(doc[t].text))), None)
                    return x, x.end
        return None

    def _apposition(self, m: Mention, by_start: dict[int, Mention]) -> None:
        doc = self.doc
        k = m.end
        if k < len(doc) and doc[k].text == ",":
            # "die Sprecherin der Regierung, Maria Sacharowa, sagte": a comma-delimited name
            j = k + 1
            while j < len(doc) and j - k <= 4 and doc[j].text[:1].isupper() and doc[j].is_alpha:
                j += 1
            if j > k + 1 and (j >= len(doc) or doc[j].text in (",", ".")):
                k += 1
            else:
                pass
        nxt = next((x for x in self._starting(k, k) if x.kind == "PER"), None)
        if nxt is not None:
            nxt.country = nxt.country or m.country
            nxt.sector = nxt.sector or m.sector
            nxt.parts.append((m.start, m.end))
            m.key = "absorbed"
            return
        if _has_ner(doc):
            return
        # no NER: up to three capitalised unknown words followed by a lower-case word or punctuation
        end = k
        while end < len(doc) and end - k < 3 and not self.taken[end] and doc[end].is_alpha and doc[end].text[:1].isupper():
            if self.lex.role(doc[end].text) or self.gaz.lookup(doc[end].text):
                break
            end += 1
        if end == k:
            return
        if end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper():
            return  # followed by another capitalised word: probably a noun phrase, not a name
        name = doc[k:end].text
        per = Mention(k, end, "PER", name, m.country, m.sector, person=True, parts=[(m.start, m.end)])
        for i in range(k, end):
            self.taken[i] = True
        self.mentions.append(per)
        m.key = "absorbed"

    def titles(self) -> None:
        """ "Frau Müller" / "Mr. Smith" without NER."""
        doc = self.doc
        for i, tok in enumerate(doc[:-1]):
            if tok.text in self.lex.titles and not self.taken[i + 1] and doc[i + 1].text[:1].isupper():
                if not any(x.start == i + 1 for x in self.mentions):
                    self._add(Mention(i, i + 2, "PER", doc[i + 1].text, person=True))

    # -- metonymy -------------------------------------------------------------------------------
    def mark_acting(self) -> None:
        """Countries/capitals after a locative preposition are places, not actors."""
        doc = self.doc
        keep = []
        self.credits: list[range] = []  # the "(dpa)" of a dateline: the report's byline, no actor
        for m in self.mentions:
            if m.kind != "GPE":
                keep.append(m)
                continue
            if self._is_locative(m.start, country=(m.key or "").startswith("GPE:") and m.sector is None) \
                    or self._is_dateline(m):
                continue
            if _has_dep(doc) and doc[m.start].dep_ in SUBJECT_DEPS:
                m.acts = True
            keep.append(m)
        self.mentions = [m for m in keep if not (m.kind == "ORG" and any(m.start in r for r in self.credits))]

    def _is_dateline(self, m: Mention) -> bool:
        """A place opening the text or a line, followed by ".", a dash, "(agency)" or ", <date>": the dateline
        ("Berlin. Die Regierung …", "BERLIN (dpa) - …", "Kiew/Berlin – …"), not an actor; nor is the agency credit."""
        doc = self.doc
        j = m.start
        while j >= 2 and doc[j - 1].text == "/" and doc[j - 2].text[:1].isupper():
            j -= 2  # the second place of "BERLIN/MOSKAU"
        before = doc.text[: doc[j].idx]
        if before[before.rfind("\n") + 1 :].strip():
            return False
        k = m.end
        while k + 1 < len(doc) and doc[k].text == "/" and doc[k + 1].text[:1].isupper():
            k += 2  # "Kiew/Berlin"
        if k >= len(doc):
            return False
        nxt = doc[k].text
        if nxt == "." or nxt in DASHES:
            return True
        if nxt == "(":
            close = next((j for j in range(k + 1, min(k + 6, len(doc))) if doc[j].text == ")"), None)
            if close is not None:
                self.credits.append(range(k + 1, close))
            return close is not None
        return nxt == "," and k + 1 < len(doc) and doc[k + 1].text[:1].isdigit()

    def _is_locative(self, i: int, country: bool = False) -> bool:
        doc, lex = self.doc, self.lex
        j = i - 1
        while j >= 0:
            t = doc[j].lower_
            if t in lex.locative:
                # "entschuldigte sich bei Südkorea": with a country (not a city) "bei" names a party
                return not (country and t in ("bei", "beim"))
            if t in lex.determiners or t in PLACE_HEADS or (doc[j].is_alpha and t == doc[j].text and j < i - 1 and _adjective_like(doc[j], lex.lang)):
                j -= 1  # "in der georgischen Hauptstadt Tiflis"
                continue
            if t in lex.coordination:
                # "in Moskau und Berlin": walk over the previous conjunct
                j -= 1
                while j >= 0 and doc[j].text[:1].isupper() and doc[j].lower_ not in lex.locative:
                    j -= 1
                continue
            return False
        return False


DASHES = ("-", "–", "—", "--")
OPEN_QUOTES = ("„", "\"", "»", "«", "‚", "“", "'")
CLOSE_QUOTES = ("“", "\"", "«", "»", "‘", "’", "”", "'")
NAME_LINKS = {"am", "an", "der", "die", "das", "von", "für", "zu", "und", "im", "of", "the", "de", "la", "le"}
PLACE_HEADS = {"hauptstadt", "stadt", "region", "provinz", "dorf", "ort", "ortschaft", "grenzstadt", "hafenstadt", "metropole",
               "capital", "city", "town", "province", "village"}
EN_MODIFIED_NOUNS = {"aid", "assistance", "action", "actions", "operation", "operations", "exercise", "exercises",
                     "intelligence", "equipment", "personnel", "observers", "offensive", "court", "courts", "leaders",
                     "officials", "spokesman", "spokeswoman", "base", "bases", "vehicles", "junta", "regime", "rule"}
MODIFIER_DEPS = {"compound", "amod", "nmod:npmod"}
ADJ_ENDINGS_DE = ("e", "en", "er", "es", "em")
NOT_ADJ_DE = {"wollen", "sollen", "können", "müssen", "werden", "haben", "sein", "ihre", "seine", "unsere", "diese", "jene",
              "keine", "eine", "alle", "viele", "beiden", "waren", "wurden", "hatten", "sagen", "gegen", "unter"}


def _is_event_noun(lang: str, word: str) -> bool:
    from ..events.lexicon import get_event_lexicon

    lex = get_event_lexicon(lang)
    forms = [word] + [word[: -len(e)] for e in lex.noun_endings if word.endswith(e) and len(word) - len(e) >= 3]
    return any(f == stem or (lang == "de" and f.endswith(stem)) for stem, _t in lex.noun_candidates(forms) for f in forms)


def _adjective_like(tok, lang: str) -> bool:
    if tok.pos_:
        return tok.pos_ == "ADJ" or (tok.tag_ in ("ADJA",))
    if lang == "de":
        return tok.lower_.endswith(ADJ_ENDINGS_DE) and tok.lower_ not in NOT_ADJ_DE
    w = tok.lower_
    if w in ("will", "would", "has", "have", "had", "is", "are", "was", "were", "and", "or", "to", "of"):
        return False
    return not w.endswith(("ed", "s")) or w in ("various", "previous", "serious", "famous")


MASC_PRONOUNS = {"er", "ihm", "ihn", "he", "him"}
FEM_PRONOUNS = {"sie", "she", "her"}
INDEFINITE = {"ein", "eine", "einem", "einen", "einer", "eines", "a", "an", "another", "one"}


def _feminine(doc: Doc, m: Mention) -> bool:
    """A female person role ("Sprecherin", "Ministerin"); plural forms ("-innen") count too."""
    if not m.person or m.kind != "ROLE":
        return False
    head = next((doc[t] for t in range(m.start, m.end) if m.role and m.role[:-1] in norm(doc[t].text)), None)
    if head is None:
        head = doc[m.start]
    w = head.lower_
    if "Fem" in head.morph.get("Gender"):
        return True
    return w.endswith(("in", "innen")) and not m.role.endswith("in")


def _indefinite(doc: Doc, m: Mention, lex: ActorLexicon) -> bool:
    """An indefinite article right before the role phrase ("ein Sprecher", "eine neue Sprecherin")."""
    for j in (m.start - 1, m.start - 2, m.start):
        if 0 <= j < len(doc) and doc[j].lower_ in INDEFINITE:
            return j == m.start - 1 or j == m.start or (doc[j + 1].pos_ == "ADJ" or doc[j + 1].lower_.endswith(("e", "en", "er")))
    return False


def stance_targets(doc: Doc, lex: ActorLexicon) -> list[tuple[int, int]]:
    """Token spans of what a stance prefix names ("anti-Israel", "Anti-government", "pro-Russian", also written as
    one token): the group described is for or against it, so it is neither an actor nor the group's country.
    The prefix and its hyphen are part of the span."""
    if not lex.stance:
        return []
    out: list[tuple[int, int]] = []
    n = len(doc)
    for i, tok in enumerate(doc):
        split = lex.hyphen_prefix(tok.text)
        if split is not None and split[0].lower() in lex.stance:
            out.append((i, i + 1))  # "anti-Israel" as one token
            continue
        if tok.lower_ not in lex.stance or i + 2 >= n or doc[i + 1].text not in ("-", "–", "‑") \
                or tok.whitespace_ or doc[i + 1].whitespace_:
            continue
        start, end = i + 2, i + 3
        for width in range(3, 1, -1):  # "anti-United States": the longest name
            if start + width <= n and all(t.is_alpha for t in doc[start : start + width]):
                text = doc[start : start + width].text
                if lex.gaz.lookup(text) or lex.nationality(text):
                    end = start + width
                    break
        out.append((i, end))
    return out


def find_mentions(doc: Doc, lex: ActorLexicon) -> list[Mention]:
    finder = MentionFinder(doc, lex)
    finder.block_stance()
    finder.from_ents()
    finder.titles()
    finder.from_lexicon()
    finder.media_names()
    finder.drop_modifier_roles()
    finder.expand_roles()
    finder.mark_acting()
    return sorted(finder.mentions, key=lambda m: m.start)


def _sentence_index(doc: Doc) -> list[int]:
    idx = [0] * len(doc)
    if doc.has_annotation("SENT_START") or _has_dep(doc):
        for s_i, sent in enumerate(doc.sents):
            for t in range(sent.start, sent.end):
                idx[t] = s_i
    return idx


def group_actors(doc: Doc, mentions: list[Mention], lex: ActorLexicon | None = None) -> list[Actor]:
    """Cluster mentions into actors: same known entity, same surname, same role, same country,
    pronouns to the nearest preceding compatible actor (within two sentences)."""
    actors: list[Actor] = []
    by_key: dict[str, Actor] = {}
    surname: dict[str, Actor] = {}
    last_role: dict[tuple[str, bool], Actor] = {}
    history: list[tuple[int, Mention, Actor]] = []  # (sentence, mention, actor)
    sent_of = _sentence_index(doc)
    quality = {"PER": 4, "ORG": 3, "ROLE": 2, "GPE": 1}

    def new_actor(m: Mention) -> Actor:
        a = Actor(id=f"a{len(actors) + 1}", name=m.name if m.kind != "ROLE" else doc[m.start : m.end].text,
                  type=m.kind, country=m.country, sector=m.sector, cameo=None, mentions=[])
        actors.append(a)
        return a

    for m in mentions:
        actor = None
        if m.kind == "PRON":
            s = sent_of[m.start] if m.start < len(sent_of) else 0
            masc = m.person and m.role == "person" and doc[m.start].lower_ in MASC_PRONOUNS
            fem_first = doc[m.start].lower_ in FEM_PRONOUNS
            fallback = None
            for s_i, prev, a in reversed(history):
                if s - s_i > 2:
                    break
                if m.person and not (prev.person and prev.kind in ("PER", "ROLE")):
                    continue
                if prev.kind == "ROLE" and prev.person:
                    fem = _feminine(doc, prev)
                    if masc and fem:
                        continue  # "er" is not "die Sprecherin"
                    if fem_first and not fem:
                        continue  # "sie" is not "der Sprecher"
                if fem_first and not (prev.kind == "ROLE" and prev.person):
                    fallback = fallback or a  # "sie": a spokeswoman before a nearer organisation
                    continue
                actor = a
                break
            actor = actor or fallback
            if actor is None:
                continue
        elif m.kind == "PER":
            last = norm(m.name.split()[-1]) if m.name.split() else norm(m.name)
            actor = by_key.get(m.key) if m.key else None
            actor = actor or surname.get(last)
            if actor is None:
                actor = new_actor(m)
            surname.setdefault(last, actor)
            if m.key:
                by_key.setdefault(m.key, actor)
        elif m.kind == "ROLE":
            fem = _feminine(doc, m)
            key = f"ROLE:{m.role}:{fem}:{m.country}:{m.sector}"
            if m.person and _indefinite(doc, m, lex):
                actor = new_actor(m)  # "ein Sprecher des …": a new person, even with the same role and country
            else:
                actor = None
                if m.country is None and m.sector is None and (m.role, fem) in last_role:
                    actor = last_role[(m.role, fem)]  # "der Sprecher": the most recent spokesman
                actor = actor or by_key.get(key)
                if actor is None and m.country is None and (m.role, fem) in last_role:
                    actor = last_role[(m.role, fem)]  # "die Sprecherin" after "die Sprecherin des Außenministeriums"
                if actor is None and m.country is None and m.sector and not m.person and m.end - m.start == 1 and m.role:
                    # "die Regierung" after "die Bundesregierung": an earlier organisation named by a compound of the role
                    actor = next((a for _s, prev, a in reversed(history) if prev.kind in ("ORG", "ROLE") and not prev.person
                                  and norm(prev.name).endswith(m.role) and len(norm(prev.name)) > len(m.role)
                                  and (a.sector in (None, m.sector))), None)
                if actor is None:
                    actor = new_actor(m)
            by_key[key] = actor
            last_role[(m.role, fem)] = actor
        else:
            key = m.key or f"{m.kind}:{norm(m.name)}"
            actor = by_key.get(key)
            if actor is None:
                actor = new_actor(m)
                by_key[key] = actor
        # update the actor's attributes
        if m.kind in quality and quality.get(m.kind, 0) > quality.get(actor.type, 0):
            actor.type = m.kind
            actor.name = m.name
        actor.country = actor.country or m.country
        actor.sector = actor.sector or m.sector
        if m.cameo and not actor.cameo:
            actor.cameo = m.cameo
        spans = [(m.start, m.end)] + list(m.parts)
        for s, e in spans:
            span = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
            if span not in actor.mentions:
                actor.mentions.append(span)
        m.actor = actor.id
        history.append((sent_of[m.start] if m.start < len(sent_of) else 0, m, actor))
    for a in actors:
        a.mentions.sort()
        if a.country:
            a.cameo = a.country + (a.sector or "")
        elif a.cameo is None and a.sector:
            a.cameo = a.sector
    return actors


def entity_actor_map(doc: Doc, actors: list[Actor]) -> dict[tuple[int, int], str]:
    out: dict[tuple[int, int], str] = {}
    if not _has_ner(doc):
        return out
    token_actor: dict[int, str] = {}
    for a in actors:
        for s, e in a.mentions:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                for t in range(span.start, span.end):
                    token_actor.setdefault(t, a.id)
    for ent in doc.ents:
        aid = next((token_actor[t] for t in range(ent.start, ent.end) if t in token_actor), None)
        if aid is not None:
            out[(ent.start_char, ent.end_char)] = aid
    return out


DOMESTIC_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "CVL", "MED", "BUS", "EDU", "LAB", "AGR", "REF", "SPY", "HLH", "REL", None}


def assign_focus_country(doc: Doc, actors: list[Actor], lex: ActorLexicon) -> None:
    """Persons and role descriptions without a nationality ("President Museveni", "die Staatsanwaltschaft")
    get the country the text is about: the most frequent country of its places and country actors, the
    sentence's own places first. International organisations are left alone."""
    from collections import Counter

    places = doc._.lb_places or []
    stance = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in stance_targets(doc, lex)]
    if stance:  # "anti-Israel protesters in London": Israel is what they oppose, not where they are
        places = [p for p in places if not any(s <= p.start < e for s, e in stance)]
    doc_counts: Counter[str] = Counter()
    for p in places:
        a3 = lex.gaz.to_alpha3(p.country)
        if a3:
            doc_counts[a3] += 1
    for a in actors:
        if a.country and (a.type == "GPE" or not (a.cameo or "").startswith(("IGO", "NGO", "IMG"))):
            doc_counts[a.country] += len(a.mentions)  # countries and actors with an explicit nationality
    if not doc_counts:
        return
    sents = list(doc.sents) if (doc.has_annotation("SENT_START") or _has_dep(doc)) else [doc[:]]
    for a in actors:
        if a.country or a.type not in ("PER", "ROLE", "ORG") or a.sector not in DOMESTIC_SECTORS:
            continue
        if a.cameo and a.cameo[:3] in ("IGO", "NGO", "IMG"):
            continue
        if not a.mentions:
            continue
        first = a.mentions[0][0]
        k = next((n for n, s in enumerate(sents) if s.start_char <= first < s.end_char), None)
        counts = doc_counts
        # the sentence's own countries, else the previous sentence's ("Paris habe nichts gebilligt, sagte er.
        # Es gebe keine Pläne, Truppen zu entsenden." → French troops), else the document's. A medium is not
        # from the country its report is about ("…, berichtete die Zeitung „Morgenpost“"): the document's.
        local_first = a.sector != "MED"
        for sent in ([sents[k]] + ([sents[k - 1]] if k > 0 else [])) if k is not None and local_first else []:
            local: Counter[str] = Counter()
            for p in places:
                if sent.start_char <= p.start < sent.end_char:
                    a3 = lex.gaz.to_alpha3(p.country)
                    if a3:
                        local[a3] += 1
            for other in actors:
                if other.country and other is not a and any(sent.start_char <= st < sent.end_char for st, _e in other.mentions):
                    if other.sector == "MED":
                        continue  # the reporting medium says nothing about who is reported on ("Die Zeitung
                        # „Morgenpost“ berichtete, die französische Armee habe Soldaten verlegt": French soldiers)
                    local[other.country] += 1
            if local:
                counts = local
                break
        best = counts.most_common(1)[0][0]
        a.country = best
        a.cameo = best + (a.sector or "")


def extract_actors(doc: Doc, lex: ActorLexicon) -> tuple[list[Actor], dict[tuple[int, int], str]]:
    mentions = find_mentions(doc, lex)
    actors = group_actors(doc, mentions, lex)
    assign_focus_country(doc, actors, lex)
    return actors, entity_actor_map(doc, actors)


def actor_at(actors: list[Actor], start: int, end: int) -> Actor | None:
    """The actor with a mention overlapping the character span (the tightest one)."""
    best, best_len = None, None
    for a in actors or []:
        for s, e in a.mentions:
            if s < end and start < e:
                if best_len is None or e - s < best_len:
                    best, best_len = a, e - s
    return best
