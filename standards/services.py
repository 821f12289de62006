"""Business rules of the role standards."""

import math

from standards.selectors import ratio_figures


def peer_fte_needed(people_served: int) -> dict:
    """Peer FTE an organization needs for the people it serves, per the ratio standard.

    At least 1 peer FTE per `people_served_per_fte` people (rounded up); below
    `networking_time_below_fte` FTE the organization must fund paid networking time.
    """
    if people_served < 0:
        raise ValueError("people_served cannot be negative")
    figures = ratio_figures()
    fte = math.ceil(people_served / figures["people_served_per_fte"])
    return {
        "people_served": people_served,
        "peer_fte_needed": fte,
        "networking_time_required": 0 < fte < figures["networking_time_below_fte"],
        **figures,
    }
