"""``lagebild evaluate quotes``: the quotation layer on SpkAtt-2023 Task 2 (German Wikinews)."""

from __future__ import annotations

import json

import click

from ..evaluate.floors import enforce_floors, floors_option

QUICK_DOCS = 40


@click.command("quotes")
@click.option("--split", type=click.Choice(["dev", "train"]), default="dev", show_default=True,
              help="SpkAtt-2023 Task 2 split (rules are tuned on train; report dev).")
@click.option("--quick", is_flag=True, help=f"Only the first {QUICK_DOCS} documents (for CI).")
@click.option("--limit", type=int, default=None, help="Only the first N documents.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--dump", type=click.Path(dir_okay=False), default=None,
              help="Write gold and predicted quotations per document to this JSON file (error analysis).")
@floors_option
def command(split: str, quick: bool, limit: int | None, as_json: bool, dump: str | None, floors_path: str | None) -> None:
    """Score quotation detection and attribution (message, source, cue, addressee, joint)."""
    from ..evaluate.quotes import ROLES, evaluate

    result = evaluate(split=split, limit=QUICK_DOCS if quick and not limit else limit, dump=dump)
    m = result["metrics"]
    if as_json:
        click.echo(json.dumps(result, indent=2))
    else:
        click.echo(f"SpkAtt-2023 Task 2 {result['split']}: {result['documents']} documents, "
                   f"{result['gold_quotes']} gold quotations, {result['seconds']:.1f} s")
        click.echo(f"{'role':<10} {'P':>6} {'R':>6} {'F1':>6}")
        for role in (*ROLES, "joint"):
            click.echo(f"{role:<10} {m[role + '_p']:6.3f} {m[role + '_r']:6.3f} {m[role + '_f1']:6.3f}")
        click.echo(f"\n{'form':<22} {'gold':>5} {'pred':>5} {'msgF1':>6} {'jointF1':>7} {'formP':>6} {'formR':>6}")
        for form, f in result["per_form"].items():
            click.echo(f"{form:<22} {f['gold']:5d} {f['predicted']:5d} {f['message_f1']:6.3f} {f['joint_f1']:7.3f} "
                       f"{f['form_p']:6.3f} {f['form_r']:6.3f}")
    # floors in benchmarks/floors.json under "quotes" are set for the --quick subset (what CI runs)
    enforce_floors("quotes", dict(m), floors_path)
