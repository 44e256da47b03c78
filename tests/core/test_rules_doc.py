"""docs/rules.md is generated from the rule catalogue: the file and the code never differ."""

import importlib.util
from pathlib import Path

from recap_app.core.rules import RULES

ROOT = Path(__file__).resolve().parent.parent.parent


def load_tool():
    spec = importlib.util.spec_from_file_location("gen_rules_doc", ROOT / "tools" / "gen_rules_doc.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_docs_rules_md_matches_the_code():
    tool = load_tool()
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == tool.render(), \
        "docs/rules.md is out of date: run python tools/gen_rules_doc.py"


def test_every_rule_is_in_the_document():
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for r in RULES:
        assert f"| {r.code} | {r.severity} | {r.text_id} |" in text
