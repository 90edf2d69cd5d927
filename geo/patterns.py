"""Leads for the events step's regexes that Python's re can run fast.

re tries a pattern that begins with ``\\b`` or a look-behind at every
position of the text; one that begins with an alternation of words written
case-insensitively tries every word there. ``word_lead`` puts a test in
front that fails at once where no such word can begin, so the same matches
cost a few steps a sentence instead of a dozen at every character.
"""

from __future__ import annotations


def initials(words) -> str:
    """The first characters of ``words`` (plain words, or regexes that begin
    with a plain letter) for ``word_lead``."""
    firsts = {w[0] for w in words}
    if not all(c.isalpha() for c in firsts):
        raise ValueError(f"words must begin with a letter: {sorted(firsts)}")
    return "".join(sorted(firsts))


def word_lead(*classes: str) -> str:
    """What to put in front of a pattern whose matches begin with a word
    character, the first one in ``classes`` (letters, or a class such as
    ``\\d``): no word character before, and one of those first. The same as a
    leading ``\\b`` before such a match, with case-insensitive patterns too."""
    return rf"(?<!\w)(?=[{''.join(classes)}])"
