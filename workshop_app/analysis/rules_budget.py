"""The budget lever: does the money for a shared goal meet in one pot?

Judged by **amounts**, not by counting links: a joint pot of 0 € beside two
department budgets is no pot.

* ``split-budget`` — a shared goal is funded from both Marketing's and
  Sales' own budgets, and more than ``AnalysisSettings.split_share_percent``
  (default **50**) % of its money comes from them. Money that ``pools`` into
  a joint pot (budget → budget: the source's money goes into the target) is
  joint money: a joint pot formed from the two old department budgets is
  *one* pot. A pot without an amount of its own is worth what pools into it
  and takes all of its sources' money; a pot with an amount takes that much,
  shared among its sources by their size, and the rest of a department
  budget stays the department's own. So two ``pools`` lines into a small
  joint pot do not turn a million of department money into joint money. When amounts are unknown (or in different
  currencies) and a joint pot stands beside the department budgets, the
  finding says the split cannot be judged and asks for the amounts; without
  any joint pot it is split whatever the amounts. A joint pot that starts
  later (``start_date``) is named with its date: until then the goal lives
  on the departments' money.
* ``unfunded-shared-goal`` — no budget funds the shared goal, or only
  budgets of 0. A pot that starts later still counts as funding.
"""

from __future__ import annotations

from collections.abc import Iterator

from workshop_app.analysis.findings import Finding
from workshop_app.analysis.index import DocIndex, _walk
from workshop_app.analysis.registry import DEPARTMENTS, about, by_side, rule
from workshop_app.i18n import N_
from workshop_app.model import GoalLevel, LinkKind, Side
from workshop_app.vocabulary import Translator


class Money:
    """Amounts and sides of budgets, counted through ``pools``; built once per analysis."""

    def __init__(self, idx: DocIndex):
        self.idx = idx
        budgets = idx.of_kind("budget")
        joint = [b.id for b in budgets if b.side == Side.JOINT]
        #: budgets whose money ends up in a joint pot (the joint pots included)
        self.joint = _walk(joint, idx.into[LinkKind.POOLS])
        self._amounts: dict[str, float | None] = {}

    def side(self, budget) -> Side:
        """Joint for a joint pot and for a department budget that went wholly into one."""
        if budget.side == Side.JOINT or (budget.id in self.joint and self.own_part(budget) == 0):
            return Side.JOINT
        return budget.side

    def own_part(self, budget) -> float | None:
        """What of a budget is still its side's own money: its amount less what it put into joint pots.

        None when that cannot be told (an amount unknown). A pot without an amount of its own
        takes all of a source's money; a pot with one takes its amount, shared among its sources
        in proportion to their amounts.
        """
        amount = self.amount(budget)
        if budget.side == Side.JOINT:
            return amount
        pots = [self.idx.elements[t] for t in dict.fromkeys(self.idx.targets(LinkKind.POOLS, budget.id))
                if t in self.joint]
        if not pots:
            return amount
        if any(getattr(pot, "amount", None) is None for pot in pots):
            return 0.0
        if amount is None:
            return None
        given = 0.0
        for pot in pots:
            held = getattr(pot, "amount", None) or 0.0  # every pot here has an amount (checked above)
            sources = [self.amount(self.idx.elements[s]) for s in dict.fromkeys(self.idx.sources(LinkKind.POOLS, pot.id))]
            known = sum(v for v in sources if v)
            if known:
                given += held * amount / known
        return max(amount - given, 0.0)

    def amount(self, budget) -> float | None:
        """The budget's amount; a pot without one is the sum of what pools into it (None when unknown).

        Iterative (a long chain of pots must not exhaust the stack); a cycle of pools knows no amount.
        """
        elements, into, known = self.idx.elements, self.idx.into[LinkKind.POOLS], self._amounts
        stack, open_ = [budget.id], set()
        while stack:
            bid = stack[-1]
            if bid in known:
                stack.pop()
                continue
            own = getattr(elements[bid], "amount", None)
            sources = list(dict.fromkeys(s for s, _ in into.get(bid, ())))
            pending = [s for s in sources if s not in known and s not in open_]
            if own is None and pending and bid not in open_:
                open_.add(bid)
                stack.extend(pending)
                continue
            stack.pop()
            open_.discard(bid)
            values = [known.get(s) for s in sources]
            known[bid] = own if own is not None else (
                sum(v for v in values if v is not None) if sources and None not in values else None)
        return known[budget.id]


def _shared_goals(idx: DocIndex) -> list:
    return [g for g in idx.goals() if g.level == GoalLevel.SHARED]


def _funders(idx: DocIndex, goal) -> list:
    return [idx.elements[b] for b in dict.fromkeys(idx.sources(LinkKind.FUNDS, goal.id))]


def _later(tr: Translator, idx: DocIndex, pots: list) -> str:
    later = [p for p in pots if p.start_date and (idx.workshop_date is None or p.start_date > idx.workshop_date)]
    return "".join(" " + tr("The joint pot {pot} starts on {date}; until then the goal lives on the departments' "
                            "money.", pot=tr.name(p), date=tr.date(p.start_date)) for p in later)


@rule("split-budget", N_("Split budget"), "budget")
def split_budget(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """A shared goal whose money comes mostly from the two sides' own budgets."""
    money = Money(idx)
    threshold = idx.settings.split_share_percent
    for goal in _shared_goals(idx):
        funders = _funders(idx, goal)
        amounts = {b.id: money.amount(b) if money.side(b) == Side.JOINT else money.own_part(b) for b in funders}
        own = by_side(b for b in funders if money.side(b) != Side.JOINT and amounts[b.id] != 0)
        if not set(DEPARTMENTS) <= {money.side(b) for b in own}:
            continue
        pots = by_side(b for b in funders if money.side(b) == Side.JOINT)
        currencies = {b.currency for b in funders if amounts[b.id]}
        unknown = [b for b in funders if amounts[b.id] is None]
        lead = tr("Shared goal {goal} is funded from Marketing's and Sales' own budgets ({budgets}).",
                  goal=tr.name(goal), budgets=tr.names(own))
        if not pots:
            why = tr("No joint pot funds it. Each side spends its own pot on its own priorities, so the money "
                     "never meets in one place.")
        elif unknown or len(currencies) > 1:
            missing = tr.names(unknown) if unknown else tr("budgets in different currencies")
            why = tr("Beside them stands the joint pot {pots}, but the amounts are not comparable ({missing}), so "
                     "whether more than {threshold} % of the money comes from the departments cannot be judged.",
                     pots=tr.names(pots), missing=missing, threshold=threshold)
        else:
            total = sum(amounts[b.id] or 0 for b in funders)
            departments = sum(amounts[b.id] or 0 for b in own)
            share = round(100 * departments / total) if total else 100
            if share <= threshold:
                continue
            currency = next(iter(currencies), "EUR")
            why = tr("{share} % of its money ({departments} of {total}) comes from them; the joint pot {pots} holds "
                     "{joint}. With more than {threshold} % from the departments' pots, each side still spends its "
                     "own money on its own priorities.", share=share, threshold=threshold,
                     departments=tr.money(departments, currency), total=tr.money(total, currency),
                     pots=tr.names(pots), joint=tr.money(total - departments, currency))
        yield Finding(
            "split-budget", (goal.id, *(b.id for b in own), *(b.id for b in pots)),
            about(tr, N_("Shared goal funded from separate pots"), goal),
            lead + " " + why + _later(tr, idx, pots),
            tr("One pot: fund {goal} from one joint budget that both sides decide on together — for instance a "
               "pot that the department budgets go into.", goal=tr.name(goal)),
            key_ids=(goal.id,),
        )


@rule("unfunded-shared-goal", N_("Unfunded shared goal"), "budget")
def unfunded_shared_goal(idx: DocIndex, tr: Translator) -> Iterator[Finding]:
    """A shared goal that no budget funds, or only budgets of 0."""
    money = Money(idx)
    for goal in _shared_goals(idx):
        funders = _funders(idx, goal)
        if funders and any(money.amount(b) != 0 for b in funders):
            continue
        if funders:
            text = tr.plural("Shared goal {goal} is funded only by {budgets}, which holds 0. A goal without money "
                             "stays a wish, and each side keeps funding its own priorities.",
                             "Shared goal {goal} is funded only by {budgets}, which hold 0. A goal without money "
                             "stays a wish, and each side keeps funding its own priorities.",
                             len(funders), goal=tr.name(goal), budgets=tr.names(funders))
        else:
            text = tr("Shared goal {goal} has no budget. A goal without money stays a wish, and each side keeps "
                      "funding its own priorities.", goal=tr.name(goal))
        yield Finding(
            "unfunded-shared-goal", (goal.id,),
            about(tr, N_("Shared goal without a budget"), goal),
            text,
            tr("One pot: give {goal} a joint budget that both sides decide on together.", goal=tr.name(goal)),
        )
