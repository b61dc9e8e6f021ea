"""The communications pack: one set of facts, every voice (``crisiscomms pack``).

A company in an outage publishes on many channels and answers questions all day;
the pack is what one stage of an incident needs, drafted from one set of facts so
that every voice says the same thing on the same timetable (统一口径、统一时间表):

- the stage's notices (``pack.toml``: ongoing → first statement or progress update;
  resolved → apology, and the compensation notice when there is compensation or
  money was affected, which is owed a refund) in every language and channel asked for;
- the customer-service script (客服口径), the help-centre FAQ, the community
  message (社群) and the internal briefing, from vetted templates
  ``templates/<lang>/pack/``;
- every file checked: the draft's own findings, parity across languages and
  channels, documents against the facts; and an index, ``pack.json``
  (``crisiscomms/schemas/pack.schema.json``).

Examples:
    >>> from crisiscomms.factfiles import read_facts
    >>> from crisiscomms.resources import examples_root
    >>> incident = read_facts(str(examples_root() / "ecommerce-cooling-failure.yaml"))
    >>> made = build_pack(incident, langs=["zh", "en"])
    >>> made.stage, made.kinds
    ('resolved', ['apology', 'compensation_notice'])
    >>> [f.name for f in made.files if f.kind == "cs_script"]
    ['cs-script.zh.txt', 'cs-script.en.txt']
"""

from __future__ import annotations

from .building import NOTICE, CommsPack, build_pack, draft_channels, draft_langs
from .files import PackFile
from .index import INDEX_NAME, SCHEMA_ID, pack_index, pack_outputs, write_pack
from .stages import stage_kinds, stage_of

__all__ = [
    "INDEX_NAME",
    "NOTICE",
    "SCHEMA_ID",
    "CommsPack",
    "PackFile",
    "build_pack",
    "draft_channels",
    "draft_langs",
    "pack_index",
    "pack_outputs",
    "stage_kinds",
    "stage_of",
    "write_pack",
]
