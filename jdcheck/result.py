"""What a check returns: frozen types, with the JSON of DESIGN.md from one ``to_dict``."""

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Finding:
    """A duty given to the peer worker that falls into a prohibited task, with evidence."""

    task: str  # the task's slug
    severity: str  # "violation" or "caution"
    start: int  # character offsets of the matched words in the checked text
    end: int
    sentence: str  # the unit the duty sits in
    matched: str  # text[start:end]
    reason: str
    ethics: tuple[int, ...]
    suggestion: str
    pattern: str  # the rule pattern that matched

    def to_dict(self) -> dict:
        return {**asdict(self), "ethics": list(self.ethics)}


@dataclass(frozen=True)
class Advisory:
    """A concern about a role element, not a task (pay below the standard)."""

    element: str
    message: str
    figures: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"element": self.element, "message": self.message, "figures": dict(self.figures)}


@dataclass(frozen=True)
class Elements:
    """The role elements a description states."""

    hourly_pay: float | None = None
    peer_supervision: bool = False
    lived_experience: bool = False
    paid_training: bool = False
    cps_credential: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


ELEMENT_NAMES = tuple(Elements.__dataclass_fields__)


@dataclass(frozen=True)
class CheckResult:
    """Findings in reading order, advisories, role elements, the rules' version, and
    whether the whole text was checked (false when the work budget ran out)."""

    findings: tuple[Finding, ...]
    advisories: tuple[Advisory, ...]
    elements: Elements
    ruleset_version: str
    complete: bool = True

    def to_dict(self) -> dict:
        return {
            "findings": [f.to_dict() for f in self.findings],
            "advisories": [a.to_dict() for a in self.advisories],
            "elements": self.elements.to_dict(),
            "ruleset_version": self.ruleset_version,
            "complete": self.complete,
        }
