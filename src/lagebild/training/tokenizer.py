"""News-specific tokenizer tweaks, applied when a pipeline is assembled.

The changes are regular expressions and special cases; spaCy serialises them with the pipeline
(``tokenizer`` file), so loading the shipped model needs no Lagebild code.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_suffix_regex

# quotation marks glued to a neighbouring word or colon: sagte:„Nein  /  Nein“,sagte
_QUOTE_INFIXES = [
    r"(?<=[\w.,:;!?])[„“”»«](?=\S)",
    r"(?<=\S)[„»](?=\w)",
    r"(?<=\w):(?=[„»‚\"“])",
    r"(?<=[“”«‘\"])[,.;:!?](?=\w)",
    # sentence-final punctuation glued to a closing quote and the next word: gehen.“Dann
    r"(?<=\w)[.!?](?=[“”«»‘’\"]\w)",
]

# a year (or other 4-digit number) at the end of a sentence: "im Jahr 2024." -> 2024 .
# German keeps "5." together because it is an ordinal ("5. Januar"); 4-digit ordinals are rare.
_DE_SUFFIXES = [r"(?<=\b[12][0-9]{3})\.$"]

# abbreviations frequent in German news that spaCy's list lacks
_DE_ABBREVIATIONS = [
    "Abs.", "Art.", "Bd.", "bspw.", "Co.", "Dipl.", "Dr.", "ebd.", "Fa.", "Gen.", "ggf.", "Hrsg.",
    "Ing.", "inkl.", "insb.", "Jh.", "Jhd.", "Kap.", "Kfz.", "Komm.", "Mio.", "Mrd.", "Nr.", "Pkw.",
    "Prof.", "Red.", "Reg.", "Sen.", "Std.", "Str.", "Tsd.", "usw.", "vgl.", "Verf.", "zzgl.", "Abg.",
    "Bürgerm.", "Gov.", "Präs.", "Sek.", "Min.", "Mil.", "Lt.", "Oberstlt.", "Hptm.", "Kpt.",
]


def customize_tokenizer(nlp: Language) -> None:
    tok = nlp.tokenizer
    infixes = list(nlp.Defaults.infixes or []) + _QUOTE_INFIXES
    tok.infix_finditer = compile_infix_regex(infixes).finditer
    if nlp.lang == "de":
        suffixes = list(nlp.Defaults.suffixes or []) + _DE_SUFFIXES
        tok.suffix_search = compile_suffix_regex(suffixes).search
        for abbr in _DE_ABBREVIATIONS:
            if abbr not in tok.rules:
                tok.add_special_case(abbr, [{"ORTH": abbr}])
