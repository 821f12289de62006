"""Role elements of a whole description and the pay advisory."""

import pytest

from jdcheck import check
from jdcheck.elements import hourly_pay


@pytest.mark.parametrize(
    "sentence, pay",
    [
        ("Pay: $18/hr", 18.0),
        ("$18.50 per hour", 18.5),
        ("Starting at $17.25 an hour.", 17.25),
        ("Hourly rate: $19", 19.0),
        ("$37,440 per year", 18.0),
        ("Annual salary: $35,360.", 17.0),
        ("Salary $41,600 annually", 20.0),
        ("$38k per year", 18.27),
        ("$17–$20/hour depending on experience", 17.0),
        ("$16 - $19/hour", 16.0),
        ("$17 to $20 per hour", 17.0),
        ("$21.00 per hour plus $2.00/hr night differential", 21.0),
        ("Sign-on bonus of $1,500; $18/hr", 18.0),
        ("18.50 per hour", 18.5),
        ("Pay commensurate with experience.", None),
        ("Approve purchases over $20.", None),
        ("Mileage reimbursed at $0.67 per mile.", None),
    ],
)
def test_hourly_pay(sentence, pay):
    assert hourly_pay(sentence) == pay


def test_pay_below_minimum_is_an_advisory_not_a_finding():
    result = check("Peer Specialist\nPay: $14.00/hr")
    assert result.findings == ()
    (advisory,) = result.advisories
    assert advisory.element == "hourly_pay"
    assert advisory.figures == {"hourly_pay": 14.0, "minimum_hourly_pay": 15.0}
    assert "$14.00" in advisory.message and "$15.00" in advisory.message


def test_pay_at_minimum_has_no_advisory():
    assert check("Pay: $15.00 per hour").advisories == ()


def test_no_pay_stated():
    result = check("Offer peer support.")
    assert result.elements.hourly_pay is None and result.advisories == ()


@pytest.mark.parametrize(
    "text, element",
    [
        ("Supervised by a Certified Peer Specialist.", "peer_supervision"),
        ("Weekly supervision from someone trained in peer support.", "peer_supervision"),
        ("Reports to the Peer Services Director.", "peer_supervision"),
        ("Lived experience of mental health recovery required.", "lived_experience"),
        ("Personal lived experience with substance use preferred.", "lived_experience"),
        ("At least two years of personal recovery from substance use.", "lived_experience"),
        ("Paid time for conferences and continuing education.", "paid_training"),
        ("Paid training and networking opportunities.", "paid_training"),
        ("CPS certification required.", "cps_credential"),
        ("Must obtain CPS certification within 12 months of hire.", "cps_credential"),
        ("Certified Peer Specialist preferred, or working toward it.", "cps_credential"),
    ],
)
def test_elements_found(text, element):
    assert check(text).elements.to_dict()[element] is True


@pytest.mark.parametrize(
    "text, element",
    [
        ("Reports to the Nurse Manager.", "peer_supervision"),
        ("Supervision by the Clinical Program Manager.", "peer_supervision"),
        ("Lived experience not required.", "lived_experience"),
        ("Supports people in their own recovery.", "lived_experience"),
        ("Two years of experience working with people in recovery.", "lived_experience"),
        ("Paid time off and health insurance.", "paid_training"),
        ("Paid MAP training.", "paid_training"),
        ("CPS certification not required.", "cps_credential"),
        ("CARC certification preferred.", "cps_credential"),
        ("Supervision by a CPS supervisor is required.", "cps_credential"),
    ],
)
def test_elements_not_found(text, element):
    assert check(text).elements.to_dict()[element] is False


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Supervised by a Certified Peer Specialist.", True),
        ("Supervision by a CPS supervisor.", True),
        ("Peer supervision is provided weekly.", True),
        ("Reports to the Peer Services Director, a CPS.", True),
        ("Meets weekly with a clinical supervisor who is a CPS.", True),
        ("Supervision from a supervisor trained in peer support.", True),
        ("Supervised by an LICSW.", False),
        ("Receives clinical supervision by the program's LMHC.", False),
        ("The Peer Specialist is supervised by the Clinical Director.", False),
        (
            "Receives supervision from the Program Director (LICSW) and attends the "
            "monthly peer staff meeting.",
            False,
        ),
    ],
)
def test_peer_supervision_is_decided_by_who_supervises(text, expected):
    assert check(text).elements.peer_supervision is expected


def test_named_non_peer_supervisor_outweighs_bare_peer_supervision():
    text = (
        "Participates in peer supervision and policy meetings.\n\n"
        "Supervision: supervised by the Program Director (LICSW)."
    )
    assert check(text).elements.peer_supervision is False


@pytest.mark.parametrize(
    "text",
    [
        "Paid time for CE.",
        "Conference attendance is paid.",
        "Training stipend of $500 per year.",
        "Eligible for paid educational leave for continuing education.",
        "CPS training is paid and the hours are paid as work hours.",
    ],
)
def test_paid_training_wordings(text):
    assert check(text).elements.paid_training is True


@pytest.mark.parametrize(
    "text, expected",
    [
        ("CPS required or obtained within 12 months.", True),
        ("CPS preferred.", True),  # asked for and valued: counts (see elements.py)
        ("CPS not required.", False),
    ],
)
def test_cps_credential_wordings(text, expected):
    assert check(text).elements.cps_credential is expected


@pytest.mark.parametrize(
    "text, pay",
    [
        ("Salary: $41,600 - $47,000 per year, plus $2/hr night differential.", 20.0),
        ("Annual salary range $45,760-$52,000.", 22.0),
        ("Salary Range: $52,000.00 - $61,000.00 annually.", 25.0),
    ],
)
def test_annual_ranges_take_the_low_end_and_ignore_differentials(text, pay):
    assert check(text).elements.hourly_pay == pay
