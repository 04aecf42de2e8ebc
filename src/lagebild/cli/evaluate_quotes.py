"""``lagebild evaluate quotes``: the quotation layer on SpkAtt-2023 Task 2 (German Wikinews) and PolNeAR
(English political news)."""

from __future__ import annotations

import json

import click

from ..evaluate.floors import enforce_floors, floors_option

QUICK_DOCS = 40
QUICK_DOCS_EN = 40


def _echo_roles(metrics: dict[str, float], roles) -> None:
    """P/R/F1 table of the scored roles and the joint score."""
    click.echo(f"{'role':<10} {'P':>6} {'R':>6} {'F1':>6}")
    for role in (*roles, "joint"):
        click.echo(f"{role:<10} {metrics[role + '_p']:6.3f} {metrics[role + '_r']:6.3f} {metrics[role + '_f1']:6.3f}")


@click.command("quotes")
@click.option("--corpus", type=click.Choice(["spkatt", "polnear", "all"]), default=None,
              help="spkatt = German SpkAtt-2023 Task 2; polnear = English PolNeAR; all = both. "
                   "Default: all with --quick, else spkatt.")
@click.option("--split", type=click.Choice(["dev", "train", "test"]), default="dev", show_default=True,
              help="Split (SpkAtt: train/dev, rules tuned on train; PolNeAR: train/dev/test, tuned on train/dev).")
@click.option("--quick", is_flag=True,
              help=f"Only the first {QUICK_DOCS} documents of the dev split(s) (for CI; German and English).")
@click.option("--limit", type=int, default=None, help="Only the first N documents.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--dump", type=click.Path(dir_okay=False), default=None,
              help="Write gold and predicted quotations per document to this JSON file (error analysis).")
@floors_option
def command(corpus: str | None, split: str, quick: bool, limit: int | None, as_json: bool, dump: str | None,
            floors_path: str | None) -> None:
    """Score quotation detection and attribution (message, source, cue, addressee, joint)."""
    from ..evaluate.quotes import ROLES, evaluate
    from ..evaluate.quotes_polnear import ROLES_EN, evaluate_polnear

    corpus = corpus or ("all" if quick else "spkatt")
    if quick:
        split = "dev"
    metrics: dict[str, float] = {}
    results = {}
    if corpus in ("spkatt", "all"):
        if split == "test":
            raise click.BadParameter("SpkAtt-2023 Task 2 has no public test split; valid: train, dev", param_hint="--split")
        result = evaluate(split=split, limit=QUICK_DOCS if quick and not limit else limit, dump=dump)
        results["spkatt"] = result
        metrics.update(result["metrics"])
        if not as_json:
            m = result["metrics"]
            click.echo(f"SpkAtt-2023 Task 2 {result['split']}: {result['documents']} documents, "
                       f"{result['gold_quotes']} gold quotations, {result['seconds']:.1f} s")
            _echo_roles(m, ROLES)
            click.echo(f"\n{'form':<22} {'gold':>5} {'pred':>5} {'msgF1':>6} {'jointF1':>7} {'formP':>6} {'formR':>6}")
            for form, f in result["per_form"].items():
                click.echo(f"{form:<22} {f['gold']:5d} {f['predicted']:5d} {f['message_f1']:6.3f} {f['joint_f1']:7.3f} "
                           f"{f['form_p']:6.3f} {f['form_r']:6.3f}")
    if corpus in ("polnear", "all"):
        en_dump = dump if corpus == "polnear" else None
        result = evaluate_polnear(split=split, limit=QUICK_DOCS_EN if quick and not limit else limit, dump=en_dump)
        results["polnear"] = result
        metrics.update({"en_" + k: v for k, v in result["metrics"].items()})
        if not as_json:
            m = result["metrics"]
            click.echo(f"\nPolNeAR {result['split']}: {result['documents']} documents, {result['gold_quotes']} gold "
                       f"attributions, {result['predicted_quotes']} predicted, {result['seconds']:.1f} s")
            _echo_roles(m, ROLES_EN)
    if as_json:
        click.echo(json.dumps(results, indent=2))
    # floors in benchmarks/floors.json under "quotes" are set for the --quick subsets (what CI runs);
    # English metrics carry the prefix "en_"
    if floors_path and corpus != "all":
        from ..evaluate.floors import load_floors

        wanted = {k for k in load_floors(floors_path, "quotes")}
        missing = {k for k in wanted if k not in metrics}
        if missing:
            raise click.UsageError("--floors needs both corpora (use --quick or --corpus all); "
                                   f"not measured: {', '.join(sorted(missing))}")
    enforce_floors("quotes", metrics, floors_path)
