"""What happens in the demo world: every province's reviews and trainings over the years, central and
district events, and near-topic events that are not TTĐN reports (the loader must reject those)."""

import random
from datetime import date

from .base import (
    CENTRAL_RATES,
    COCHAIR_SHARE,
    DEFAULT_SEED,
    DELEGATION_SHARE,
    DISTRICT_EVENTS,
    FIRST_YEAR,
    LAST_EVENT_DAY,
    LAST_YEAR,
    NEGATIVE_EVENTS,
    NO_CHAIR_SHARE,
    TERMS,
    TRAVEL_FACTOR,
    TYPE_RATES,
    Event,
    districts_of,
    person_name,
    provinces,
    random_day,
    seeded,
    templates,
)


def _chairs(seed: int, tpl: dict, province: str, level: str, year: int, kind: str,
            rng: random.Random) -> list[tuple[str, dict]]:
    """The committee head is the same person through a term; sometimes a deputy co-chairs."""
    if rng.random() < NO_CHAIR_SHARE.get(kind, 0.08):
        return []
    term = next(i for i, (a, b) in enumerate(TERMS) if a <= year <= b)
    stable = seeded(seed, "chair", province, level, term)
    titles = tpl["chair_titles"]["central" if level == "central" else level]
    head = (person_name(stable, tpl), stable.choice(titles))
    if level == "province" and rng.random() < COCHAIR_SHARE:
        deputy = seeded(seed, "deputy", province, term)
        return [head, (person_name(deputy, tpl), deputy.choice(tpl["chair_titles"]["cochair"]))]
    return [head]


def _counts(rng: random.Random, weight: float, year: int, kind: str) -> dict:
    scale = weight * TRAVEL_FACTOR.get(year, 1.0) * (0.5 if kind == "so_ket" else 1.0)
    di = max(2, round(rng.uniform(8, 45) * scale))
    do = max(1, round(di * rng.uniform(0.15, 0.5)))
    return {"di": di, "vi": di * rng.randint(4, 14), "do": do, "vo": do * rng.randint(3, 8)}


def meeting_day(rng: random.Random, kind: str, year: int) -> tuple[date, int | None]:
    """(meeting day, reviewed year). Mid-year reviews in Jun-Aug; year-end ones Dec-Feb."""
    if kind == "so_ket":
        return random_day(rng, date(year, 6, 20), date(year, 8, 20)), year
    if kind == "tong_ket":
        reviewed = year - 1
        if rng.random() < 0.3 and reviewed >= FIRST_YEAR:
            return random_day(rng, date(reviewed, 12, 10), date(reviewed, 12, 30)), reviewed
        return random_day(rng, date(year, 1, 5), date(year, 2, 27)), reviewed
    return random_day(rng, date(year, 2, 15), date(year, 12, 15)), None


def _province_events(seed: int, tpl: dict, names: list[str]) -> list[Event]:
    rng = seeded(seed, "province-events")
    events = []
    for province in names:
        weight = 4.0 if province in tpl["cities_centrally_run"] else seeded(seed, "w", province).uniform(0.5, 2.5)
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            for kind, rate in TYPE_RATES.items():
                if rng.random() >= rate:
                    continue
                day, reviewed = meeting_day(rng, kind, year)
                if day.year == LAST_YEAR and kind == "so_ket" and day > LAST_EVENT_DAY:
                    continue
                extras: dict[str, object] = {"weight": weight}
                if rng.random() < DELEGATION_SHARE.get(kind, 0):
                    extras["counts"] = _counts(rng, weight, day.year, kind)
                events.append(Event(kind, "province", province, day, True, review_year=reviewed,
                                    chairs=_chairs(seed, tpl, province, "province", day.year, kind, rng),
                                    extras=extras))
    covered = {e.province for e in events}
    for province in names:  # every province appears at least once, whatever the dice said
        if province not in covered:
            day, reviewed = meeting_day(rng, "tong_ket", 2020)
            events.append(Event("tong_ket", "province", province, day, True, review_year=reviewed,
                                chairs=_chairs(seed, tpl, province, "province", 2020, "tong_ket", rng)))
    return events


def _central_events(seed: int, tpl: dict) -> list[Event]:
    rng = seeded(seed, "central-events")
    events = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for kind, rate in CENTRAL_RATES.items():
            if rng.random() >= rate:
                continue
            day, reviewed = meeting_day(rng, kind, year)
            chairs = _chairs(seed, tpl, "Trung ương", "central", day.year, kind, rng) if kind == "tong_ket" else []
            extras = {"k": day.year - 2014}
            extras.update(rng.choice(tpl["central"]["sides"]))
            events.append(Event(kind, "central", None, day, True, review_year=reviewed, chairs=chairs, extras=extras))
    return events


def _district_events(seed: int, tpl: dict, names: list[str]) -> list[Event]:
    rng = seeded(seed, "district-events")
    events = []
    for _ in range(DISTRICT_EVENTS):
        province, kind = rng.choice(names), rng.choice(sorted(tpl["district"]["titles"]))
        day, reviewed = meeting_day(rng, kind, rng.randint(FIRST_YEAR, LAST_YEAR))
        district = rng.choice(districts_of(province))  # a district of this very province
        events.append(Event(kind, "district", province, day, True, district=district, review_year=reviewed,
                            chairs=_chairs(seed, tpl, f"{province}/{district}", "district", day.year, kind, rng)))
    return events


def _negative_events(seed: int, tpl: dict, names: list[str]) -> list[Event]:
    rng = seeded(seed, "negative-events")
    events = []
    for kind, n in NEGATIVE_EVENTS.items():
        for _ in range(n):
            year = rng.randint(FIRST_YEAR, LAST_YEAR)
            # a people-to-people year-end review happens at year end, like ours
            day, _ = meeting_day(rng, "tong_ket" if kind == "people_diplomacy" else "khac", year)
            province = None if kind == "tag_page" else rng.choice(names)
            host = [(person_name(rng, tpl), rng.choice(tpl["chair_titles"]["host"]))]
            events.append(Event(kind, None if kind == "tag_page" else "province", province, day, False,
                                review_year=day.year - 1, chairs=host, extras={"k": rng.randint(10, 2999)}))
    return events


def plan_events(seed: int = DEFAULT_SEED) -> list[Event]:
    """Everything that 'happened' in the demo world, in a stable order."""
    tpl, names = templates(), provinces()
    return (_province_events(seed, tpl, names) + _central_events(seed, tpl)
            + _district_events(seed, tpl, names) + _negative_events(seed, tpl, names))

