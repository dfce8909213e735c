"""``tandem check FILE --scenario NAME``: what a stored what-if scenario would change in the findings.

The scenario is replayed onto the file's workshop as it is (the file is only
read); the output names the findings that vanish, appear and change, and the
scenario's edits that no longer fit the workshop.
"""

from __future__ import annotations

from workshop_app.cli import EXIT_OK, CliError, json_text, say
from workshop_app.i18n import _
from workshop_app.model import Scenario, Workshop


def find_scenario(doc: Workshop, name: str) -> Scenario:
    """The scenario called ``name`` (or with that id); CliError naming the ones there are."""
    wanted = name.strip().casefold()
    for scenario in doc.scenarios:
        if scenario.name.strip().casefold() == wanted or scenario.id == name:
            return scenario
    known = ", ".join(f"“{s.name}”" for s in doc.scenarios) or _("none")
    raise CliError(_("no scenario called “{name}” in this workshop (scenarios: {known})").format(
        name=name, known=known))


def print_scenario(doc: Workshop, file: str, name: str, lang: str, as_json: bool) -> int:
    from workshop_app.analysis.scenario_diff import scenario_outcome

    scenario = find_scenario(doc, name)
    outcome = scenario_outcome(doc, scenario, lang)
    diff = outcome.diff
    if as_json:
        say(json_text({
            "file": file, "scenario": scenario.name, "id": scenario.id, "adopted": scenario.adopted,
            "edits": scenario.edit_count,
            "vanished": [{"id": f.id, "title": f.title} for f in diff.vanished],
            "appeared": [{"id": f.id, "title": f.title} for f in diff.appeared],
            "changed": [{"id": after.id, "title": after.title} for _before, after in diff.changed],
            "no_longer_fits": [{"edit": s.label, "field": s.field, "reason": _(s.reason)} for s in outcome.skipped],
        }))
        return EXIT_OK
    say(_("{file}: scenario “{name}” ({n} edits)").format(file=file, name=scenario.name, n=scenario.edit_count))
    if scenario.adopted:
        say("  " + _("Adopted: its edits are in the workshop already."))
    for heading, findings in ((_("Would vanish"), diff.vanished), (_("Would appear"), diff.appeared),
                              (_("Would change"), [after for _before, after in diff.changed])):
        say(f"  {heading} ({len(findings)})")
        for finding in findings:
            say(f"    - {finding.title}")
    if outcome.skipped:
        say("  " + _("No longer fits ({n})").format(n=len(outcome.skipped)))
        for skipped in outcome.skipped:
            what = f"{skipped.label} · {skipped.field}" if skipped.field else skipped.label
            say(f"    - {what}: {_(skipped.reason)}")
    return EXIT_OK
