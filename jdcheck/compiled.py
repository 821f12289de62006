"""A ruleset's patterns compiled into phrase sets, cached by the rules' hash."""

from collections import OrderedDict

from .phraseset import PhraseSet
from .ruleset import Ruleset
from .typos import TypoIndex


class CompiledRules:
    """A ruleset's patterns compiled into phrase sets, built once per rules hash."""

    def __init__(self, ruleset: Ruleset):
        self.tasks = ruleset.tasks
        triggers, self.trigger_task = [], []
        permitted, self.permitted_task = [], []
        for slug, task in ruleset.tasks.items():
            for pattern in task.triggers:
                triggers.append(pattern)
                self.trigger_task.append(slug)
            for pattern in task.permitted:
                permitted.append(pattern)
                self.permitted_task.append(slug)
        for pattern in ruleset.common["permitted"]:
            permitted.append(pattern)
            self.permitted_task.append(None)
        self.triggers = PhraseSet(triggers)
        # Words that open a duty ("Assist", "Administers"): a clause that starts with
        # one is a verb-first bullet, not a noun phrase naming its subject.
        self.duty_openers = frozenset(self.triggers.first_words()) | frozenset(
            PhraseSet(list(ruleset.common["assisting"]) or ["assist"]).first_words()
        )
        self.permitted = PhraseSet(permitted)
        self.common = {name: PhraseSet(list(value)) for name, value in ruleset.common.items()}
        # a one-letter typo of any word the patterns name reads as that word
        self.typos = TypoIndex(
            set().union(
                self.triggers.vocabulary(),
                self.permitted.vocabulary(),
                *(phrases.vocabulary() for phrases in self.common.values()),
            )
        )


_COMPILED: "OrderedDict[str, CompiledRules]" = OrderedDict()
_COMPILED_KEEP = 8


def get_compiled(ruleset: Ruleset) -> CompiledRules:
    """Compiled patterns for a ruleset, cached by its rules hash.

    Parameters do not change patterns, so a ruleset that differs only in the
    pay threshold reuses the compiled rules. Raises PatternError on a bad pattern.
    """
    key = ruleset.patterns_hash
    compiled = _COMPILED.get(key)
    if compiled is None:
        compiled = CompiledRules(ruleset)
        _COMPILED[key] = compiled
        while len(_COMPILED) > _COMPILED_KEEP:
            _COMPILED.popitem(last=False)
    else:
        _COMPILED.move_to_end(key)
    return compiled
